/**
 * getUpdates as the Bot API answers it: asking from an offset confirms, and forgets, every
 * update before it; `timeout` holds the call open until an update comes (here at most
 * MAX_HOLD_MS, so tests stay quick); and a getUpdates while another is open is refused with
 * 409 "terminated by other getUpdates request", as Telegram does with two consumers of a bot.
 */
type Json = Record<string, unknown>;

const MAX_HOLD_MS = 1000;

export interface UpdateQueue {
  /** Queues an update; returns it with its update_id. */
  push(update: Json): Json;
  /** Answers one getUpdates call with its JSON body. */
  answer(body: Json): Promise<Response>;
  /** Ends an open long poll at once, so the server can shut down. */
  close(): void;
  /** Calls that arrived while another was open, answered 409. */
  readonly conflicts: number;
  /** Updates not yet confirmed. */
  readonly pending: Json[];
}

export function updateQueue(firstId: number): UpdateQueue {
  const queue: Json[] = [];
  let nextId = firstId;
  let open = 0;
  let conflicts = 0;
  let wake: (() => void) | null = null;
  let closed = false;
  return {
    push(update) {
      const u = { update_id: nextId++, ...update };
      queue.push(u);
      wake?.();
      return u;
    },
    async answer(body) {
      if (open > 0) {
        conflicts++;
        return Response.json({
          ok: false,
          error_code: 409,
          description: "Conflict: terminated by other getUpdates request; make sure that only " +
            "one bot instance is running",
        }, { status: 409 });
      }
      open++;
      try {
        const offset = Number(body.offset ?? 0);
        while (queue.length && Number(queue[0].update_id) < offset) queue.shift();
        const hold = Math.min(MAX_HOLD_MS, Number(body.timeout ?? 0) * 1000);
        if (!queue.length && hold > 0 && !closed) {
          await new Promise<void>((done) => {
            const timer = setTimeout(finish, hold);
            wake = finish;
            function finish() {
              clearTimeout(timer);
              wake = null;
              done();
            }
          });
        }
        return Response.json({ ok: true, result: queue.slice(0, Number(body.limit ?? 100)) });
      } finally {
        open--;
      }
    },
    close() {
      closed = true;
      wake?.();
    },
    get conflicts() {
      return conflicts;
    },
    get pending() {
      return queue;
    },
  };
}
