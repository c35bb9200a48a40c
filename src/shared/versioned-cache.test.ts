import { describe, expect, it } from "vitest";
import { createVersionedCache } from "./versioned-cache.js";

describe("the versioned cache", () => {
  it("serves an entry only at the version it was computed at", async () => {
    const cache = createVersionedCache<{ n: number }>({ max: 4 });
    let computed = 0;
    const compute = () => Promise.resolve({ n: ++computed });
    expect(await cache.get("k", 1, compute)).toEqual({ n: 1 });
    expect(await cache.get("k", 1, compute)).toEqual({ n: 1 });
    expect(await cache.get("k", 2, compute)).toEqual({ n: 2 });
    expect(await cache.get("other", 2, compute)).toEqual({ n: 3 });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 3 });
  });

  it("computes once for callers that miss together, and forgets a failure", async () => {
    const cache = createVersionedCache<{ n: number }>({ max: 4 });
    let calls = 0;
    let release: (v: { n: number }) => void = () => undefined;
    const slow = () => {
      calls += 1;
      return new Promise<{ n: number }>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.get("k", 1, slow), cache.get("k", 1, slow)]);
    release({ n: 7 });
    expect(await both).toEqual([{ n: 7 }, { n: 7 }]);
    expect(calls).toBe(1);

    await expect(cache.get("bad", 1, () => Promise.reject(new Error("boom")))).rejects.toThrow();
    expect(await cache.get("bad", 1, () => Promise.resolve({ n: 1 }))).toEqual({ n: 1 });
  });

  it("never lets an older version's late answer replace a newer one, and stays bounded", async () => {
    const cache = createVersionedCache<{ v: number }>({ max: 2 });
    await cache.get("k", 5, () => Promise.resolve({ v: 5 }));
    await cache.get("k", 4, () => Promise.resolve({ v: 4 }));
    expect(await cache.get("k", 5, () => Promise.resolve({ v: -1 }))).toEqual({ v: 5 });
    await cache.get("a", 1, () => Promise.resolve({ v: 1 }));
    await cache.get("b", 1, () => Promise.resolve({ v: 1 }));
    expect(cache.stats().size).toBe(2);
  });
});
