/**
 * What is worth computing once per catalog: the tables of a route, the nearest rows of an
 * unknown code. One store per catalog, keyed by the question's parts in turn (numbers and
 * constant words hash fast; a key built as a string cost more than the look-up saved), each
 * level bounded so that an odd paste of many distinct codes cannot grow it without end. (The
 * decoder's per-record questions use plain maps of their own: see `decode/index.ts`.)
 */
import type { Catalog } from './index.ts';

/** One part of a question's key. */
type KeyPart = string | number | null | undefined;
interface Entry {
  value: unknown;
}
type Level = Map<KeyPart, Entry | Level>;

const stores = new WeakMap<Catalog, Level>();
/** Entries one level holds before it starts afresh. */
const LIMIT = 4096;

/** The value remembered for this catalog and key, computed by `compute` the first time. */
export function remember<T>(catalog: Catalog, compute: () => T, ...key: KeyPart[]): T {
  let level = stores.get(catalog);
  if (!level) stores.set(catalog, (level = new Map<KeyPart, Entry | Level>()));
  const last = key.length - 1;
  for (let i = 0; i < last; i++) {
    let next = level.get(key[i]) as Level | undefined;
    if (!next) {
      if (level.size >= LIMIT) level.clear();
      level.set(key[i], (next = new Map<KeyPart, Entry | Level>()));
    }
    level = next;
  }
  const found = level.get(key[last]) as { value: T } | undefined;
  if (found) return found.value;
  if (level.size >= LIMIT) level.clear();
  const value = compute();
  level.set(key[last], { value });
  return value;
}
