/** The README's install line, run as a user runs it into a temporary HOME. */
import assert from "node:assert/strict";

/** Installs `creator` under `home` from this checkout; returns the installed command's path. */
export async function installInto(home: string): Promise<string> {
  const install = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "install"],
    cwd: new URL("..", import.meta.url).pathname,
    env: { HOME: home, PATH: Deno.env.get("PATH") ?? "" },
    clearEnv: true,
  }).output();
  assert.equal(install.code, 0, new TextDecoder().decode(install.stderr));
  return `${home}/.deno/bin/creator`;
}
