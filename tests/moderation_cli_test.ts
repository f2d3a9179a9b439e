/** The moderation commands as a user runs them: JSON lines in, verdicts out; lists; undo. */
import assert from "node:assert/strict";
import { withTempDir } from "./cli.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;

async function creatorWithInput(args: string[], cwd: string, input: string) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", MAIN, ...args],
    cwd,
    env: { NO_COLOR: "1", PATH: Deno.env.get("PATH") ?? "", HOME: Deno.env.get("HOME") ?? "" },
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(input));
  await writer.close();
  const { code, stdout, stderr } = await child.output();
  const text = new TextDecoder();
  return { code, stdout: text.decode(stdout), stderr: text.decode(stderr) };
}

/** A list server: the one host `update-lists` talks to in this test. */
function serveList(body: string, status = 200) {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(body, { status }),
  );
  return { url: `http://127.0.0.1:${server.addr.port}/list.txt`, close: () => server.shutdown() };
}

Deno.test("moderation check prints one verdict per line, sends nothing, and refuses a bad line with exit 2", async () => {
  await withTempDir(async (cwd) => {
    const lines = [
      { text: "gm, BTC holding up well" },
      { text: "Claim your free airdrop now", author: { id: "1", name: "bob" }, channel: "general" },
      { text: "validate your wallet", author: { roles: ["Moderator"] } },
      { text: "join discord.gg/somewhere-else" },
    ].map((l) => JSON.stringify(l)).join("\n");
    const r = await creatorWithInput(["moderation", "check"], cwd, lines + "\n");
    assert.equal(r.code, 0, r.stderr);
    const verdicts = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(verdicts.map((v) => [v.action, v.rule]), [
      ["allow", undefined],
      ["delete", "scam-phrase"],
      ["allow", undefined],
      ["delete", "invite-link"],
    ]);
    assert.match(r.stderr, /4 messages checked, 2 flagged/);
    assert.equal(await Deno.stat(`${cwd}/creator.db`).catch(() => null), null, "no store created");

    const bad = await creatorWithInput(["moderation", "check"], cwd, '{"text":"ok"}\n{"txt":1}\n');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /line 2: expected an object with a "text" string/);
  });
});

Deno.test("update-lists stores a downloaded list that check then uses; a failed list keeps the old one", async () => {
  await withTempDir(async (cwd) => {
    const good = serveList("# test list\n0.0.0.0 fresh-drainer.example\n");
    try {
      await Deno.writeTextFile(`${cwd}/creator.yaml`, `moderation:\n  listUrls: [${good.url}]\n`);
      const r = await creatorWithInput(["moderation", "update-lists"], cwd, "");
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /list\.txt: 1 entries/);
    } finally {
      await good.close();
    }
    const broken = serveList("<html>maintenance</html>", 503);
    try {
      await Deno.writeTextFile(`${cwd}/creator.yaml`, `moderation:\n  listUrls: [${broken.url}]\n`);
      const r = await creatorWithInput(["moderation", "update-lists"], cwd, "");
      assert.equal(r.code, 1);
      assert.match(r.stdout, /failed \(list 127\.0\.0\.1:\d+ answered 503/);
    } finally {
      await broken.close();
    }
    const check = await creatorWithInput(
      ["moderation", "check"],
      cwd,
      '{"text":"https://fresh-drainer.example/claim"}\n',
    );
    assert.equal(JSON.parse(check.stdout).rule, "phishing-domain");
  });
});

Deno.test("moderation undo names what is wrong: a bad number, an unknown action", async () => {
  await withTempDir(async (cwd) => {
    const bad = await creatorWithInput(["moderation", "undo", "abc"], cwd, "");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Expected an action number such as 12, got "abc"/);
    const none = await creatorWithInput(["moderation", "undo", "7"], cwd, "");
    assert.equal(none.code, 2);
    assert.match(none.stderr, /creator init/);
    assert.equal((await creatorWithInput(["migrate"], cwd, "")).code, 0);
    const unknown = await creatorWithInput(["moderation", "undo", "7"], cwd, "");
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No moderation action #7/);
    const moderate = await creatorWithInput(["moderate"], cwd, "");
    assert.equal(moderate.code, 1);
    assert.match(moderate.stdout + moderate.stderr, /Cannot moderate: nothing is configured/);
  });
});
