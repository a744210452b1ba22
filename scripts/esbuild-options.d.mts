import type { BuildOptions } from 'esbuild';

export function bundleOptions(production: boolean): BuildOptions;
