// Bundles the extension client, the language server, the CLI and the library API into dist/.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const production = !process.argv.includes('--dev');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'inline',
  minify: production,
  // Function names are not needed at run time (errors name the rule by id), and keeping them costs ~3 % of analysis time.
  keepNames: false,
  logLevel: 'warning',
  legalComments: 'none',
};

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
