// The esbuild options of the shipped bundles, shared by the build and the benchmark (which times the
// analysis compiled exactly as users run it).

/** @param {boolean} production */
export function bundleOptions(production) {
  return {
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
}
