import assert from "node:assert/strict";
import { htmlText } from "../../integrations/publish/formatting.ts";
import { discordEmbed, embedProblems, similarity, telegramHtml } from "./_formats.ts";

Deno.test("Telegram HTML escapes &, < and > and bolds the headline and the labels", () => {
  const html = telegramHtml("S&P <up> 2%", "x\n• Close: 1 < 2 & 3", "Not advice.");
  assert.equal(
    html,
    "<b>S&amp;P &lt;up&gt; 2%</b>\n\n• <b>Close:</b> 1 &lt; 2 &amp; 3\n\n<i>Not advice.</i>",
  );
  assert.equal(htmlText(html), "S&P <up> 2%\n\n• Close: 1 < 2 & 3\n\nNot advice.");
});

Deno.test("a Discord embed puts each figure in a field and the disclaimer in the footer", () => {
  const embed = discordEmbed(
    "BTC/USDT 1h: rsi extreme",
    "head\n• Close: 101,728.00",
    "NFA.",
    true,
    1,
  );
  assert.deepEqual(embed.fields, [{ name: "Close", value: "101,728.00", inline: true }]);
  assert.deepEqual(embed.footer, { text: "NFA." });
  assert.deepEqual(embed.image, { url: "attachment://chart.png" });
  assert.deepEqual(embedProblems(embed), []);
  assert.match(embedProblems({ ...embed, title: "t".repeat(300) })[0], /title is over 256/);
});

Deno.test("similarity compares the wording, not the figures every format shares", () => {
  const a = "Sharp drops can draw dip buyers or extend from here.\nClose: 101,728.00";
  assert.equal(similarity(a, a), 1);
  assert.equal(similarity(a, "Sharp drops can draw dip buyers or extend from here."), 1);
  assert.equal(similarity("Close: 101,728.00\nVolume: 2.4K", "Close: 101,728.00"), 0);
  assert.ok(similarity(a, "Sellers pressed through every bounce today.") < 0.1);
});
