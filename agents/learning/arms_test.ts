import assert from "node:assert/strict";
import { armsOf, bucketsInWindows, windowsInBucket, withFloor } from "./arms.ts";

Deno.test("arms are the platform's formats times the hour buckets its windows reach", () => {
  assert.deepEqual(bucketsInWindows(["12:00-22:00"], 4), [12, 16, 20]);
  assert.equal(armsOf("x", ["12:00-22:00"], 4).length, 6);
  assert.deepEqual(windowsInBucket(["12:00-22:00"], 20, 4), ["20:00-22:00"]);
  assert.deepEqual(windowsInBucket(["12:00-22:00"], 8, 4), []);
});

Deno.test("a window across midnight reaches the buckets on both sides of it", () => {
  assert.deepEqual(bucketsInWindows(["22:00-02:00"], 4), [0, 20]);
  assert.deepEqual(windowsInBucket(["22:00-02:00"], 0, 4), ["00:00-02:00"]);
  assert.deepEqual(windowsInBucket(["22:00-02:00"], 20, 4), ["22:00-24:00"]);
});

Deno.test("the exploration floor holds for every arm and the weights still sum to 1", () => {
  const w = withFloor([1, 0, 0, 0], 0.05);
  assert.deepEqual(w.map((x) => Math.round(x * 1000) / 1000), [0.85, 0.05, 0.05, 0.05]);
  // More arms than 1/floor: each gets an equal share at least.
  const many = withFloor([1, ...Array(24).fill(0)], 0.05);
  assert.ok(many.every((x) => x >= 1 / 25 - 1e-12));
  assert.ok(Math.abs(many.reduce((s, x) => s + x, 0) - 1) < 1e-12);
});
