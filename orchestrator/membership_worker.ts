/**
 * Runs the Onboarding agent in this process whenever a Stripe event is stored,
 * at start (to finish what a crash left), and every 15 minutes (grace periods).
 * Kicks during a run coalesce into one more run, never into parallel ones.
 */
import { onboarding } from "../agents/monetization/onboarding.ts";
import type { Context } from "../core/agent.ts";
import { runAgent } from "../core/runner.ts";

export interface MembershipWorker {
  /** Something changed: run soon. */
  kick(): void;
  /** Resolves when no run is in flight or queued. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function membershipWorker(
  ctx: Context,
  options: { everyMs?: number } = {},
): MembershipWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const loop = async () => {
    do {
      again = false;
      const outcome = await runAgent(onboarding, ctx);
      if (outcome.status === "failed") ctx.log.error(`onboarding failed: ${outcome.error}`);
    } while (again && !stopped);
    running = null;
  };
  const kick = () => {
    if (stopped) return;
    if (running) again = true;
    else running = loop();
  };
  const timer = setInterval(kick, options.everyMs ?? 15 * 60_000);
  kick();
  return {
    kick,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
