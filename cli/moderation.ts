/** `creator moderation check | list | undo <id> | update-lists`: tune, review and reverse. */
import { type Config, loadConfig } from "../core/config.ts";
import { terminalSafeJson } from "../core/clean_text.ts";
import { UsageError } from "../core/errors.ts";
import type { Logger } from "../core/log.ts";
import { parseDbUrl } from "../storage/url.ts";
import type { Globals } from "./program.ts";
import { makeLogger, output, withSession } from "./session.ts";

/**
 * JSON lines on stdin, one verdict line each on stdout; sends nothing. Lists
 * refreshed into the database apply when there is one; none is created.
 */
export async function checkCommand(g: Globals): Promise<void> {
  const { config } = await loadConfig({ db: g.db, configPath: g.config });
  if (await storeExists(config.db)) {
    return withSession(
      g,
      { mustExist: true },
      async ({ ctx, log }) => runCheck(config, log, await ctx.store.moderation.domains()),
    );
  }
  await runCheck(config, makeLogger(g, config.logLevel), {});
}

async function runCheck(config: Config, log: Logger, refreshed: object): Promise<void> {
  const { compileEngine } = await import("../agents/monetization/moderation/engine.ts");
  const { bundledLists, mergeLists } = await import("../agents/monetization/moderation/lists.ts");
  const { checkStream, InputLineError } = await import(
    "../agents/monetization/moderation/check_stream.ts"
  );
  const s = config.moderation;
  const engine = compileEngine(s, mergeLists(s, await bundledLists(), refreshed));
  const writer = Deno.stdout.writable.getWriter();
  const encoder = new TextEncoder();
  try {
    const { lines, flagged } = await checkStream(
      Deno.stdin.readable,
      (chunk) => writer.write(encoder.encode(terminalSafeJson(chunk))),
      engine,
      Date.now(),
    );
    log.info(`${lines} messages checked, ${flagged} flagged`);
  } catch (error) {
    if (error instanceof InputLineError) throw new UsageError(error.message);
    throw error;
  } finally {
    await writer.close().catch(() => {});
  }
}

/** Postgres is always there to ask; a SQLite file may not exist yet. */
async function storeExists(db: string): Promise<boolean> {
  const target = parseDbUrl(db);
  return target.backend !== "sqlite" || await Deno.stat(target.path).then(() => true, () => false);
}

export function listCommand(g: Globals, opts: { limit: number }): Promise<void> {
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
    const actions = await ctx.store.moderation.recent(opts.limit);
    output(
      g,
      { actions },
      () =>
        actions.length
          ? actions.map((a) =>
            `#${a.id} ${new Date(a.createdAt).toISOString().slice(0, 16)} ${a.platform} ` +
            `${a.action} ${a.userName ?? a.userId ?? "-"} ${a.rule} [${a.status}]\n    ${a.reason}`
          ).join("\n")
          : "no moderation actions yet",
    );
  });
}

export function undoCommand(g: Globals, id: string): Promise<void> {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(`Expected an action number such as 12, got "${id}".`);
  }
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
    const action = await ctx.store.moderation.get(n);
    if (!action) {
      throw new UsageError(`No moderation action #${n}; \`creator moderation list\` shows them.`);
    }
    if (action.status !== "done") {
      throw new UsageError(`Cannot undo action #${n}: its status is ${action.status}, not done.`);
    }
    const { communities, missing } = await ctx.integrations.communities();
    const community = communities.find((c) => c.platform === action.platform);
    if (!community) {
      throw new Error(
        `Cannot undo on ${action.platform}: ${missing.find((m) => m.startsWith(action.platform))}`,
      );
    }
    try {
      const { undoAction } = await import("../agents/monetization/moderation/undo.ts");
      const what = await undoAction(community, action);
      await ctx.store.moderation.markUndone(n, ctx.clock.now());
      await community.modLog(`#${n} undone: ${what}`).catch(() => {});
      output(g, { id: n, undone: true, what }, () => `#${n} undone: ${what}`);
    } finally {
      await community.close();
    }
  });
}

/** Downloads each `moderation.listUrls` list into the database; a failed one keeps its old rows. */
export function updateListsCommand(g: Globals): Promise<void> {
  return withSession(g, {}, async ({ ctx, config, log }) => {
    const { parseList } = await import("../agents/monetization/moderation/lists.ts");
    const urls = config.moderation.listUrls;
    if (!urls.length) throw new UsageError("No lists to fetch: set moderation.listUrls.");
    const source = await ctx.integrations.listSource();
    const results: Array<{ url: string; domains?: number; error?: string }> = [];
    for (const url of urls) {
      const label = new URL(url).host + new URL(url).pathname;
      try {
        const list = parseList(await source.download(url, ctx.signal));
        const domains = await ctx.store.moderation.replaceDomains(url, list, ctx.clock.now());
        results.push({ url: label, domains });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log.error(`${label}: ${reason}; its earlier entries are kept`);
        results.push({ url: label, error: reason });
      }
    }
    output(
      g,
      { lists: results },
      () =>
        results.map((r) =>
          r.error ? `${r.url}: failed (${r.error})` : `${r.url}: ${r.domains} entries`
        ).join("\n"),
    );
    if (results.some((r) => r.error)) Deno.exitCode = 1;
  });
}
