import assert from "node:assert/strict";
import { HOUR, near, only, thresholds } from "./_test_utils.ts";
import { detectSentimentShift } from "./news_sentiment.ts";
import type { SentimentPoint } from "./types.ts";

const now = Date.UTC(2025, 0, 10, 12);
const at = (hoursAgo: number, score: number): SentimentPoint => ({
  at: now - hoursAgo * HOUR,
  score,
});
const previousDay = [at(30, 0), at(36, 0.1), at(40, -0.1)];

Deno.test("news turning positive against the day before is a sentiment shift up", () => {
  const news = [...previousDay, at(1, 0.5), at(5, 0.6), at(20, 0.4)];
  const shift = only(detectSentimentShift(news, now, thresholds()));
  assert.equal(shift.type, "news_sentiment_shift");
  assert.equal(shift.headline, "News sentiment up 0.50 in 24h: +0.50 vs +0.00 the day before");
  assert.ok(near(shift.facts.shift, 0.5));
  assert.ok(near(shift.facts.recentMean, 0.5));
  assert.ok(near(shift.facts.previousMean, 0));
  assert.equal(shift.facts.recentCount, 3);
  assert.equal(shift.dedupKey, `news_sentiment_shift:${now - HOUR}:up`);
  assert.ok(near(shift.importance, (0.5 * 0.5) / 0.3));
});

Deno.test("news turning negative is a sentiment shift down", () => {
  const news = [...previousDay, at(2, -0.4), at(3, -0.3), at(4, -0.5)];
  assert.equal(only(detectSentimentShift(news, now, thresholds())).facts.direction, "down");
});

Deno.test("a shift smaller than the threshold yields nothing", () => {
  const news = [...previousDay, at(1, 0.2), at(5, 0.1), at(20, 0.2)];
  assert.deepEqual(detectSentimentShift(news, now, thresholds()), []);
});

Deno.test("fewer than three articles in either window yield nothing", () => {
  const news = [...previousDay.slice(1), at(1, 0.9), at(5, 0.9), at(20, 0.9)];
  assert.deepEqual(detectSentimentShift(news, now, thresholds()), []);
});

Deno.test("articles dated after now or older than 48h are not counted", () => {
  const news = [...previousDay, at(1, 0.5), at(5, 0.6), at(20, 0.4), at(-1, -1), at(50, 1)];
  const shift = only(detectSentimentShift(news, now, thresholds()));
  assert.equal(shift.facts.recentCount, 3);
  assert.equal(shift.facts.previousCount, 3);
});
