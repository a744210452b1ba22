// Where a document is analysed. Small files are analysed on the main thread: that is quicker than
// the round trip to the worker and keeps no model alive. Anything that may take long goes to the
// worker, where it can be stopped: big files, and files of the shape that makes dockerfile-ast
// quadratic (each comment is placed by walking every stage: comments × FROMs steps).

/** Measured: at 50 KB a typical Dockerfile analyses in ~40 ms on the main thread. */
export const DEFAULT_MAIN_THREAD_MAX_BYTES = 50 * 1024;
/** comments × FROMs above this cost the parser more than ~10 ms (about 70 ns a step measured). */
const MAX_COMMENT_STAGE_STEPS = 150_000;

const COMMENT_LINE = /^[ \t]*#/gm;
const FROM_LINE = /^[ \t]*from[ \t]/gim;

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

/** Where a document is analysed, and whether its cost follows its size alone. */
export interface Route {
  onMainThread: boolean;
  /** False for the quadratic shape: its analysis may take seconds whatever its size. */
  linear: boolean;
}

/** On the main thread when the document is small and of a shape the parser handles in linear time. */
export function routeFor(text: string, maxBytes: number = DEFAULT_MAIN_THREAD_MAX_BYTES): Route {
  const linear = hasLinearShape(text);
  // UTF-16 length ≤ UTF-8 bytes ≤ 3 × it: no need to encode the text to compare with the limit.
  const small = text.length <= maxBytes && Buffer.byteLength(text, 'utf8') <= maxBytes;
  return { onMainThread: small && linear, linear };
}

function hasLinearShape(text: string): boolean {
  const froms = countMatches(text, FROM_LINE);
  return froms === 0 || countMatches(text, COMMENT_LINE) * froms <= MAX_COMMENT_STAGE_STEPS;
}
