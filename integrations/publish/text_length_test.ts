import assert from "node:assert/strict";
import {
  extractUrlsWithIndices,
  partLimit,
  PLATFORM_LIMITS,
  TELEGRAM_CAPTION_LIMIT,
  weightedLength,
} from "./text_length.ts";

Deno.test("weightedLength counts emoji and CJK as 2 and any URL as 23 on X", () => {
  assert.equal(weightedLength("abc", "x"), 3);
  assert.equal(weightedLength("📈", "x"), 2);
  assert.equal(weightedLength("比特币", "x"), 6);
  assert.equal(weightedLength("https://example.com/a/very/long/path/indeed/for/sure", "x"), 23);
});

Deno.test("weightedLength counts UTF-16 units on Telegram and code points on Discord", () => {
  assert.equal(weightedLength("📈 BTC", "telegram"), 6);
  assert.equal(weightedLength("📈 BTC", "discord"), 5);
  assert.equal(weightedLength("https://example.com/a/very/long/path", "discord"), 36);
});

Deno.test("partLimit uses Telegram's caption limit for chart posts and the platform's otherwise", () => {
  assert.equal(partLimit("telegram", "chart_post"), TELEGRAM_CAPTION_LIMIT);
  assert.equal(partLimit("telegram", "single"), 4096);
  assert.equal(partLimit("discord", "chart_post"), PLATFORM_LIMITS.discord);
  assert.equal(partLimit("x", "thread"), 280);
});

Deno.test("extractUrlsWithIndices finds bare domains as X would link them", () => {
  const urls = extractUrlsWithIndices("see evil.com/x and https://example.com");
  assert.deepEqual(urls.map((u) => u.url), ["evil.com/x", "https://example.com"]);
  assert.deepEqual(urls[0].indices, [4, 14]);
});
