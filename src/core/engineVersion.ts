/**
 * Set by esbuild.js when it bundles: a hash of the engine's sources, its data files and the
 * package version, so that stored analyses are kept only for the engine that made them.
 */
declare const __ATTACHE_ENGINE_VERSION__: string;

/**
 * The version of the analysis engine in this build: the first 16 hex digits of a sha1 over
 * src/core/, data/, compromise's version and package.json's version. 'development' when the
 * code runs unbundled (tsc, ts-node), where no build defined it.
 */
export const ENGINE_VERSION: string = typeof __ATTACHE_ENGINE_VERSION__ !== 'undefined' ? __ATTACHE_ENGINE_VERSION__ : 'development';
