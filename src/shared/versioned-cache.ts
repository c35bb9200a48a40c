import { LRUCache } from "lru-cache";

type TEntry<V> = { version: number; value: Promise<V> };

/**
 * A bounded cache of computed answers, each kept with the data version it was computed at
 * (src/db/data-version.ts). An entry serves only callers that read the same version; a newer
 * version recomputes. Callers that miss together on one key share one computation, so a burst
 * of requests after a change computes once. A failed computation is forgotten, not cached.
 */
export function createVersionedCache<V extends object>(options: { max: number }) {
  const entries = new LRUCache<string, TEntry<V>>({ max: options.max });
  let hits = 0;
  let misses = 0;
  return {
    /** Without a version (no data version wired, or inside a transaction) it just computes. */
    get(key: string, version: number | null | undefined, compute: () => Promise<V>): Promise<V> {
      if (version === null || version === undefined) return compute();
      const found = entries.get(key);
      if (found && found.version === version) {
        hits += 1;
        return found.value;
      }
      misses += 1;
      const value = compute();
      const entry = { version, value };
      // An older version's computation finishing late must not replace a newer one.
      if (!found || found.version < version) entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    stats: () => ({ hits, misses, size: entries.size }),
    clear: () => entries.clear(),
  };
}
export type TVersionedCache<V extends object> = ReturnType<typeof createVersionedCache<V>>;
