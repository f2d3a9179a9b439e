/**
 * The bot's update stream. Telegram allows one getUpdates consumer per bot token (a second
 * call while one is open gets 409) and forgets an update once a later offset is asked for. So
 * one reader at a time, under the `telegram-updates` lease, asks from the offset kept in the
 * database and stores every update before the offset moves; each consumer (moderation,
 * engagement, memberships) then reads the stored stream from its own cursor. Whoever read an
 * update, every consumer gets it once, also across restarts.
 */
import type { Context } from "../../core/agent.ts";
import type { TelegramUpdate, TelegramUpdates } from "../../integrations/audience/mod.ts";

/** The lease the one reader holds; the moderation lease table keeps it (a name and a holder). */
export const READER_LEASE = "telegram-updates";
/** The offset's cursor: the next update_id to ask Telegram for. */
const OFFSET = "updates";
/** Stored updates read at once while a consumer catches up. */
const PAGE = 500;

export interface UpdateConsumer {
  /** Names its cursor, `updates:<name>`: the last update_id it handled. */
  name: string;
  handle(update: TelegramUpdate): Promise<void>;
  /** The cursor stays in memory: a dry run records nothing. */
  dryRun?: boolean;
}

export interface ReadOptions {
  timeoutSeconds: number;
  signal: AbortSignal;
  /**
   * Renews the reader's lease; false when it was lost. Handing over can outlast a lease (a
   * consumer may wait out a rate limit), so it is renewed every RENEW_EVERY updates, and
   * handing over stops when another reader has taken the lease.
   */
  holds?: () => Promise<boolean>;
}

export interface UpdateStream {
  /** One getUpdates from the stored offset, then every consumer catches up; how many came. */
  read(o: ReadOptions): Promise<number>;
}

/** Updates handed over between two renewals of the reader's lease. */
const RENEW_EVERY = 20;

/** Takes or renews the reader's lease; false while another reader holds it. */
export function claimReader(ctx: Context, holder: string, leaseMs: number): Promise<boolean> {
  return ctx.store.moderation.claimLease(READER_LEASE, holder, ctx.clock.now(), leaseMs);
}

export function releaseReader(ctx: Context, holder: string): Promise<void> {
  return ctx.store.moderation.releaseLease(READER_LEASE, holder);
}

/**
 * The caller holds the reader lease while it calls `read`. `elsewhere` names consumers that
 * another reader hands updates to (moderation, when engagement reads): their cursors start
 * here too, so what this reader takes first still reaches them.
 */
export function updateStream(
  ctx: Context,
  source: TelegramUpdates,
  consumers: UpdateConsumer[],
  elsewhere: string[] = [],
): UpdateStream {
  const { store, clock, log } = ctx;
  const held = new Map<string, number>();
  const cursorName = (c: UpdateConsumer) => `${OFFSET}:${c.name}`;

  /**
   * A consumer seen for the first time starts where the stream is now (everything stored
   * before was handled when it was taken in), so switching one on never replays history.
   * Cursors are places in the stored stream, not update_ids (see QueuedUpdate).
   */
  async function cursorOf(c: UpdateConsumer): Promise<number> {
    // Read again each time: while this reader waited, another may have moved it.
    const kept = c.dryRun ? held.get(c.name) : undefined;
    if (kept !== undefined) return kept;
    const stored = await store.intake.cursor("telegram", cursorName(c));
    if (stored !== null) {
      held.set(c.name, Number(stored));
      return Number(stored);
    }
    const at = await store.intake.lastUpdateSeq();
    await save(c, at);
    return at;
  }

  async function save(c: UpdateConsumer, at: number): Promise<void> {
    held.set(c.name, at);
    if (!c.dryRun) await store.intake.advance("telegram", cursorName(c), String(at), clock.now());
  }

  async function catchUp({ signal, holds }: ReadOptions): Promise<void> {
    let handed = 0;
    for (const c of consumers) {
      let after = held.get(c.name)!;
      for (;;) {
        const page = await store.intake.updatesAfter(after, PAGE);
        for (const stored of page) {
          // Stopping between updates: the rest waits for the next reader.
          if (signal.aborted) return;
          if (holds && ++handed % RENEW_EVERY === 0 && !await holds()) return;
          const update = await source.read(stored.payload);
          if (update) await c.handle(update);
          after = stored.seq;
          await save(c, after);
        }
        if (page.length < PAGE) break;
      }
    }
  }

  return {
    async read(o) {
      const { timeoutSeconds, signal } = o;
      const offset = await store.intake.cursor("telegram", OFFSET);
      for (const c of consumers) await cursorOf(c);
      for (const name of elsewhere) await cursorOf({ name, handle: async () => {} });
      // What an earlier reader stored but did not hand over (it stopped) comes first.
      await catchUp(o);
      if (signal.aborted) return 0;
      const updates = await source.fetch(offset === null ? null : Number(offset), {
        signal,
        timeoutSeconds,
      });
      if (!updates.length) return 0;
      await store.intake.storeUpdates(updates, clock.now());
      for (const u of updates) {
        if (u.problem) log.warn(`skipped telegram update ${u.updateId}: ${u.problem}`);
      }
      const next = Math.max(...updates.map((u) => u.updateId)) + 1;
      await store.intake.advance("telegram", OFFSET, String(next), clock.now());
      await catchUp(o);
      return updates.length;
    },
  };
}
