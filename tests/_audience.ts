/** Helpers for the engagement and analytics tests: a fake Claude for messages, and runs. */
import { engagement } from "../agents/audience/engagement.ts";
import type { AgentResult } from "../core/agent.ts";
import { type Config, ConfigSchema } from "../core/config_schema.ts";
import { createLogger, type LogRecord } from "../core/log.ts";
import type { Store } from "../storage/mod.ts";
import type { MessagesBody } from "./fakes/anthropic.ts";
import type { Harness } from "./harness.ts";

/** The X account the fake X authenticates as (tests/fixtures/x/get_me.json). */
export const OUR_X_ID = "1072250532645998596";

/**
 * Claude as the fake plays it: a classification answer in JSON, or a reply made of words only
 * (no digits, which the guards would have to check), different each time as X insists.
 */
export function audienceReply(body: MessagesBody): string {
  const system = typeof body.system === "string" ? body.system : JSON.stringify(body.system);
  if (system.includes("sort messages")) return '{"class": "other", "reason": "nothing stood out"}';
  const word = crypto.randomUUID().replace(/[^a-f]/g, "").slice(0, 8);
  return `Good question; the post sums up what the data showed (${word}).`;
}

/** The harness config with engagement settings changed. */
export function withEngagement(h: Harness, over: Record<string, unknown>): Config {
  return ConfigSchema.parse({
    ...h.config,
    engagement: { ...h.config.engagement, ...over },
  });
}

export interface EngageRun {
  result: AgentResult;
  logs: LogRecord[];
}

export async function engage(
  h: Harness,
  store: Store,
  options: { config?: Config; instance?: string; dryRun?: boolean } = {},
): Promise<EngageRun> {
  const logs: LogRecord[] = [];
  const ctx = h.context(store, {
    config: options.config,
    instance: options.instance,
    dryRun: options.dryRun,
    log: createLogger([(r) => logs.push(r)], "debug"),
  });
  return { result: await engagement.run(ctx), logs };
}
