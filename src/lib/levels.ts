/**
 * The one way the core remembers answers to questions asked again (a log repeats its codes):
 * nested maps, one level per part of the question, each level made the first time it is
 * needed. Plain maps keyed in parts, not a string built from them, and no closure per call:
 * the decoder asks on every record (a shared helper that took a closure made a 10,000-line
 * decode about 1.5 times slower, bench A/B).
 */

/** The map under `key` in `maps`, made the first time. */
export function levelOf<K, K2, V>(
  maps: { get(key: K): Map<K2, V> | undefined; set(key: K, value: Map<K2, V>): unknown },
  key: K,
): Map<K2, V> {
  let level = maps.get(key);
  if (!level) maps.set(key, (level = new Map<K2, V>()));
  return level;
}

/** Answers kept per level at most: a level that grows past this starts over. */
export const LEVEL_LIMIT = 4096;

/** Keeps `value` under `key` in a last level, which starts over when full. */
export function remember<K, V>(level: Map<K, V>, key: K, value: V, limit = LEVEL_LIMIT): V {
  if (level.size >= limit) level.clear();
  level.set(key, value);
  return value;
}
