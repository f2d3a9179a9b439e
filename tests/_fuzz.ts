/**
 * Random changes to outside data for the fuzz tests, from a fixed seed so a
 * failure can be replayed (CREATOR_FUZZ_SEED picks another).
 */

export const SEED = Number(Deno.env.get("CREATOR_FUZZ_SEED") ?? 20251201);
// deno-lint-ignore no-control-regex -- the test looks for control characters
export const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
export type Random = ReturnType<typeof random>;

const HOSTILE_VALUES = [
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e308",
  "-0",
  "",
  "abc",
  null,
  true,
  [],
  {},
  "\x1b[2J\x1b]0;x\x07",
  "9".repeat(400),
  "x".repeat(100_000),
  1e308,
  -5,
  32503680000000,
  "2500-01-01T00:00:00Z",
] as const;

/** One random change to a JSON value: a leaf replaced, a list emptied or cut. */
export function mutateJson(value: unknown, r: Random): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || r.next() < 0.1) return r.pick([[], value.slice(0, 1), "oops"]);
    const copy = [...value];
    const i = r.int(copy.length);
    copy[i] = mutateJson(copy[i], r);
    return copy;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return r.pick(HOSTILE_VALUES);
    const [key, inner] = entries[r.int(entries.length)];
    return { ...value, [key]: r.next() < 0.7 ? mutateJson(inner, r) : r.pick(HOSTILE_VALUES) };
  }
  return r.pick(HOSTILE_VALUES);
}
