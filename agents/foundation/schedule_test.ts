import assert from "node:assert/strict";
import { nextSlot } from "./schedule.ts";

const at = (iso: string) => Date.parse(iso);
const rules = { windows: ["12:00-22:00"], spacingMinutes: 60, dailyCap: 2 };

Deno.test("nextSlot waits for the window to open", () => {
  assert.equal(nextSlot(at("2025-01-01T08:30:00Z"), [], rules), at("2025-01-01T12:00:00Z"));
});

Deno.test("nextSlot posts now when inside the window and nothing is near", () => {
  assert.equal(nextSlot(at("2025-01-01T13:00:30Z"), [], rules), at("2025-01-01T13:01:00Z"));
});

Deno.test("nextSlot keeps the spacing from taken slots", () => {
  const taken = [at("2025-01-01T13:00:00Z")];
  assert.equal(nextSlot(at("2025-01-01T13:10:00Z"), taken, rules), at("2025-01-01T14:00:00Z"));
});

Deno.test("nextSlot moves to the next day when the daily cap is reached", () => {
  const taken = [at("2025-01-01T12:00:00Z"), at("2025-01-01T15:00:00Z")];
  assert.equal(nextSlot(at("2025-01-01T16:00:00Z"), taken, rules), at("2025-01-02T12:00:00Z"));
});

Deno.test("nextSlot gives up past the horizon and with a zero cap", () => {
  assert.equal(nextSlot(at("2025-01-01T23:00:00Z"), [], rules, 1), null);
  assert.equal(nextSlot(at("2025-01-01T13:00:00Z"), [], { ...rules, dailyCap: 0 }), null);
});

Deno.test("a window across midnight matches late evening and early morning, and nothing between", () => {
  const night = { windows: ["23:00-01:00"], spacingMinutes: 0, dailyCap: 5 };
  assert.equal(nextSlot(at("2025-01-01T23:30:00Z"), [], night), at("2025-01-01T23:30:00Z"));
  assert.equal(nextSlot(at("2025-01-02T00:30:00Z"), [], night), at("2025-01-02T00:30:00Z"));
  assert.equal(nextSlot(at("2025-01-02T01:00:00Z"), [], night), at("2025-01-02T23:00:00Z"));
  assert.equal(nextSlot(at("2025-01-02T12:00:00Z"), [], night), at("2025-01-02T23:00:00Z"));
});

Deno.test("windows listed out of order still give the earliest free slot", () => {
  const two = { windows: ["18:00-20:00", "06:00-08:00"], spacingMinutes: 0, dailyCap: 5 };
  assert.equal(nextSlot(at("2025-01-01T05:00:00Z"), [], two), at("2025-01-01T06:00:00Z"));
});

Deno.test("an empty window or one past 24:00 is refused by name", () => {
  for (const w of ["12:00-12:00", "23:00-24:30"]) {
    assert.throws(
      () => nextSlot(0, [], { windows: [w], spacingMinutes: 0, dailyCap: 1 }),
      new RegExp(`Cannot use posting window "${w}"`),
    );
  }
});
