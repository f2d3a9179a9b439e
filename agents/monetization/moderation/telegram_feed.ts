/**
 * The Telegram group's events for the moderator. Telegram allows one getUpdates consumer per
 * bot token, and the bot also serves engagement and memberships, so while it moderates the
 * moderator is the bot's one reader: it holds the reader lease, long-polls from the offset in
 * the database, and hands every update to moderation first, then to engagement's intake and
 * memberships as they come. Engagement's own runs stand aside while the lease is held.
 */
import type { Context } from "../../../core/agent.ts";
import { IntegrationError } from "../../../core/errors.ts";
import { abortableSleep } from "../../../core/retry.ts";
import type { CommunityEvent } from "../../../integrations/community/mod.ts";
import type { TelegramCommunity } from "../../../integrations/telegram/community.ts";
import { updateConsumers } from "../../audience/_intake.ts";
import {
  claimReader,
  releaseReader,
  type UpdateConsumer,
  updateStream,
} from "../../audience/telegram_stream.ts";

/** A short poll answers at once; without updates the next waits this long. */
const SHORT_POLL_PAUSE_MS = 250;
const MAX_BACKOFF_MS = 30_000;
const MAX_POLL_SECONDS = 25;

/** Reads until `signal` aborts; `leaseMs` is the moderation lease, renewed at a third of it. */
export async function feedTelegram(
  ctx: Context,
  community: TelegramCommunity,
  onEvent: (event: CommunityEvent) => Promise<void>,
  signal: AbortSignal,
  leaseMs: number,
): Promise<void> {
  const audience = await ctx.integrations.audience("telegram");
  if ("missing" in audience || !audience.updates) {
    throw new Error(`cannot read the bot's updates: ${"missing" in audience && audience.missing}`);
  }
  const moderation: UpdateConsumer = {
    name: "moderation",
    dryRun: ctx.dryRun,
    // The stored payload is the Bot API Update as Telegram sent it.
    handle: (u) => community.handleUpdate(u.payload as never, onEvent),
  };
  const others = updateConsumers(ctx, { read: 0, stored: 0, skipped: 0 });
  // A dry run acts on nothing: engagement and memberships catch up on their next run.
  const stream = ctx.dryRun
    ? updateStream(ctx, audience.updates, [moderation], others.map((c) => c.name))
    : updateStream(ctx, audience.updates, [moderation, ...others]);
  const holder = `${ctx.instance}:moderator`;
  // The long poll ends before the lease would, so the lease is renewed in time, and before the
  // HTTP client's own 30-second limit.
  const timeoutSeconds = Math.min(MAX_POLL_SECONDS, Math.floor(leaseMs / 3000));
  const pause = (ms: number) => abortableSleep(ms, signal).catch(() => {});
  let waiting = false;
  let failures = 0;
  try {
    while (!signal.aborted) {
      if (!await claimReader(ctx, holder, leaseMs)) {
        if (!waiting) ctx.log.info("telegram: waiting for engagement to finish reading updates");
        waiting = true;
        await pause(Math.min(1000, leaseMs / 3));
        continue;
      }
      waiting = false;
      try {
        const n = await stream.read({
          timeoutSeconds,
          signal,
          holds: () => claimReader(ctx, holder, leaseMs),
        });
        failures = 0;
        if (n === 0 && timeoutSeconds === 0) await pause(SHORT_POLL_PAUSE_MS);
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const conflict = error instanceof IntegrationError && error.status === 409;
        ctx.log.warn(
          conflict
            ? "telegram: another getUpdates consumer holds the bot (a webhook or another program)"
            : `telegram updates: ${(error as Error).message}; retrying`,
        );
        await pause(Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 6)));
      }
    }
  } finally {
    await releaseReader(ctx, holder);
  }
}
