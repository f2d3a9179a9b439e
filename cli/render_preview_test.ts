import assert from "node:assert/strict";
import type { Preview } from "../agents/foundation/preview.ts";
import { displayWidth, wrap } from "./_wrap.ts";
import { renderTerminal, TERMINAL_WIDTH } from "./render_preview.ts";

const NOW = Date.UTC(2025, 0, 27, 9, 0);
const LONG = "📉 BTC/USDT fell 6.0% in 24h: 104,715.29 → 98,392.74. " +
  "Sellers pressed through every intraday bounce and volume stayed heavy. " +
  "https://example.com/a/very/long/path/that/cannot/be/broken/at/a/space/anywhere/at/all";

function preview(over: Partial<Preview>): Preview {
  return {
    planId: 1,
    insightId: 7,
    insightType: "price_move",
    platform: "x",
    format: "single",
    headline: "BTC/USDT down 6.0% in 24h, the largest daily drop of the month so far this year",
    writer: "template",
    scheduledAt: NOW + 3 * 3_600_000 + 20 * 60_000,
    due: false,
    parts: [{ index: 1, text: LONG, length: 230, limit: 280 }],
    media: ["chart 1200×675 PNG, 48.2 KB (candles+move)"],
    image: {
      sha256: "ab".repeat(32),
      width: 1200,
      height: 675,
      bytes: 49_357,
      kind: "candles+move",
      alt: `Candlestick chart of BTC/USDT on 1h candles with volume. ${LONG}`,
    },
    ...over,
  };
}

Deno.test("the terminal preview fits 80 columns, long words and emoji included", () => {
  const text = renderTerminal(
    [
      preview({}),
      preview({ planId: 2, platform: "telegram", format: "channel_post" }),
      preview({ planId: 3, platform: "discord", format: "channel_post", insightId: 8 }),
    ],
    false,
    NOW,
  );
  const wide = text.split("\n").filter((line) => displayWidth(line) > TERMINAL_WIDTH);
  assert.deepEqual(wide, []);
  assert.ok(
    text.includes("  │ https://example.com/a/very/long/path"),
    "URLs wrap inside the gutter",
  );
});

Deno.test("posts are grouped by insight with the chart once and times a person can read", () => {
  const text = renderTerminal(
    [
      preview({ planId: 2, platform: "telegram", format: "channel_post" }),
      preview({}),
    ],
    false,
    NOW,
  );
  assert.equal(text.match(/chart 1200×675 PNG/g)?.length, 1, "one chart line per insight");
  assert.ok(text.indexOf("── X") < text.indexOf("── Telegram"), "X first within an insight");
  assert.match(text, /due 27 Jan 2025 12:20 UTC \(in 3 h 20 min\)/);
  assert.match(text, /230 of 280 weighted characters/);
  assert.match(text, /230 of 280 characters/);
});

Deno.test("wrap() breaks at spaces and cuts a word longer than the line", () => {
  assert.deepEqual(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
  assert.deepEqual(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
  assert.equal(displayWidth("📉 BTC"), 6);
  assert.equal(displayWidth("⚠️"), 2);
});
