/**
 * What each draft costs in request bytes, and how much of each request after the first is a
 * byte-identical prefix marked for prompt caching. ContentCreation runs through the real
 * Anthropic SDK against the fake, which keeps every request body; the insights come from the
 * real scanner and analysis over the fake exchange and news.
 */
import { analysis } from "../agents/foundation/analysis.ts";
import { contentCreation } from "../agents/foundation/content_creation.ts";
import { chooseFormat } from "../agents/foundation/content_strategist.ts";
import { marketScanner } from "../agents/foundation/market_scanner.ts";
import { createContext } from "../core/context.ts";
import { runAgents } from "../core/runner.ts";
import type { Platform } from "../core/vocabulary.ts";
import type { Insight } from "../storage/insights.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { pipelineConfig, startPipelineFakes } from "./_pipeline_fakes.ts";
import { describeDeprecations, withoutDeprecationWarnings } from "./_sdk_warnings.ts";
import { type BenchResult, percent, progress, verdict } from "./_table.ts";

const INSIGHTS = 7;
const PLATFORMS: Platform[] = ["x", "telegram", "discord"];
const TARGET = 0.7;
/** Below this many prompt tokens the API does not cache a prefix (Sonnet's floor). */
const MIN_CACHE_TOKENS = 1024;

interface RequestSize {
  totalBytes: number;
  prefixBytes: number;
  /** model + prefix, what the cache is keyed on. */
  prefixKey: string;
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** Blocks in the API's cache order (tools, system, messages) up to the last cache_control. */
function sizeRequest(body: unknown): RequestSize {
  const b = body as {
    model: string;
    tools?: unknown[];
    system?: unknown;
    messages: Array<{ content: unknown }>;
  };
  const blocks = [
    ...(b.tools ?? []),
    ...(Array.isArray(b.system) ? b.system : []),
    ...b.messages.flatMap((m) => Array.isArray(m.content) ? m.content : []),
  ] as Array<{ cache_control?: unknown }>;
  const breakpoint = blocks.findLastIndex((block) => block.cache_control);
  const prefix = blocks.slice(0, breakpoint + 1);
  return {
    totalBytes: bytes(body),
    prefixBytes: breakpoint < 0 ? 0 : bytes(prefix),
    prefixKey: breakpoint < 0 ? "" : `${b.model}\n${JSON.stringify(prefix)}`,
  };
}

/** Up to `count` insights, taking each type in turn so the drafts are of varied kinds. */
function varied(insights: Insight[], count: number): Insight[] {
  const byType = Map.groupBy(insights, (i) => i.type);
  const picked: Insight[] = [];
  while (picked.length < count && [...byType.values()].some((list) => list.length)) {
    for (const list of byType.values()) {
      const next = list.shift();
      if (next && picked.length < count) picked.push(next);
    }
  }
  return picked;
}

async function planVaried(store: Store, now: number): Promise<Insight[]> {
  const chosen = varied(await store.insights.unplanned(0, 1000), INSIGHTS);
  for (const insight of chosen) {
    for (const platform of PLATFORMS) {
      const format = chooseFormat(insight, platform);
      const plan = { insightId: insight.id, platform, format, scheduledAt: now, priority: 1 };
      await store.plans.add(plan, now);
    }
  }
  return chosen;
}

export async function benchPromptCache(): Promise<BenchResult> {
  progress(`prompt cache: ${INSIGHTS} insights x ${PLATFORMS.length} platforms through Claude`);
  const fakes = await startPipelineFakes({ latencyMs: 0, symbols: 30 });
  const dir = await Deno.makeTempDir({ prefix: "creator-bench-" });
  const symbols = ["BTC/USDT", "LTC/USDT", ...fakes.symbols];
  const config = pipelineConfig(fakes, { db: `${dir}/creator.db`, symbols });
  const store = await openStore(config.db);
  const ctx = createContext({ config, store });
  try {
    await runAgents([marketScanner, analysis], ctx);
    const chosen = await planVaried(store, ctx.clock.now());
    const items = await store.plans.awaitingDraft(100);
    const { result: [outcome], deprecations } = await withoutDeprecationWarnings(() =>
      runAgents([contentCreation], ctx)
    );
    const drafts = await draftsOf(store, items.map((i) => i.plan.id));
    const sizes = fakes.anthropic.requests.filter((r) => r.path === "/v1/messages")
      .map((r) => sizeRequest(r.body));
    return report(sizes, chosen, outcome.summary, drafts, describeDeprecations(deprecations));
  } finally {
    await ctx.integrations.close();
    await store.close();
    await fakes.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** Every stored draft attempt of these plans: status and the usage the (fake) API reported. */
async function draftsOf(store: Store, planIds: number[]): Promise<DraftFacts[]> {
  const drafts = (await Promise.all(planIds.map((id) => store.drafts.forPlan(id)))).flat();
  return drafts.map((d) => {
    const usage = d.usage as { cacheReadTokens?: unknown } | null | undefined;
    const read = usage?.cacheReadTokens;
    return {
      accepted: d.status === "accepted",
      cacheReadTokens: typeof read === "number" ? read : 0,
    };
  });
}

interface DraftFacts {
  accepted: boolean;
  cacheReadTokens: number;
}

function report(
  sizes: RequestSize[],
  chosen: Insight[],
  summary: string,
  drafts: DraftFacts[],
  deprecations: string,
): BenchResult {
  if (sizes.length < 2) throw new Error(`Cannot measure caching: ${sizes.length} request(s) made`);
  const later = sizes.slice(1);
  const shares = later.map((s, i) =>
    s.prefixKey !== "" && s.prefixKey === sizes[i].prefixKey ? s.prefixBytes / s.totalBytes : 0
  );
  const share = shares.reduce((a, b) => a + b, 0) / shares.length;
  const allBytes = sizes.reduce((a, s) => a + s.totalBytes, 0);
  const meanBytes = allBytes / sizes.length;
  const accepted = drafts.filter((d) => d.accepted).length;
  const perDraft = allBytes / Math.max(1, accepted);
  const prefixTokens = Math.ceil(sizes[0].prefixBytes / 4);
  const reads = drafts.filter((d) => d.cacheReadTokens > 0).length;
  const types = [...new Set(chosen.map((i) => i.type))];
  return {
    rows: [{
      benchmark: "5. Claude request per draft, cached prefix",
      measured: `${percent(share)} cached; ${Math.round(perDraft)} B/draft`,
      baseline: "-",
      ratio: "-",
      target: `>= ${percent(TARGET).replace(".0", "")}`,
      verdict: verdict(share >= TARGET),
    }],
    notes: [
      `5. ContentCreation through the real @anthropic-ai/sdk against tests/fakes/anthropic ` +
      `(request bodies as received): ${sizes.length} requests for ${chosen.length} insights x ` +
      `${PLATFORMS.length} platforms, types ${types.join(", ")}, found by the real scanner and ` +
      `analysis over the fake exchange and news (${summary}). Request = JSON body bytes; ` +
      `cached prefix = tools, system and message blocks up to and including the last one with ` +
      `cache_control, counted for requests 2..${sizes.length} only when byte-identical (with ` +
      `the model) to the previous request's; mean of the per-request shares. Mean request ` +
      `${Math.round(meanBytes)} B (min ${Math.min(...sizes.map((s) => s.totalBytes))}, max ` +
      `${Math.max(...sizes.map((s) => s.totalBytes))}); prefix ${sizes[0].prefixBytes} B.`,
      `   The prefix is about ${prefixTokens} tokens (bytes / 4); the API caches nothing below ` +
      `${MIN_CACHE_TOKENS} tokens on Sonnet, and the fake, which applies that floor, reported ` +
      `a cache read on ${reads} of ${drafts.length} draft attempts. Bytes per accepted draft ` +
      `= all request bytes / ${accepted} accepted drafts = ${Math.round(perDraft)} B.` +
      (deprecations ? ` SDK deprecation warnings held back: ${deprecations}.` : ""),
    ],
  };
}
