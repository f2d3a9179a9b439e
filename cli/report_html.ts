/** The self-contained HTML page of `creator report --html`: a totals table and inline SVG charts. */
import type { Snapshot } from "../storage/snapshots.ts";
import type { PlatformTotals } from "./report.ts";
import { esc, lineChart, type Series } from "./svg_chart.ts";

export function reportHtml(
  snapshots: Snapshot[],
  totals: PlatformTotals[],
  from: number,
  now: number,
): string {
  const platforms = totals.map((t) => t.platform);
  const series = (pick: (s: Snapshot) => number | null, names = platforms): Series[] =>
    names.map((name) => ({
      name,
      points: snapshots.filter((s) => s.platform === name).map((s) => [s.day, pick(s)]),
    }));
  const pct = (y: number) => `${(y * 100).toFixed(1)}%`;
  const int = (y: number) => Math.round(y).toLocaleString("en");
  const rows = totals.map((t) =>
    `<tr><td>${esc(t.platform)}</td><td>${t.posts}</td><td>${t.impressions ?? "-"}</td>` +
    `<td>${t.engagements ?? "-"}</td><td>${
      t.engagementRate === null ? "-" : pct(t.engagementRate)
    }</td></tr>`
  ).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>creator report</title>
<style>body{font-family:sans-serif;max-width:700px;margin:2em auto;color:#222}
table{border-collapse:collapse}td,th{padding:4px 10px;text-align:right}td:first-child{text-align:left}
figure{margin:2em 0}figcaption{font-weight:bold;margin-bottom:4px}figcaption span{font-weight:normal;margin-left:8px}</style>
</head><body>
<h1>Performance since ${new Date(from).toISOString().slice(0, 10)}</h1>
<p>Generated ${new Date(now).toISOString()}. Engagement is counted at 24 hours; a dash is a figure
the platform does not give.</p>
<table><tr><th>platform</th><th>posts</th><th>impressions</th><th>engagements</th><th>rate</th></tr>${rows}</table>
${lineChart("Engagement rate per day", series((s) => s.engagementRate), pct)}
${lineChart("Posts per day", series((s) => s.posts), int)}
${lineChart("Engagements per day", series((s) => s.engagements), int)}
${lineChart("Members (all platforms)", series((s) => s.members, ["all"]), int)}
${
    lineChart("Agent runs and failures per day", [
      ...series((s) => s.agentRuns, ["all"]).map((s) => ({ ...s, name: "runs" })),
      ...series((s) => s.agentFailures, ["all"]).map((s) => ({ ...s, name: "failures" })),
    ], int)
  }
</body></html>
`;
}
