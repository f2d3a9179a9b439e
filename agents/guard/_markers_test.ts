import assert from "node:assert/strict";
import { maskMarkers, threadRuns } from "./_markers.ts";

/** The numbers left to read once markers are blanked. */
const left = (text: string) => maskMarkers(text).match(/\d+(?:[./]\d+)*/g) ?? [];

Deno.test("maskMarkers blanks a thread pasted whole into one post", () => {
  assert.deepEqual(left("1/4 Intro\n2/4 Price 12.5\n3/4 Was 11.9\n4/4 Bye"), ["12.5", "11.9"]);
  assert.deepEqual(left("2/5 Up 3%. 3/5 Down 1%."), ["3", "1"]);
  // A thread marker before a pasted one: the second follows the first.
  assert.deepEqual(left("1/2 1/6 Opening line"), []);
});

Deno.test("maskMarkers keeps what only looks like a marker", () => {
  // A lone "4/7" inside the text is a date.
  assert.deepEqual(left("Range held.\n4/7 was the last test"), ["4/7"]);
  // Out of its thread's count: "6/4" opens the post, and the pasted run after it is kept apart.
  assert.deepEqual(left("6/4 1/2 Text\n2/2 More"), ["6/4"]);
  assert.deepEqual(left("Closed (2/3)"), []);
  assert.deepEqual(left("Keycap 3\uFE0F\u20E3 and @trader42"), []);
});

Deno.test("maskMarkers reads a pasted thread split across the parts of a thread", () => {
  const parts = ["1/2 Intro\n\n1/4 Up 3%.", "2/2 2/4 Down 1%.\n3/4 Flat. 4/4 Bye"];
  const runs = threadRuns(parts);
  assert.deepEqual([...runs].sort(), [2, 4]);
  assert.deepEqual(maskMarkers(parts[0], runs).match(/\d+(?:[./]\d+)*/g), ["3"]);
  // Alone, the part's "1/4" counts no thread it goes on with: a date.
  assert.deepEqual(left(parts[0]), ["1/4", "3"]);
  // A date in one part and a lone "1/2" marker in another make no run of their own.
  assert.deepEqual([...threadRuns(["1/2 Intro", "Low on 3/12."])], []);
});
