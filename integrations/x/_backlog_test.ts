import assert from "node:assert/strict";
import { backlogRanges, type IdRange } from "./_backlog.ts";

/** The ids of [low, high) each range admits, X's way: since < id < until. */
function covered(ranges: IdRange[], low: bigint, high: bigint): bigint[] {
  const out: bigint[] = [];
  for (let id = low; id < high; id++) {
    const hits = ranges.filter((r) =>
      (!r.since || id > BigInt(r.since)) && (!r.until || id < BigInt(r.until))
    );
    assert.ok(hits.length <= 1, `id ${id} is in ${hits.length} ranges`);
    if (hits.length) out.push(id);
  }
  return out;
}

Deno.test("the ranges cover the backlog between the cursor and the first page exactly once", () => {
  for (
    const [cursor, oldest, newest, pages] of [
      [1000n, 1990n, 2089n, 99],
      [1000n, 1990n, 1999n, 99],
      [1000n, 1003n, 1100n, 99],
      [0n, 5000n, 5009n, 3],
      [1000n, 1001n, 1100n, 99],
    ] as const
  ) {
    const ranges = backlogRanges(String(cursor), String(oldest), String(newest), pages);
    const ids = covered(ranges, cursor - 5n, oldest + 5n);
    assert.deepEqual(
      ids,
      Array.from({ length: Number(oldest - cursor - 1n) }, (_, i) => cursor + 1n + BigInt(i)),
    );
  }
});

Deno.test("a backlog of many pages is read as up to 8 ranges of about equal pages", () => {
  // 100 mentions a page, one id apart: 9,900 more ids behind the first page.
  const base = 1_880_000_000_000_000_000n;
  const ranges = backlogRanges("1", String(base + 9_900n), String(base + 9_999n), 99);
  assert.equal(ranges.length, 9); // eight of the estimate, one for anything older
  const sizes = ranges.slice(0, 8).map((r) => BigInt(r.until!) - BigInt(r.since!) - 1n);
  assert.ok(sizes.every((s) => s >= 1237n && s <= 1245n), sizes.join(","));
  assert.deepEqual(ranges.at(-1), { since: "1", until: String(base) });
});

Deno.test("a short backlog stays one range, and odd ids fall back to one", () => {
  assert.equal(backlogRanges("100", "400", "499", 99).length, 1);
  assert.deepEqual(backlogRanges("abc", "400", "499", 99), [{ since: "abc", until: "400" }]);
});
