/**
 * `deno task install`: puts a `creator` command on the PATH that works from any
 * directory, offline. It writes a small shell script that `exec`s the Deno
 * binary on this checkout's main.ts with this checkout's deno.json and lock, so
 * the npm packages already in node_modules are used as they are (nothing is
 * downloaded), and signals reach the process itself: no wrapper stands between
 * a supervisor's SIGTERM and the daemon.
 *
 * Options: --root <dir> (default $DENO_INSTALL_ROOT, else ~/.deno); the script
 * goes to <root>/bin/creator.
 */
const repo = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

function option(name: string): string | undefined {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Deno.args[i + 1] : undefined;
}

const home = Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE");
const root = option("--root") ?? Deno.env.get("DENO_INSTALL_ROOT") ?? `${home}/.deno`;
if (!root || root.startsWith("undefined")) {
  console.error("creator install: no HOME; pass --root <dir>.");
  Deno.exit(2);
}
const bin = `${root}/bin`;
await Deno.mkdir(bin, { recursive: true });

// A Deno that npx unpacked lives in npm's cache, which `npm cache clean` may
// empty: keep a copy of our own beside the script.
let deno = Deno.execPath();
if (deno.includes("/_npx/") || deno.includes("\\_npx\\")) {
  const own = `${bin}/.creator-deno`;
  await Deno.remove(own).catch(() => {});
  await Deno.link(deno, own).catch(() => Deno.copyFile(deno, own));
  await Deno.chmod(own, 0o755);
  deno = own;
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
const script = `#!/bin/sh
# creator: installed by \`deno task install\` from ${repo}
exec ${quote(deno)} run -A -q --config ${quote(`${repo}/deno.json`)} ${
  quote(`${repo}/main.ts`)
} "$@"
`;
const target = `${bin}/creator`;
await Deno.writeTextFile(target, script, { mode: 0o755 });
await Deno.chmod(target, 0o755);

const onPath = (Deno.env.get("PATH") ?? "").split(":").includes(bin);
console.log(`installed ${target}`);
if (!onPath) console.log(`add it to your PATH:  export PATH="${bin}:$PATH"`);
