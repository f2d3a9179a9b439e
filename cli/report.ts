import type { Snapshot } from "../storage/snapshots.ts";
import type { Globals } from "./program.ts";
import { checkOutFile } from "./_out_path.ts";
import { writePreview } from "./preview.ts";
import { reportHtml } from "./report_html.ts";
import { output, withSession } from "./session.ts";

const REPORT_OUT = { what: "the report", flag: "--html" };

export interface ReportFlags {
  since?: number;
  html?: string;
}

export interface PlatformTotals {
  platform: string;
  posts: number;
  impressions: number | null;
  engagements: number | null;
  engagementRate: number | null;
}

/** `creator report`: the daily performance series over a period, as text or an HTML page. */
export async function report(g: Globals, flags: ReportFlags): Promise<void> {
  if (flags.html) await checkOutFile(flags.html, REPORT_OUT);
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
    const day = 86_400_000;
    const from = Math.floor((flags.since ?? ctx.clock.now() - 30 * day) / day) * day;
    const snapshots = await ctx.store.snapshots.since(from);
    const totals = totalsOf(snapshots);
    const all = snapshots.filter((s) => s.platform === "all");
    const latest = all.findLast((s) => s.members !== null || s.mrrCents !== null);
    const health = {
      runs: sum(all.map((s) => s.agentRuns)),
      failures: sum(all.map((s) => s.agentFailures)),
      members: latest?.members ?? null,
      mrrCents: latest?.mrrCents ?? null,
    };
    const path = flags.html
      ? await writePreview(
        flags.html,
        reportHtml(snapshots, totals, from, ctx.clock.now()),
        REPORT_OUT,
      )
      : null;
    output(g, { from, snapshots, totals, health, html: path }, () => {
      if (snapshots.length === 0) {
        return "no performance snapshots yet: run `creator run performance-analytics` " +
          "(the feedback-loop agent runs it too)";
      }
      return [...renderTotals(from, totals, health), ...(path ? [`wrote ${path}`] : [])].join("\n");
    });
  });
}

export function totalsOf(snapshots: Snapshot[]): PlatformTotals[] {
  const platforms = [...new Set(snapshots.map((s) => s.platform))].filter((p) => p !== "all");
  return platforms.sort().map((platform) => {
    const rows = snapshots.filter((s) => s.platform === platform);
    const impressions = sum(rows.map((s) => s.impressions));
    // The rate counts only days with both figures, as the snapshots do.
    const rated = rows.filter((s) => s.engagementRate !== null && s.impressions);
    const ratedImpressions = sum(rated.map((s) => s.impressions));
    return {
      platform,
      posts: sum(rows.map((s) => s.posts)) ?? 0,
      impressions,
      engagements: sum(rows.map((s) => s.engagements)),
      engagementRate: ratedImpressions
        ? rated.reduce((acc, s) => acc + s.engagementRate! * s.impressions!, 0) / ratedImpressions
        : null,
    };
  });
}

function renderTotals(
  from: number,
  totals: PlatformTotals[],
  health: {
    runs: number | null;
    failures: number | null;
    members: number | null;
    mrrCents: number | null;
  },
): string[] {
  const n = (x: number | null) => x === null ? "-" : x.toLocaleString("en");
  const lines = [
    `performance since ${new Date(from).toISOString().slice(0, 10)}`,
    "",
    `${"platform".padEnd(10)} ${"posts".padStart(7)} ${"impressions".padStart(13)} ${
      "engagements".padStart(12)
    } ${"rate".padStart(7)}`,
  ];
  for (const t of totals) {
    lines.push(
      `${t.platform.padEnd(10)} ${n(t.posts).padStart(7)} ${n(t.impressions).padStart(13)} ${
        n(t.engagements).padStart(12)
      } ${
        (t.engagementRate === null ? "-" : `${(t.engagementRate * 100).toFixed(2)}%`).padStart(7)
      }`,
    );
  }
  lines.push("", `agent runs ${n(health.runs)}, failed ${n(health.failures)}`);
  const mrr = health.mrrCents === null ? "-" : (health.mrrCents / 100).toFixed(2);
  lines.push(`members now ${n(health.members)}, MRR ${mrr}; followers: not measured`);
  return lines;
}

function sum(xs: (number | null)[]): number | null {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? known.reduce((s, x) => s + x, 0) : null;
}
