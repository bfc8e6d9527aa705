/**
 * What is worth computing once per catalog: a log repeats few codes, so the decoder asks the
 * same questions (the tables of a route, the candidates of a code, the nearest rows of an
 * unknown code) thousands of times. One store per catalog, bounded so that an odd paste of
 * many distinct codes cannot grow it without end. The benchmark shows it halves the time of a
 * 10,000-line paste with unknown codes in it.
 */
import type { Catalog } from './index.ts';

const stores = new WeakMap<Catalog, Map<string, unknown>>();
/** Entries one catalog's store holds before it starts afresh. */
const LIMIT = 8192;

/** The value remembered for `key` with this catalog, computed by `compute` the first time. */
export function remember<T>(catalog: Catalog, key: string, compute: () => T): T {
  let store = stores.get(catalog);
  if (!store) stores.set(catalog, (store = new Map<string, unknown>()));
  if (store.has(key)) return store.get(key) as T;
  if (store.size >= LIMIT) store.clear();
  const value = compute();
  store.set(key, value);
  return value;
}
