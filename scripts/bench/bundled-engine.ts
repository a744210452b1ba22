// The analysis engine compiled exactly as the shipped bundles are (esbuild, minified), so that the
// benchmark times what users run rather than the TypeScript loader's output.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type Engine = typeof import('./engine-entry');

export async function loadBundledEngine(): Promise<Engine> {
  // A dynamic import: the options module is ESM, this script is compiled to CommonJS by tsx.
  const { bundleOptions } = await import('../esbuild-options.mjs');
  const directory = mkdtempSync(join(tmpdir(), 'layerwise-bench-'));
  const outfile = join(directory, 'engine.js');
  try {
    buildSync({ ...bundleOptions(true), entryPoints: [resolve(__dirname, 'engine-entry.ts')], outfile });
    return createRequire(__filename)(outfile) as Engine;
  } finally {
    // The module is loaded: the file is no longer needed.
    rmSync(directory, { recursive: true, force: true });
  }
}
