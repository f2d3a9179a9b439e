/** Hostile config: alias bombs, huge values and files, windows across midnight. */
import assert from "node:assert/strict";
import { inDir } from "./_test_utils.ts";
import { ConfigError, loadConfig, MAX_CONFIG_BYTES } from "./config.ts";

const BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
].join("\n");

Deno.test("a YAML alias bomb is a ConfigError naming the file and the line of the first alias", async () => {
  await inDir({ "creator.yaml": `logLevel: info\n${BOMB}\n` }, async (cwd) => {
    await assert.rejects(loadConfig({ cwd, env: {} }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /creator\.yaml:3: invalid YAML: .*aliases \(\*name\) may expand/);
      return true;
    });
  });
});

Deno.test("a huge value of the wrong type is echoed as one short line", async () => {
  const huge = "x".repeat(900 * 1024);
  await inDir({ "creator.yaml": `exchange:\n  id: ${huge}Q\n` }, async (cwd) => {
    const envs: Record<string, string>[] = [{}, { CREATOR_EXCHANGE: "y".repeat(50 << 20) + "Q" }];
    for (const env of envs) {
      await assert.rejects(loadConfig({ cwd, env }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.ok(error.message.length < 300, `${error.message.length} characters`);
        assert.match(error.message, /exchange\.id = "(x|y){20,}…/);
        return true;
      });
    }
  });
});

Deno.test("an unknown key of 500 KB is echoed as one short line, at once", async () => {
  const key = "k".repeat(500 * 1024);
  await inDir({ "creator.yaml": `? ${key}\n: 1\nexchange:\n  ? ${key}\n  : 2\n` }, async (cwd) => {
    const started = Date.now();
    await assert.rejects(loadConfig({ cwd, env: {} }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.ok(error.message.length < 400, `${error.message.length} characters`);
      const lines = error.message.split("\n");
      assert.equal(lines.length, 3, error.message);
      const keyLine = (prefix: string, line: number) =>
        new RegExp(`^ {2}unknown key "${prefix}k{20,}… \\(from .*creator\\.yaml:${line}\\)$`);
      assert.deepEqual(
        [
          lines.some((l) => keyLine("", 1).test(l)),
          lines.some((l) => keyLine("exchange\\.", 4).test(l)),
        ],
        [true, true],
        error.message,
      );
      return true;
    });
    assert.ok(Date.now() - started < 2_000, "no edit distance over half a megabyte");
  });
});

Deno.test("60,000 bad items list 20 problems and a count of the rest", async () => {
  const items = Array.from({ length: 60_000 }, () => "1").join(", ");
  const file = `exchange:\n  symbols: [${items}]\nwhat: 1\n`;
  await inDir({ "creator.yaml": file }, async (cwd) => {
    await assert.rejects(loadConfig({ cwd, env: {} }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const lines = error.message.split("\n");
      assert.equal(lines.length, 22, lines.slice(0, 3).join("\n"));
      assert.equal(lines[0], "Invalid config:");
      assert.match(
        lines[1],
        /^ {2}exchange\.symbols\.0 = 1 \(from .*creator\.yaml:2\): Invalid input: expected string/,
      );
      assert.equal(lines[21], "  ... and 59981 more");
      return true;
    });
  });
});

Deno.test("a config file over 1 MiB is refused without being read to the end", async () => {
  await inDir({ "big.yaml": "# padding\n".repeat(MAX_CONFIG_BYTES / 5) }, async (cwd) => {
    await assert.rejects(
      loadConfig({ cwd, env: {}, configPath: `${cwd}/big.yaml` }),
      /big\.yaml: it is over 1024 KiB; a config file is a few KiB/,
    );
  });
  const started = Date.now();
  await assert.rejects(
    loadConfig({ env: {}, configPath: "/dev/zero" }),
    /Cannot read \/dev\/zero: it is over 1024 KiB/,
  );
  assert.ok(Date.now() - started < 2_000);
});

Deno.test("a window across midnight is valid; an empty one or one past 24:00 is not", async () => {
  const windows = (x: string) => `planning:\n  windows:\n    x: ["${x}"]\n`;
  await inDir({ "creator.yaml": windows("23:00-01:00") }, async (cwd) => {
    const { config } = await loadConfig({ cwd, env: {} });
    assert.deepEqual(config.planning.windows.x, ["23:00-01:00"]);
  });
  const refused: [string, RegExp][] = [
    ["12:00-12:00", /the window is empty/],
    ["23:00-24:30", /expected a UTC/],
  ];
  for (const [w, why] of refused) {
    await inDir({ "creator.yaml": windows(w) }, async (cwd) => {
      await assert.rejects(loadConfig({ cwd, env: {} }), why);
    });
  }
});
