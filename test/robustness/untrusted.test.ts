// A workspace must not be able to make the extension run a program. The extension declares how
// it behaves in an untrusted workspace, no setting a workspace can set names an executable, and
// neither the client nor the server has a way to start a program from what it reads.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const REPO_ROOT = join(__dirname, '..', '..');

interface SettingSchema {
  type?: string | string[];
  scope?: string;
  description?: string;
  markdownDescription?: string;
}

interface Manifest {
  capabilities?: {
    untrustedWorkspaces?: { supported?: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
  };
  contributes?: { configuration?: { properties?: Record<string, SettingSchema> } | Array<{ properties?: Record<string, SettingSchema> }> };
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

function contributedSettings(): Array<[string, SettingSchema]> {
  const configuration = manifest.contributes?.configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  return sections.flatMap((section) => Object.entries(section.properties ?? {}));
}

/** Scopes a workspace or folder settings file cannot set. */
const MACHINE_SCOPES = new Set(['application', 'machine']);

const PROGRAM_WORDS = new Set([
  'path', 'paths', 'executable', 'command', 'commands', 'binary', 'program', 'runtime', 'interpreter', 'exe',
  'args', 'argv', 'env', 'cwd', 'module', 'bin', 'shell', 'node', 'plugin', 'plugins', 'script', 'scripts',
]);

/** A setting that points at something to run: a word of its name, or its description, talks of a program, a path or arguments. */
function namesAnExecutable(key: string, schema: SettingSchema): boolean {
  const leaf = key.split('.').slice(1).join('.');
  if (leaf === 'trace.server') return false; // the protocol trace level, an enum
  const words = leaf.split(/[.\-_]|(?=[A-Z])/).map((word) => word.toLowerCase());
  const description = `${schema.description ?? ''} ${schema.markdownDescription ?? ''}`;
  const describesProgram = /\b(path to|executable|binary|program to run|command line|interpreter)\b/i;
  return words.some((word) => PROGRAM_WORDS.has(word)) || describesProgram.test(description);
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Everything bundled into the extension, the server and the CLI (the server reads config files and the build context too). */
const SHIPPED_SOURCES = [...sourceFiles(join(REPO_ROOT, 'client', 'src')), ...sourceFiles(join(REPO_ROOT, 'server', 'src'))];

describe('untrusted workspaces', () => {
  it('recognises a setting that names an executable', () => {
    const flagged = ['layerwise.server.path', 'layerwise.hadolintExecutable', 'layerwise.serverArgs', 'layerwise.nodeRuntime'];
    const harmless = ['layerwise.enable', 'layerwise.rules', 'layerwise.target', 'layerwise.sizeLens.enabled', 'layerwise.trace.server', 'layerwise.combineRuns'];
    for (const key of flagged) assert.ok(namesAnExecutable(key, {}), key);
    for (const key of harmless) assert.ok(!namesAnExecutable(key, {}), key);
    assert.ok(namesAnExecutable('layerwise.linter', { description: 'The path to hadolint' }));
  });


  it('declares its support for untrusted workspaces, with a description', () => {
    const declared = manifest.capabilities?.untrustedWorkspaces;
    assert.ok(declared, 'package.json capabilities.untrustedWorkspaces');
    assert.ok(declared.supported === true || declared.supported === 'limited', `supported is ${String(declared.supported)}`);
    assert.ok((declared.description ?? '').length > 20, 'says what is allowed in an untrusted workspace');
  });

  it('lets no workspace set a setting that names an executable', () => {
    const declared = manifest.capabilities?.untrustedWorkspaces;
    const restricted = new Set(declared?.restrictedConfigurations ?? []);
    const settings = contributedSettings();
    assert.ok(settings.length > 0, 'the extension contributes settings');
    for (const [key, schema] of settings) {
      if (!namesAnExecutable(key, schema)) continue;
      assert.ok(MACHINE_SCOPES.has(schema.scope ?? ''), `${key} names an executable: it must be machine-scoped, not ${schema.scope ?? 'window'}`);
      assert.equal(declared?.supported, 'limited', `${key} names an executable: untrusted support must be "limited"`);
      assert.ok(restricted.has(key), `${key} names an executable: list it in restrictedConfigurations`);
    }
    // A restricted setting must exist, or the declaration is stale.
    const keys = new Set(settings.map(([key]) => key));
    for (const key of restricted) assert.ok(keys.has(key), `restrictedConfigurations names ${key}, which is not contributed`);
  });

  it('gives every setting an explicit scope', () => {
    for (const [key, schema] of contributedSettings()) assert.ok(schema.scope, `${key} has no scope`);
  });

  it('starts no program: nothing in client/src or server/src imports a process launcher or evaluates code', () => {
    const launcher = /from ['"](node:)?child_process['"]|require\(['"](node:)?child_process['"]\)|\bprocess\.binding\b|\bnew Function\(|\beval\(/;
    const offenders = SHIPPED_SOURCES.filter((path) => launcher.test(readFileSync(path, 'utf8'))).map((path) => relative(REPO_ROOT, path));
    assert.deepEqual(offenders, []);
  });

  it('starts only its own bundled server, whatever the settings say', () => {
    const client = readFileSync(join(REPO_ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(client, /asAbsolutePath\(['"]dist\/server\.js['"]\)/, 'the server module is a file of the extension itself');
    const clientSources = sourceFiles(join(REPO_ROOT, 'client', 'src')).map((path) => readFileSync(path, 'utf8')).join('\n');
    // The only settings the client reads are booleans for its status item.
    const read = [...clientSources.matchAll(/booleanSetting\([^,]+,\s*'([^']+)'/g)].map((match) => match[1]);
    const gets = [...clientSources.matchAll(/\.get(?:<[^>]*>)?\(\s*'([^']+)'/g)].map((match) => match[1]);
    for (const key of [...read, ...gets]) {
      const schema = contributedSettings().find(([name]) => name === `layerwise.${key}`)?.[1];
      assert.ok(schema, `the client reads layerwise.${key}, which is not contributed`);
      assert.ok(!namesAnExecutable(`layerwise.${key}`, schema), `the client reads layerwise.${key}, which names an executable`);
    }
  });

  it('renders no workspace text as trusted Markdown (trusted Markdown can run commands)', () => {
    const offenders = SHIPPED_SOURCES.filter((path) => /isTrusted\s*[:=]\s*true|supportHtml\s*[:=]\s*true/.test(readFileSync(path, 'utf8')));
    assert.deepEqual(offenders.map((path) => relative(REPO_ROOT, path)), []);
  });
});
