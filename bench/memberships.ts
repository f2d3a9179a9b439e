/**
 * Bench 12: the Stripe webhook. How many signed events one `creator serve`
 * instance accepts per second, and how long from an event's delivery to the
 * member's access (invite link created and sent), against the fakes.
 */
import { serveWebhooks } from "../orchestrator/webhook_server.ts";
import { openStore } from "../storage/mod.ts";
import { makeEvent, sign, type StripeEvent } from "../tests/fakes/stripe.ts";
import { startMembershipFakes } from "../tests/_memberships.ts";
import { createOffer } from "../agents/monetization/_offer.ts";
import type { Context } from "../core/agent.ts";
import { type BenchResult, ms, progress, rate, ratio, verdict } from "./_table.ts";

const EVENTS = 2000;
const CONCURRENCY = 8;
const MEMBERS = 40;

export async function benchMemberships(): Promise<BenchResult> {
  const dir = await Deno.makeTempDir({ prefix: "creator-bench-12-" });
  const fakes = startMembershipFakes();
  const store = await openStore(`${dir}/bench.db`);
  const ctx = fakes.context(store);
  const server = await serveWebhooks(ctx, { port: 0, hostname: "127.0.0.1" });
  const url = `http://127.0.0.1:${server.port}/webhooks/stripe`;
  try {
    progress(`12: ${EVENTS} signed events, ${CONCURRENCY} at a time`);
    const bodies = await Promise.all(
      Array.from({ length: EVENTS }, (_, i) => sign(makeEvent("invoice.paid", { id: `in_${i}` }))),
    );
    const floor = await bareServerRate(bodies);
    const accepted = await postAll(url, bodies);
    progress(`12: ${MEMBERS} payments, event to access`);
    const { latencies, floors } = await paymentsToAccess(fakes, ctx, url);
    await server.worker.idle();
    latencies.sort((a, b) => a - b);
    floors.sort((a, b) => a - b);
    const p = (list: number[], q: number) =>
      list[Math.min(list.length - 1, Math.floor(q * list.length))];
    const p95 = p(latencies, 0.95);
    return {
      rows: [
        {
          benchmark: "12. signed Stripe events accepted, one instance",
          measured: rate(accepted, "events"),
          baseline: `${rate(floor, "requests")} (bare Deno.serve, same bodies)`,
          ratio: ratio(accepted / floor),
          target: "-",
          verdict: "-",
        },
        {
          benchmark: "12. event to access granted, p50 / p95",
          measured: `${ms(p(latencies, 0.5))} / ${ms(p95)}`,
          baseline: `${ms(p(floors, 0.5))} / ${ms(p(floors, 0.95))} (the 3 calls alone)`,
          ratio: ratio(p95 / p(floors, 0.95)),
          target: "p95 <= 2 s",
          verdict: verdict(p95 <= 2000),
        },
      ],
      notes: [
        `12. bench/memberships.ts: \`creator serve\`'s server on a SQLite file, the real stripe ` +
        `SDK verifying each signature (constructEventAsync, SubtleCrypto). Throughput: ` +
        `${EVENTS} distinct signed events POSTed ${CONCURRENCY} at a time; each is verified and ` +
        `stored before its 200. Baseline: a bare Deno.serve that reads the same bodies and ` +
        `answers 200, the floor of any HTTP handler here. Latency: ${MEMBERS} payments one ` +
        `after another, from posting checkout.session.completed and subscription.created to ` +
        `the invite DM reaching the Telegram fake (event-driven: the handler kicks Onboarding). ` +
        `Baseline: the same three round trips without our code: an empty Bot API call (getMe) ` +
        `standing in for the webhook POST, then createChatInviteLink and sendMessage, made ` +
        `directly against the Telegram fake.`,
      ],
    };
  } finally {
    await server.close();
    await store.close();
    await fakes.close();
    await Deno.remove(dir, { recursive: true });
  }
}

type Signed = { body: string; signature: string };

/** Payments one after another: delivery to invite DM, and the same calls made directly. */
async function paymentsToAccess(
  fakes: ReturnType<typeof startMembershipFakes>,
  ctx: Context,
  url: string,
) {
  const latencies: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const member = { platform: "telegram" as const, userId: String(900_000 + i) };
    await createOffer(ctx, member, "cli");
    const session = [...fakes.stripe.sessions.keys()].at(-1)!;
    const paid = fakes.stripe.complete(session);
    latencies.push(
      await eventToAccess(
        url,
        [paid.session, paid.created],
        () => fakes.telegram.members.dms.some((d) => d.userId === member.userId),
      ),
    );
    floors.push(await directCalls(fakes.telegram.url, member.userId));
  }
  return { latencies, floors };
}

async function postAll(url: string, bodies: Signed[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const { body, signature } = bodies[next++];
      const res = await fetch(url, {
        method: "POST",
        body,
        headers: { "stripe-signature": signature },
      });
      await res.body?.cancel();
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return bodies.length / ((performance.now() - started) / 1000);
}

async function bareServerRate(bodies: Signed[]): Promise<number> {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    await req.text();
    return Response.json({ received: true });
  });
  try {
    return await postAll(`http://127.0.0.1:${server.addr.port}/`, bodies);
  } finally {
    await server.shutdown();
  }
}

async function eventToAccess(url: string, events: StripeEvent[], done: () => boolean) {
  const signed = await Promise.all(events.map((e) => sign(e)));
  const started = performance.now();
  for (const { body, signature } of signed) {
    const res = await fetch(url, {
      method: "POST",
      body,
      headers: { "stripe-signature": signature },
    });
    await res.body?.cancel();
  }
  while (!done()) await new Promise((r) => setTimeout(r, 1));
  return performance.now() - started;
}

/** The floor: one empty round trip and the two Telegram calls a grant needs. */
async function directCalls(telegram: string, userId: string): Promise<number> {
  const { TEST_TOKEN } = await import("../tests/fakes/telegram.ts");
  const { PRIVATE_CHAT_ID } = await import("../tests/fakes/telegram_members.ts");
  const call = async (method: string, body: unknown) => {
    const res = await fetch(`${telegram}/bot${TEST_TOKEN}/${method}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
    await res.body?.cancel();
  };
  const started = performance.now();
  await call("getMe", {});
  await call("createChatInviteLink", { chat_id: PRIVATE_CHAT_ID, member_limit: 1 });
  await call("sendMessage", { chat_id: Number(userId), text: "welcome" });
  return performance.now() - started;
}
