/** Seeded randomness, so an assignment or a weight update can be replayed and audited. */

/** A 32-bit hash of a string (FNV-1a, then murmur3's finaliser to spread near keys). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) fixed by `key`. */
export function unitFor(key: string): number {
  return hash32(key) / 2 ** 32;
}

/** mulberry32: a small, fast generator; plenty for sampling weights, not for secrets. */
export function seededRandom(seed: number | string): () => number {
  let a = typeof seed === "string" ? hash32(seed) : seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Picks an index in proportion to `weights` with `u` in [0, 1). */
export function pickWeighted(weights: number[], u: number): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  for (const [i, w] of weights.entries()) {
    acc += w / total;
    if (u < acc) return i;
  }
  return weights.length - 1;
}
