import { checkDraft, type DraftVerdict } from "../agents/guard/mod.ts";
import { UsageError } from "../core/errors.ts";
import type { Platform } from "../core/vocabulary.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

export interface DraftCheckFlags {
  insight: number;
  platform: Platform;
}

/** A line holding only "---" separates the parts of a thread given on stdin. */
const PART_BREAK = /^\s*---\s*$/m;

/**
 * `creator draft check`: runs the truth guard over a person's draft against a
 * stored insight. Exit 0 when it passes, 1 when it does not, 2 on bad input.
 */
export async function draftCheck(g: Globals, texts: string[], flags: DraftCheckFlags) {
  const parts = texts.length ? texts : await readStdinParts();
  if (parts.every((p) => p.trim() === "")) {
    throw new UsageError('Give the draft as an argument ("<text>") or on stdin.');
  }
  const code = await withSession(g, {}, async ({ ctx }) => {
    const insight = await ctx.store.insights.get(flags.insight);
    if (!insight) {
      throw new UsageError(
        `No insight ${flags.insight} in ${ctx.store.db.label}; \`creator analyze\` stores them.`,
      );
    }
    const verdict = checkDraft(parts, {
      platform: flags.platform,
      insight,
      disclaimer: ctx.config.content.disclaimer,
      linkAllowlist: ctx.config.content.linkAllowlist,
      approximationPct: ctx.config.content.approximationPct,
    });
    const about = `insight ${insight.id}: ${insight.headline}`;
    output(
      g,
      { insight: insight.id, platform: flags.platform, ...verdict },
      () => renderVerdict(verdict, about, flags.platform),
    );
    return verdict.ok ? 0 : 1;
  });
  if (code) Deno.exitCode = code;
}

async function readStdinParts(): Promise<string[]> {
  if (Deno.stdin.isTerminal()) return [];
  const text = await new Response(Deno.stdin.readable).text();
  return text.split(PART_BREAK).map((p) => p.trim()).filter((p) => p !== "");
}

const WIDTH = 80;

/** The verdict for a terminal: each claim with its fact, then every problem, wrapped to 80. */
export function renderVerdict(verdict: DraftVerdict, about: string, platform: string): string {
  const lines = [
    `${verdict.ok ? "PASS" : "FAIL"}  ${platform} draft against ${about}`.slice(0, WIDTH),
  ];
  if (verdict.claims.length) lines.push("", "claims:");
  for (const c of verdict.claims) {
    const head = `  ${c.ok ? "ok " : "no "} ${c.text.padEnd(12)} `;
    lines.push(...wrap(head, c.ok ? `= ${c.fact}` : c.reason!));
  }
  if (!verdict.ok) {
    lines.push("", "problems:");
    for (const p of verdict.problems) lines.push(...wrap("  - ", p));
  }
  return lines.join("\n");
}

function wrap(head: string, text: string): string[] {
  const room = Math.max(20, WIDTH - head.length);
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > room) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out.map((l, i) => (i === 0 ? head : " ".repeat(head.length)) + l);
}
