/**
 * The bot's one getUpdates consumer. Telegram allows a single consumer per bot and forgets an
 * update once a later offset is asked for, so every update is stored before the offset moves,
 * then handed to each handler in turn. Engagement is one handler; joining and moderation can
 * be dispatched from here (or from the stored stream) later.
 */
import type { Context } from "../../core/agent.ts";
import { IntegrationError } from "../../core/errors.ts";
import type { TelegramUpdate, TelegramUpdates } from "../../integrations/audience/mod.ts";

export type UpdateHandler = (update: TelegramUpdate) => Promise<void>;

/** Rounds of up to 100 updates per run; the rest waits for the next run. */
const MAX_ROUNDS = 20;

/** Returns how many updates were taken in. */
export async function takeTelegramUpdates(
  ctx: Context,
  source: TelegramUpdates,
  handlers: UpdateHandler[],
): Promise<number> {
  const { store, log, clock } = ctx;
  let taken = 0;
  for (let round = 0; round < MAX_ROUNDS && !ctx.signal.aborted; round++) {
    const cursor = await store.intake.cursor("telegram", "updates");
    let updates: TelegramUpdate[];
    try {
      updates = await source.fetch(cursor === null ? null : Number(cursor), { signal: ctx.signal });
    } catch (error) {
      // 409: a webhook is set, or another instance is polling right now; it will take them.
      if (error instanceof IntegrationError && error.status === 409) {
        log.info("telegram updates are being taken by another consumer; skipped", {
          error: error.message,
        });
        return taken;
      }
      throw error;
    }
    if (!updates.length) break;
    await store.intake.storeUpdates(updates, clock.now());
    for (const update of updates) {
      if (update.problem) log.warn(`skipped telegram update ${update.updateId}: ${update.problem}`);
      for (const handle of handlers) await handle(update);
    }
    const next = Math.max(...updates.map((u) => u.updateId)) + 1;
    await store.intake.advance("telegram", "updates", String(next), clock.now());
    taken += updates.length;
    if (updates.length < 100) break;
  }
  return taken;
}
