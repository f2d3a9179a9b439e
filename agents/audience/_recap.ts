/**
 * The day's and the week's recaps: the most important insights of the period so far, one
 * line each in the analysis' own words, checked against their facts like any post.
 */
import type { Context } from "../../core/agent.ts";
import type { Insight } from "../../storage/insights.ts";
import type { Variant } from "../../storage/variants.ts";
import { unbackedClaims } from "../guard/mod.ts";

const DAY = 86_400_000;
const TOP = 5;
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/** Recaps of the UTC day and the ISO week (from Monday) that `now` falls in. */
export async function recaps(ctx: Context, now: number): Promise<Variant[]> {
  const day = Math.floor(now / DAY) * DAY;
  // 1 January 1970 was a Thursday: shift by 3 days to land weeks on Mondays.
  const week = Math.floor((now + 3 * DAY) / (7 * DAY)) * 7 * DAY - 3 * DAY;
  const out: Variant[] = [];
  for (
    const [format, from, title] of [
      ["recap_daily", day, `Daily recap, ${dateText(day)}`],
      ["recap_weekly", week, `Weekly recap, week of ${dateText(week)}`],
    ] as const
  ) {
    const top = await ctx.store.variants.top(from, now + 1, TOP);
    if (top.length === 0) continue;
    out.push(recap(format, from, title, top, ctx.config.content.disclaimer));
  }
  return out;
}

function recap(
  format: "recap_daily" | "recap_weekly",
  from: number,
  title: string,
  top: Insight[],
  disclaimer: string,
): Variant {
  const lines = top.map((insight, i) => `${i + 1}. ${insight.headline}`);
  const body = [`📊 ${title}`, "", ...lines, "", disclaimer].join("\n").trim();
  const allowed = (i: number) => [
    title,
    disclaimer,
    `${top[i].symbol ?? ""} ${top[i].timeframe ?? ""}`,
  ];
  // Each line is checked against its own insight's facts.
  const invented = [
    ...new Set(lines.flatMap((line, i) => unbackedClaims(line, top[i], allowed(i)))),
  ];
  const subject = `recap:${format === "recap_daily" ? "daily" : "weekly"}:${
    new Date(from).toISOString().slice(0, 10)
  }`;
  return {
    subject,
    insightId: null,
    format,
    body,
    status: invented.length ? "rejected" : "accepted",
    reason: invented.length ? `numbers not in the facts: ${invented.join(", ")}` : null,
  };
}

function dateText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
