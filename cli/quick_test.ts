/**
 * The quick path (cli/quick.ts) and commander must read a command line alike:
 * every line the quick path accepts gives the options commander would give,
 * and both know the same options, so an option added to one is not missing
 * from the other.
 */
import assert from "node:assert/strict";
import { buildProgram } from "./program.ts";
import { GLOBAL_OPTIONS, QUICK_COMMANDS, quickParse } from "./quick.ts";

class Stop extends Error {}

/** What commander gives the action of a command line, without running it. */
async function commanderReads(args: string[]) {
  const program = buildProgram().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  let read: { command: string; all: Record<string, unknown>; own: Record<string, unknown> } | null =
    null;
  program.hook("preAction", (_root, action) => {
    read = { command: action.name(), all: action.optsWithGlobals(), own: action.opts() };
    throw new Stop();
  });
  await assert.rejects(program.parseAsync(args, { from: "user" }), Stop);
  return read!;
}

const ACCEPTED = [
  ["status"],
  ["--db", "/tmp/x.db", "status"],
  ["status", "--db", "/tmp/x.db", "--json"],
  ["--db=/tmp/x.db", "-q", "agents"],
  ["agents", "--verbose", "--config", "creator.yaml"],
  ["logs"],
  ["logs", "--limit", "5", "--level", "warn", "--agent", "analysis"],
  ["-v", "logs", "--since", "2026-01-02T00:00:00Z", "--limit=20", "--json"],
  ["logs", "--agent=publishing", "--db", "postgres://u@h:5432/d", "--quiet"],
];

Deno.test("every command line the quick path runs, commander reads the same way", async () => {
  for (const args of ACCEPTED) {
    const quick = quickParse(args);
    assert.ok(quick, `quick path declined ${args.join(" ")}`);
    const read = await commanderReads(args);
    assert.equal(quick.command, read.command, args.join(" "));
    assert.deepEqual(quick.flags, read.own, args.join(" "));
    assert.deepEqual({ ...quick.globals, ...quick.flags }, read.all, args.join(" "));
  }
});

Deno.test("help, mistakes and anything unusual go to commander", () => {
  for (
    const args of [
      [],
      ["--help"],
      ["status", "-h"],
      ["help", "status"],
      ["--version"],
      ["status", "extra"],
      ["status", "logs"],
      ["logs", "--limit", "0"],
      ["logs", "--limit"],
      ["logs", "--level", "loud"],
      ["logs", "--since", "yesterday-ish"],
      ["logs", "--agent", "a", "--agent", "b"],
      ["--limit", "5", "logs"],
      ["status", "--limit", "5"],
      ["--json=yes", "status"],
      ["-vq", "status"],
      ["--db", "--json", "status"],
      ["status", "--"],
      ["publish", "--dry-run"],
      ["toString"],
      ["constructor", "--json"],
      ["status", "--__proto__"],
    ]
  ) assert.equal(quickParse(args), null, args.join(" "));
});

Deno.test("the quick path knows exactly the options commander defines for its commands", () => {
  const program = buildProgram();
  const flags = (options: readonly { short?: string; long?: string }[]) =>
    options.flatMap((o) => [o.short, o.long]).filter((f): f is string => !!f).sort();
  // Help and version are commander's to print.
  const root = flags(program.options).filter((f) => !["-V", "--version"].includes(f));
  assert.deepEqual(Object.keys(GLOBAL_OPTIONS).sort(), root);
  for (const [name, spec] of Object.entries(QUICK_COMMANDS)) {
    const command = program.commands.find((c) => c.name() === name);
    assert.ok(command, name);
    assert.deepEqual(Object.keys(spec.options).sort(), flags(command.options), name);
  }
});
