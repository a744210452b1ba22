// Measures what activation costs the extension host: loading dist/client.js and calling activate(),
// with `vscode` replaced by an inert stand-in (every property a callable, constructible no-op).
// The server start inside activate() is not awaited by the extension, so it is not awaited here.
// Prints one JSON line: { loadMs, activateMs, error? }. Usage: node activation-probe.mjs <client.js>
import Module, { createRequire } from 'node:module';

function inert() {
  const target = function () {};
  return new Proxy(target, {
    get(_, property) {
      if (property === 'then') return undefined; // not a promise
      if (property === Symbol.iterator) return function* () {};
      if (property === Symbol.toPrimitive) return () => '';
      return inert();
    },
    set: () => true,
    // esbuild's ESM interop copies own keys onto an object whose prototype is the module's: lookups
    // of anything else fall through to this prototype.
    getPrototypeOf: () => inertPrototype,
    apply: () => inert(),
    construct: () => inert(),
  });
}

const inertPrototype = new Proxy({}, { get: (_, property) => (property === 'then' ? undefined : inert()) });
const vscodeStub = inert();
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  return request === 'vscode' ? vscodeStub : originalLoad.call(this, request, parent, isMain);
};

const clientPath = process.argv[2];
const require = createRequire(import.meta.url);
const context = { subscriptions: [], asAbsolutePath: (path) => path, extensionPath: '.', extensionUri: inert() };

const loadStarted = performance.now();
const extension = require(clientPath);
const loadMs = performance.now() - loadStarted;
let activateMs = Number.NaN;
let error;
try {
  const activateStarted = performance.now();
  extension.activate(context);
  activateMs = performance.now() - activateStarted;
} catch (caught) {
  error = caught instanceof Error ? caught.message : String(caught);
}
console.log(JSON.stringify({ loadMs, activateMs, error }));
// The server start was only scheduled; there is nothing to wait for.
process.exit(0);
