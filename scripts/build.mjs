// Bundles the extension client, the language server, the CLI and the library API into dist/.
import { build } from 'esbuild';
import { bundleOptions } from './esbuild-options.mjs';

const watch = process.argv.includes('--watch');
const production = !process.argv.includes('--dev');

const common = bundleOptions(production);

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  // The server's analysis thread (worker_threads), loaded from beside dist/server.js.
  { in: 'server/src/lsp/analysis-worker.ts', out: 'dist/analysis-worker.js' },
  { in: 'server/src/cli.ts', out: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { in: 'server/src/api.ts', out: 'dist/api.js' },
];

await Promise.all(
  entries.map((entry) =>
    build({
      ...common,
      entryPoints: [entry.in],
      outfile: entry.out,
      external: entry.external ?? [],
      banner: entry.banner,
    }),
  ),
);
if (watch) console.log('watch mode is not supported; run `npm run build` again');
