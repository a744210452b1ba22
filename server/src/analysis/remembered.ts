// Answers computed once per object and kept beside it (a WeakMap keyed by the model, a stage, an
// instruction or a script), so that the rules and the estimator share them within one analysis.

/** What remembered() needs of a WeakMap or a Map. */
export interface AnswerStore<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): unknown;
}

/** The answer for `key`: the one kept in `answers`, or computed now and kept (null and false are answers too). */
export function remembered<K, V>(answers: AnswerStore<K, V>, key: K, compute: (key: K) => V): V {
  const known = answers.get(key);
  if (known !== undefined || answers.has(key)) return known as V;
  const answer = compute(key);
  answers.set(key, answer);
  return answer;
}
