import assert from "node:assert/strict";
import { fixedClock } from "../../core/clock.ts";
import { ConfigSchema } from "../../core/config_schema.ts";
import { createContext } from "../../core/context.ts";
import { runAgents } from "../../core/runner.ts";
import { testBackends } from "../../storage/test_backends.ts";
import { unbackedClaims } from "../guard/mod.ts";
import { findAgent } from "../mod.ts";
import { type Embed, embedText, htmlText } from "../../integrations/publish/formatting.ts";
import { similarity } from "./_formats.ts";
import { MAX_SIMILARITY } from "./content_repurposing.ts";

const PIPELINE = ["market-scanner", "analysis", "content-repurposing"].map((n) => findAgent(n)!);

testBackends(
  "every insight of the sell-off comes out in every format, guarded, worded apart, once",
  async ({ open }) => {
    const store = await open();
    try {
      const config = ConfigSchema.parse({});
      const clock = fixedClock("2025-01-27T01:05:00Z");
      const ctx = createContext({ config, store, source: "sample", clock });
      const outcomes = await runAgents(PIPELINE, ctx);
      assert.ok(outcomes.every((o) => o.status === "ok"), JSON.stringify(outcomes));
      const insights = await store.variants.top(0, Date.now(), 50);
      assert.ok(insights.length >= 4);
      for (const insight of insights) {
        const made = await store.variants.forSubject(`insight:${insight.id}`);
        assert.deepEqual(made.map((v) => [v.format, v.status]), [
          ["x_single", "accepted"],
          ["telegram_html", "accepted"],
          ["discord_embed", "accepted"],
        ]);
        const texts = [
          (JSON.parse(made[0].body) as string[]).join("\n"),
          htmlText(made[1].body),
          embedText(JSON.parse(made[2].body) as Embed),
        ];
        const allowed = [insight.headline, `${insight.symbol} ${insight.timeframe}`];
        for (const text of texts) assert.deepEqual(unbackedClaims(text, insight, allowed), []);
        assert.ok(similarity(texts[1], texts[2]) <= MAX_SIMILARITY, "Telegram and Discord differ");
        assert.ok(similarity(texts[0], texts[1]) <= MAX_SIMILARITY, "X and Telegram differ");
      }
      const [daily] = await store.variants.forSubject("recap:daily:2025-01-27");
      assert.equal(daily.status, "accepted");
      assert.match(daily.body, /^📊 Daily recap, 27 Jan 2025\n\n1\. BTC\/USDT 1h/);

      const again = await runAgents([findAgent("content-repurposing")!], ctx);
      assert.equal(again[0].written, 0, "a re-run adds nothing");
    } finally {
      await store.close();
    }
  },
);
