import assert from "node:assert/strict";
import { publishPlan, seedPlan } from "../agents/learning/_test_seed.ts";
import { openStore } from "../storage/mod.ts";
import { creator, withTempDir } from "./cli.ts";

Deno.test("ab stats prints the calculator's fields as JSON, and refuses bad counts", async () => {
  await withTempDir(async (cwd) => {
    const r = await creator([
      "ab",
      "stats",
      "--control",
      "120/1000",
      "--variant",
      "150/1000",
      "--json",
    ], { cwd });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    // statsmodels proportions_ztest([150, 120], [1000, 1000]) gives p = 0.0496403868653688.
    assert.ok(Math.abs(out.pValue - 0.04964038686536878) < 1e-9);
    assert.ok(Math.abs(out.lift - 0.25) < 1e-12);
    assert.ok(Math.abs(out.chanceToWin - 0.975067836812144) < 0.005);
    assert.ok(out.expectedLoss > 0 && out.expectedLoss < 0.001);
    assert.ok(out.ci.lower < 0.03 && out.ci.upper > 0.03);
    const bad = await creator(["ab", "stats", "--control", "12/10", "--variant", "1/10"], { cwd });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /expected successes\/trials/);
    assert.deepEqual([...Deno.readDirSync(cwd)], [], "the calculator touches no database");
  });
});

Deno.test("ab start, list, show and stop an experiment; refused input stores nothing", async () => {
  await withTempDir(async (cwd) => {
    const start = [
      "ab",
      "start",
      "threads",
      "--dimension",
      "format",
      "--variants",
      "single,thread",
      "--platform",
      "x",
    ];
    assert.equal((await creator(start, { cwd })).code, 0);
    const again = await creator(start, { cwd });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /An experiment named "threads" exists/);
    const opening = await creator(
      ["ab", "start", "o", "--dimension", "opening", "--variants", "headline,shout"],
      { cwd },
    );
    assert.equal(opening.code, 2);
    assert.match(opening.stderr, /opening "shout" is not one of headline, question/);
    // A link the guard would refuse in every draft is refused before the test starts.
    const link = await creator(
      ["ab", "start", "l", "--dimension", "link", "--variants", "none,https://evil.example/x"],
      { cwd },
    );
    assert.equal(link.code, 2);
    assert.match(link.stderr, /would be refused in posts .*content\.linkAllowlist/);
    const list = await creator(["ab", "list", "--json"], { cwd });
    assert.deepEqual(JSON.parse(list.stdout).tests.map((t: { name: string }) => t.name), [
      "threads",
    ]);
    const show = await creator(["ab", "show", "threads"], { cwd });
    assert.match(show.stdout, /threads: running, format on x/);
    assert.match(show.stdout, /single \(control\)/);
    assert.equal((await creator(["ab", "stop", "threads"], { cwd })).code, 0);
    const stopped = await creator(["ab", "stop", "threads"], { cwd });
    assert.equal(stopped.code, 2);
    assert.match(stopped.stderr, /already stopped/);
    const explain = await creator(["learn", "--explain"], { cwd });
    assert.match(
      explain.stdout,
      /experiment threads: stopped by hand[\s\S]*experiment threads: started by hand/,
    );
  });
});

Deno.test("learn freezes, explains, thaws; report writes charts of the snapshots", async () => {
  await withTempDir(async (cwd) => {
    const now = Date.now(), day = 86_400_000;
    const store = await openStore(`${cwd}/creator.db`);
    try {
      for (let i = 0; i < 6; i++) {
        const at = now - (i + 2) * day;
        const planId = await seedPlan(store, { platform: "x", format: "single", at });
        await publishPlan(store, planId, {
          platform: "x",
          publishedAt: at,
          impressions: 1000,
          engagements: 20 + i,
        });
      }
    } finally {
      await store.close();
    }
    const freeze = await creator(["learn", "--freeze", "--reason", "launch week"], { cwd });
    assert.match(freeze.stdout, /learning frozen/);
    const explain = await creator(["learn", "--explain"], { cwd });
    assert.match(explain.stdout, /learning is FROZEN since .* \(launch week\)/);
    assert.match(explain.stdout, /freeze learning: launch week/);
    assert.ok(explain.stdout.split("\n").every((l) => l.length <= 80), "fits 80 columns");
    assert.equal((await creator(["learn", "--unfreeze"], { cwd })).code, 0);
    assert.equal((await creator(["run", "feedback-loop"], { cwd })).code, 0);
    const report = await creator(["report", "--since", "10d", "--html", "report.html"], { cwd });
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /^x\s+6\s+6,000\s+135\s+2\.25%$/m);
    assert.match(report.stdout, /members now 0, MRR 0\.00; followers: not measured/);
    const html = await Deno.readTextFile(`${cwd}/report.html`);
    assert.equal((html.match(/<svg /g) ?? []).length, 5);
    assert.match(html, /<path d="M[\d.]+,[\d.]+L/);
  });
});
