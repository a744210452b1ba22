// Names: the closest known name to a misspelt one ("did you mean …"), and the reserved stage names.

/** BuildKit refuses these as stage names: `scratch` is the empty image, `context` the build context. */
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment), case-sensitive. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The candidate `name` is most likely a typo of: same letters in another case, or within one edit for
 * short names and two for names of six letters or more. null when nothing is that close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const limit = name.length >= 6 ? 2 : 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (Math.abs(candidate.length - name.length) > limit || name.length > 128 || candidate.length > 128) continue;
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    if (distance <= limit && distance < bestDistance && candidate.length >= 2) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
