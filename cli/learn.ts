import { setFrozen } from "../agents/learning/freeze.ts";
import { UsageError } from "../core/errors.ts";
import type { Change } from "../storage/learning.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

export interface LearnFlags {
  explain?: boolean;
  freeze?: boolean;
  unfreeze?: boolean;
  reason?: string;
  since?: number;
}

/** `creator learn`: what the loop changed and why, and the freeze switch. */
export function learn(g: Globals, flags: LearnFlags): Promise<void> {
  if (flags.freeze && flags.unfreeze) {
    throw new UsageError("Cannot both --freeze and --unfreeze: pick one.");
  }
  // Reading what changed needs a store that exists; the switch may be set before the first run.
  const mustExist = !flags.freeze && !flags.unfreeze;
  return withSession(g, { mustExist }, async ({ ctx }) => {
    const { store, clock } = ctx;
    if (flags.freeze || flags.unfreeze) {
      const freeze = !!flags.freeze;
      const reason = flags.reason ?? (freeze ? "frozen by hand" : "thawed by hand");
      const changed = await setFrozen(store, freeze, reason, clock.now());
      output(
        g,
        { frozen: freeze, changed },
        () =>
          changed
            ? freeze
              ? "learning frozen: weights, lessons and experiment outcomes stay as they are"
              : "learning thawed: the next feedback-loop run may change weights again"
            : `learning was already ${freeze ? "frozen" : "running"}`,
      );
      return;
    }
    const frozen = await store.learning.frozen();
    const changes = await store.learning.changes(flags.since ?? clock.now() - 30 * 86_400_000);
    const lessons = await store.learning.lessons();
    output(
      g,
      { frozen, changes, lessons },
      () => explain(frozen, changes, lessons.map((l) => l.text)),
    );
  });
}

function explain(
  frozen: { at: number; reason: string } | null,
  changes: Change[],
  lessons: string[],
): string {
  const lines = [
    frozen
      ? `learning is FROZEN since ${iso(frozen.at)} (${frozen.reason})`
      : "learning is running",
  ];
  if (lessons.length) {
    lines.push(
      "",
      "lessons given to the writer:",
      ...lessons.map((l) => `  - ${l}`),
    );
  }
  lines.push("", changes.length ? "changes, newest first:" : "no changes in this period");
  for (const c of changes) {
    const head = `${iso(c.at)}  ${c.kind} ${c.subject}: ${c.reason}`;
    lines.push(
      ...(head.length <= 80
        ? [head]
        : [`${iso(c.at)}  ${c.kind} ${c.subject}:`, `    ${c.reason}`]),
    );
    lines.push(...detail(c).map((d) => `    ${d}`));
  }
  return lines.join("\n");
}

/** The values that moved, one line each. */
function detail(c: Change): string[] {
  if (c.kind !== "arm_weights") {
    return [`${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`.slice(0, 76)];
  }
  const before = c.before as Record<string, number>, after = c.after as Record<string, number>;
  const perArm = (c.evidence.perArm ?? {}) as Record<string, { posts: number; beatMedian: number }>;
  return Object.keys(after).map((arm) => {
    const e = perArm[arm];
    // The subject names platform and kind; the arm adds format and UTC hour bucket.
    const [, format, hour] = arm.split("|");
    return `${`${format} ${hour}h`.padEnd(18)} ${fmt(before[arm])} -> ${fmt(after[arm])}` +
      (e ? `  ${e.posts} posts, ${e.beatMedian} beat the median` : "");
  });
}

const fmt = (w: number | undefined) => w === undefined ? "  -  " : w.toFixed(3);
const iso = (t: number) => new Date(t).toISOString().slice(0, 16).replace("T", " ");
