import assert from "node:assert/strict";
import { createMetrics } from "../orchestrator/metrics.ts";
import { serveHealth } from "../orchestrator/health.ts";
import { membershipRoutes } from "../orchestrator/webhook_server.ts";
import { testBackends } from "../storage/test_backends.ts";
import { deliver, movableClock, startMembershipFakes } from "./_memberships.ts";

const keys = await crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"]) as CryptoKeyPair;
const publicKey = toHex(new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey)));

testBackends(
  "the daemon's port takes Stripe's webhook and Discord's /join beside /healthz",
  async (t) => {
    const fakes = startMembershipFakes({ discordPublicKey: publicKey });
    const store = await t.open();
    const ctx = fakes.context(store, movableClock());
    let kicks = 0;
    const server = await serveHealth({
      port: 0,
      hostname: "127.0.0.1",
      ctx,
      metrics: createMetrics(ctx),
      routes: membershipRoutes(ctx, () => kicks++),
    });
    const base = `http://127.0.0.1:${server.port}`;
    const interact = async (body: unknown, key = keys.privateKey) => {
      const text = JSON.stringify(body);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = new Uint8Array(
        await crypto.subtle.sign("Ed25519", key, new TextEncoder().encode(timestamp + text)),
      );
      return await fetch(`${base}/interactions/discord`, {
        method: "POST",
        body: text,
        headers: { "x-signature-ed25519": toHex(signature), "x-signature-timestamp": timestamp },
      });
    };
    try {
      const ping = await interact({ type: 1 });
      assert.deepEqual(await ping.json(), { type: 1 });
      const join = await interact({
        type: 2,
        data: { name: "join" },
        member: { user: { id: "800000000000000009" } },
      });
      const answer = await join.json();
      assert.equal(answer.type, 4);
      assert.equal(answer.data.flags, 64);
      assert.match(answer.data.content, /checkout\.stripe\.com/);
      const [session] = fakes.stripe.sessions.values();
      assert.equal(session.client_reference_id, "discord:800000000000000009");

      const other = await crypto.subtle.generateKey("Ed25519", true, ["sign"]) as CryptoKeyPair;
      const forged = await interact({ type: 1 }, other.privateKey);
      assert.equal(forged.status, 401);
      await forged.body?.cancel();

      const paid = fakes.stripe.complete(String(session.id));
      const res = await deliver(`${base}/webhooks/stripe`, paid.created);
      assert.equal(res.status, 200);
      await res.body?.cancel();
      assert.equal(kicks, 1);
      assert.equal((await store.billing.pendingEvents()).length, 1);
      const health = await fetch(`${base}/healthz`);
      assert.equal(health.status, 200);
      await health.body?.cancel();
    } finally {
      await server.close();
      await store.close();
      await fakes.close();
    }
  },
);

function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
