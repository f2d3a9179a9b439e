import assert from "node:assert/strict";
import { openStore } from "../storage/mod.ts";
import { creator, withTempDir } from "./cli.ts";

const SOL = {
  dedupKey: "price_move:binance:SOL/USDT:1h:4h:down",
  type: "price_move",
  symbol: "SOL/USDT",
  timeframe: "1h",
  headline: "SOL/USDT down 6.1% in 4h",
  importance: 0.76,
  facts: {
    window: "4h",
    windowHours: 4,
    changePct: -6.0934,
    fromClose: 187.42,
    toClose: 176.0,
    bars: 4,
    thresholdPct: 4,
    direction: "down",
  },
  sourceRef: "binance:SOL/USDT:1h@1735689600000-1735704000000",
};

/** A database in `dir` holding the SOL insight; returns its id. */
async function seed(dir: string): Promise<number> {
  const store = await openStore(`${dir}/creator.db`);
  try {
    await store.insights.add([SOL], 1_735_704_000_000);
    const [row] = await store.db.all<{ id: number }>("SELECT id FROM insights");
    return Number(row.id);
  } finally {
    await store.close();
  }
}

Deno.test("draft check passes a true draft and shows the fact behind each figure", async () => {
  await withTempDir(async (cwd) => {
    const id = String(await seed(cwd));
    const text = "SOL down 6.1% in 4h, from 187.42 to 176.00.\n\nNot financial advice.";
    const r = await creator(["draft", "check", "--insight", id, text], { cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^PASS/);
    assert.match(r.stdout, /6\.1%\s+= changePct/);
    assert.match(r.stdout, /187\.42\s+= fromClose/);
    assert.ok(r.stdout.split("\n").every((line) => line.length <= 80));
  });
});

Deno.test("draft check fails a wrong draft with one reason per claim, exit 1", async () => {
  await withTempDir(async (cwd) => {
    const id = String(await seed(cwd));
    const text = "SOL up 6.1% in 4h and will reclaim 187.42 by Friday. Not financial advice.";
    const r = await creator(["--json", "draft", "check", "--insight", id, text], { cwd });
    assert.equal(r.code, 1, r.stderr);
    const verdict = JSON.parse(r.stdout);
    assert.equal(verdict.ok, false);
    assert.match(verdict.reason, /the words say up, but changePct went the other way/);
    assert.match(verdict.reason, /a prediction/);
    assert.deepEqual(verdict.claims.map((c: { ok: boolean }) => c.ok), [false, true, false]);
    assert.match(verdict.reason, /187\.42 is a past value \(fromClose\) stated as current/);
  });
});

Deno.test("draft check reads a thread from stdin, parts split by ---", async () => {
  await withTempDir(async (cwd) => {
    const id = String(await seed(cwd));
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        new URL("../main.ts", import.meta.url).pathname,
        "draft",
        "check",
        "--insight",
        id,
        "--platform",
        "telegram",
      ],
      cwd,
      env: { NO_COLOR: "1" },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(
      "1/2 SOL fell 6.1% in 4h\n---\n2/2 Now 176.00.\n\nNot financial advice.\n",
    ));
    await writer.close();
    const { code, stdout, stderr } = await child.output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
    assert.match(new TextDecoder().decode(stdout), /176\.00\s+= toClose/);
  });
});

Deno.test("draft check exits 2 on an unknown insight or an empty draft", async () => {
  await withTempDir(async (cwd) => {
    await seed(cwd);
    const unknown = await creator(["draft", "check", "--insight", "99", "SOL"], { cwd });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No insight 99/);
    const empty = await creator(["draft", "check", "--insight", "1"], { cwd });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /Give the draft/);
    const help = await creator(["draft", "check", "--help"], { cwd });
    assert.match(help.stdout.replace(/\s+/g, " "), /--insight <id> the insight the draft is about/);
    const noId = await creator(["draft", "check", "SOL"], { cwd });
    assert.equal(noId.code, 2);
    assert.match(noId.stderr, /--insight/);
  });
});
