import assert from "node:assert/strict";
import { creator, withTempDir } from "./cli.ts";
import { startStripeFake, TEST_SECRET_KEY, TEST_WEBHOOK_SECRET } from "./fakes/stripe.ts";
import { deliver } from "./_memberships.ts";
import { startTelegramFake, TEST_TOKEN } from "./fakes/telegram.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";

const CONFIG = `membership:
  successUrl: https://example.com/welcome
  cancelUrl: https://example.com/later
  telegramChatId: "${PRIVATE_CHAT_ID}"
`;

function env(stripe: string, telegram: string): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: TEST_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    CREATOR_STRIPE_BASE_URL: stripe,
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    CREATOR_TELEGRAM_BASE_URL: telegram,
  };
}

Deno.test("offer link prints a Checkout URL; members lists the member serve let in", async () => {
  const stripe = startStripeFake();
  const telegram = startTelegramFake();
  try {
    await withTempDir(async (cwd) => {
      await Deno.writeTextFile(`${cwd}/creator.yaml`, CONFIG);
      const e = env(stripe.url, telegram.url);
      const link = await creator(
        ["offer", "link", "--platform", "telegram", "--user", "700001", "--json"],
        { cwd, env: e },
      );
      assert.equal(link.code, 0, link.stderr);
      const { url, member } = JSON.parse(link.stdout);
      assert.equal(member, "telegram:700001");
      assert.match(url, /^https:\/\/checkout\.stripe\.com\//);

      const server = new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          new URL("../main.ts", import.meta.url).pathname,
          "serve",
          "--port",
          "0",
        ],
        cwd,
        env: { ...e, NO_COLOR: "1" },
        stdout: "null",
        stderr: "piped",
      }).spawn();
      const port = await listeningPort(server.stderr);
      const paid = stripe.complete([...stripe.sessions.keys()][0]);
      for (const event of [paid.session, paid.created]) {
        const res = await deliver(`http://127.0.0.1:${port}/webhooks/stripe`, event);
        assert.equal(res.status, 200);
        await res.body?.cancel();
      }
      const deadline = Date.now() + 5000;
      while (!telegram.members.dms.length && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      server.kill("SIGTERM");
      assert.equal((await server.status).code, 0);
      assert.equal(telegram.members.invites.length, 1);

      const list = await creator(["members", "--json"], { cwd, env: e });
      assert.equal(list.code, 0, list.stderr);
      const [row] = JSON.parse(list.stdout).members;
      assert.equal(row.member, "telegram:700001");
      assert.equal(row.state, "active");
      assert.equal(row.subscription.amountCents, 1900);
      const text = await creator(["members"], { cwd, env: e });
      assert.match(text.stdout, /telegram:700001\s+active\s+active 19\.00 USD/);
      assert.ok(!(link.stderr + list.stderr + text.stdout).includes(TEST_SECRET_KEY));

      const stats = await creator(["stats", "--json", "--since", "1d"], { cwd, env: e });
      assert.equal(stats.code, 0, stats.stderr);
      const { money } = JSON.parse(stats.stdout);
      assert.deepEqual(money.revenue, [{
        currency: "usd",
        mrrCents: 1900,
        activeSubscriptions: 1,
        newSubscriptions: 1,
        cancelled: 0,
      }]);
      assert.deepEqual(money.funnel, [{ channel: "cli", state: "subscribed", n: 1 }]);
    });
  } finally {
    await stripe.close();
    await telegram.close();
  }
});

Deno.test("offers and serve without their settings exit 2 with what to set", async () => {
  await withTempDir(async (cwd) => {
    const noUrls = await creator(
      ["offer", "link", "--platform", "telegram", "--user", "1"],
      { cwd, env: { STRIPE_SECRET_KEY: TEST_SECRET_KEY } },
    );
    assert.equal(noUrls.code, 2);
    assert.match(noUrls.stderr, /set membership\.successUrl and membership\.cancelUrl/);
    const badUser = await creator(["offer", "link", "--platform", "telegram", "--user", "@me"], {
      cwd,
    });
    assert.equal(badUser.code, 2);
    assert.match(badUser.stderr, /numeric user id/);
    const noKeys = await creator(["serve", "--port", "0"], { cwd });
    assert.equal(noKeys.code, 2);
    assert.match(noKeys.stderr, /set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET/);
  });
});

async function listeningPort(stderr: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stderr.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`serve exited before listening: ${seen}`);
    seen += value;
    const m = /webhooks on http:\/\/[\d.]+:(\d+)\//.exec(seen);
    if (m) {
      // Keep draining so the child never blocks on a full pipe.
      (async () => {
        while (!(await reader.read()).done);
      })();
      return Number(m[1]);
    }
  }
}
