/**
 * The circuit breakers end to end: the real Telegram publisher, through the
 * Integrations wrapper, against a fake Telegram that turns sends away for a
 * while and then recovers.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import type { BreakerSnapshot } from "../core/breaker.ts";
import { createIntegrations } from "../core/integrations.ts";
import { runAgent } from "../core/runner.ts";
import { SEND_LEASE_MS } from "../agents/foundation/reconcile.ts";
import { testBackends } from "../storage/test_backends.ts";
import { assertOk, creates, publishedRows, seedDrafted } from "./_seed.ts";
import { type Harness, HARNESS_NOW, withHarness } from "./harness.ts";
import type { Store } from "../storage/mod.ts";

const OPEN_MS = 60_000;

/** A context whose breakers open after two failures, on a clock the test moves. */
function breakerContext(h: Harness, store: Store) {
  let now = HARNESS_NOW;
  const clock = { now: () => now };
  const changes: BreakerSnapshot[] = [];
  const integrations = createIntegrations(h.config, "live", {
    onBreakerChange: (s) => changes.push(s),
    breakerPolicy: { failureThreshold: 2, openMs: OPEN_MS, clock },
  });
  const ctx = h.context(store, { integrations, clock });
  const stateOf = (service: string) =>
    integrations.breakers().find((b) => b.service === service)?.state;
  return { ctx, integrations, changes, stateOf, advance: (ms: number) => void (now += ms) };
}

testBackends(
  "the Telegram circuit opens while Telegram turns posts away, and every post goes out once it recovers",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const texts = ["BTC one.", "BTC two.", "BTC three.", "BTC four."];
      await seedDrafted(store, [
        ...texts.map((text) => ({ platform: "telegram" as const, parts: [text] })),
        { platform: "discord", parts: ["BTC for the server."] },
      ]);
      const { ctx, integrations, changes, stateOf, advance } = breakerContext(h, store);
      // A 429 whose Retry-After is too long to wait out in-process: Telegram has
      // not acted on it, and it is transient: the posts are deferred, not refused.
      h.telegram.failNext(2, 429, 600);

      const first = await runAgent(publishing, ctx);

      assertOk(first); // Discord went out: its circuit is its own
      assert.deepEqual(first.details, {
        published: 1,
        failed: 0,
        ambiguous: 0,
        deferred: 4,
        skipped: 0,
        taken: 0,
      });
      assert.equal(creates(h).telegram, 2, "posts three and four must not reach Telegram");
      assert.deepEqual([stateOf("telegram"), stateOf("discord")], ["open", "closed"]);
      const turnedAway = (await publishedRows(store)).filter((r) => r.platform === "telegram");
      assert.deepEqual(turnedAway.map((r) => r.status), ["failed", "failed", "failed", "failed"]);
      assert.match(turnedAway[2].error!, /^circuit open for telegram: telegram answered 429/);

      // Half a minute on, the circuit is still open: a run does not call Telegram at all.
      advance(OPEN_MS / 2);
      await runAgent(publishing, ctx);
      assert.equal(creates(h).telegram, 2);

      // Past openMs: one trial goes through, succeeds, and the rest follow.
      advance(OPEN_MS);
      const last = await runAgent(publishing, ctx);

      assertOk(last);
      assert.equal((last.details as { published: number }).published, 4);
      assert.deepEqual(h.telegram.posts.map((p) => p.text).sort(), [...texts].sort());
      assert.equal(creates(h).telegram, 2 + 4);
      assert.equal(creates(h).discord, 1);
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => r.status), Array(5).fill("published"));
      assert.deepEqual(changes.map((c) => [c.service, c.state]), [
        ["telegram", "open"],
        ["telegram", "half-open"],
        ["telegram", "closed"],
      ]);
      assert.equal(changes[0].failures, 2);
      assert.ok(integrations.breakers().every((b) => b.state === "closed"));
    }),
);

testBackends(
  "a 503 leaves its post for reconciliation, while posts the open circuit turned away go out later",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedDrafted(store, [
        { platform: "telegram", parts: ["BTC maybe one."] },
        { platform: "telegram", parts: ["BTC maybe two."] },
        { platform: "telegram", parts: ["BTC surely three."] },
      ]);
      const { ctx, stateOf, advance } = breakerContext(h, store);
      // For all we know a 503 came after Telegram acted: those sends are uncertain.
      h.telegram.failNext(2, 503);

      const first = await runAgent(publishing, ctx);

      assert.equal(first.status, "failed"); // nothing went out
      assert.match(first.error!, /0 published, 0 refused, 2 awaiting reconciliation, 1 deferred/);
      assert.equal(stateOf("telegram"), "open");
      assert.equal(creates(h).telegram, 2);

      // Past the send lease and openMs: reconciliation cannot ask Telegram (its
      // lookup never can), so the uncertain posts go to a person; the deferred
      // one is the trial, goes out, and closes the circuit.
      advance(Math.max(SEND_LEASE_MS, OPEN_MS) + 1);
      const second = await runAgent(publishing, ctx);

      assertOk(second);
      assert.equal(stateOf("telegram"), "closed");
      assert.deepEqual(h.telegram.posts.map((p) => p.text), ["BTC surely three."]);
      assert.equal(creates(h).telegram, 3);
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => r.status), ["unknown", "unknown", "published"]);
    }),
);
