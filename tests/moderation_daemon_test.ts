/**
 * `creator daemon` with a Telegram group configured moderates beside its
 * jobs. Two daemons share one database: one moderates, the other stands by
 * and takes over when the first dies, without repeating its actions.
 */
import { baseEnv } from "./cli.ts";
import assert from "node:assert/strict";
import { openStore } from "../storage/mod.ts";
import { reap, spawnCreator, waitFor } from "./_daemon_helpers.ts";
import { GROUP_ID, GROUP_TOKEN, groupMessage, startGroupFake } from "./fakes/telegram_group.ts";

const BOB = { id: 5001, first_name: "Bob" };

Deno.test("daemon: one instance moderates; when it dies the standby takes over without repeats", async () => {
  const fake = startGroupFake();
  const dir = await Deno.makeTempDir({ prefix: "creator-moderation-" });
  const config = {
    daemon: { schedules: {} },
    moderation: { telegram: { groupId: String(GROUP_ID) }, leaseSeconds: 1 },
    baseUrls: { telegram: fake.url },
  };
  await Deno.writeTextFile(`${dir}/creator.yaml`, JSON.stringify(config));
  const env: Record<string, string> = { ...baseEnv(), TELEGRAM_BOT_TOKEN: GROUP_TOKEN };
  const db = `${dir}/creator.db`;
  const deletes = () => fake.calls.filter((c) => c.method === "deleteMessage");
  const first = spawnCreator(["--db", db, "daemon"], dir, env);
  const children = [first];
  try {
    await waitFor(
      "the first daemon to poll",
      () => (fake.getUpdatesCalls > 0) || undefined,
      20_000,
    );
    const second = spawnCreator(["--db", db, "daemon"], dir, env);
    children.push(second);
    await waitFor("the standby", () => (/standing by/.test(second.log())) || undefined, 20_000);

    fake.push({ message: groupMessage(40, BOB, "validate your wallet here") });
    await waitFor("the first delete", () => (deletes().length === 1) || undefined, 10_000);

    first.kill("SIGKILL");
    await first.status;
    fake.push({ message: groupMessage(41, BOB, "DM me for the airdrop") });
    await waitFor("the standby's delete", () => (deletes().length === 2) || undefined, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(deletes().map((c) => c.body.message_id), [40, 41]);

    second.kill("SIGTERM");
    assert.equal((await second.status).code, 0, second.log());
    const store = await openStore(db);
    try {
      const actions = await store.moderation.recent();
      assert.equal(actions.length, 2);
      assert.notEqual(actions[0].instance, actions[1].instance);
    } finally {
      await store.close();
    }
  } finally {
    await reap(children);
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});
