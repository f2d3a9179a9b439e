/**
 * Writes a reply and puts it through the same guards as posts: the platform's length, numbers
 * only from the post's stored facts, the link allowlist, no wallet addresses, the disclaimer.
 * This is the one place engagement calls the content guards.
 */
import type { Context } from "../../core/agent.ts";
import type { ReplyRequest, ReplyWriter } from "../../integrations/audience/mod.ts";
import { PLATFORM_LIMITS } from "../../integrations/publish/text_length.ts";
import type { Interaction } from "../../storage/interactions.ts";
import { checkDraft, ensureDisclaimer } from "../guard/mod.ts";

export type ReplyText = { ok: true; text: string; writer: string } | { ok: false; reason: string };

/** The model gets this many tries; then the template writer has the last word. */
const MODEL_ATTEMPTS = 2;

export async function writeReply(ctx: Context, m: Interaction): Promise<ReplyText> {
  const post = m.postId === null ? null : await ctx.store.interactions.postContext(m.postId);
  const { disclaimer, linkAllowlist, approximationPct } = ctx.config.content;
  const request: ReplyRequest = {
    platform: m.platform,
    classification: m.classification ?? "other",
    kind: m.kind,
    handle: m.handle,
    message: m.text,
    post,
    maxLength: PLATFORM_LIMITS[m.platform],
    disclaimer,
  };
  const model = await ctx.integrations.replyWriter();
  const template = await ctx.integrations.templateReplyWriter();
  const writers: ReplyWriter[] = model.name === template.name
    ? [template, template]
    : [...Array(MODEL_ATTEMPTS).fill(model), template, template];
  let rejection = "";
  for (const writer of writers) {
    let text: string;
    try {
      text = await writer.write({ ...request, previousRejection: rejection || undefined }, {
        signal: ctx.signal,
      });
    } catch (error) {
      ctx.log.warn(`reply writer ${writer.name} failed; trying the next`, {
        error: (error as Error).message,
      });
      continue;
    }
    const parts = ensureDisclaimer([text.trim()], disclaimer, m.platform);
    // A reply about one of our posts may state that post's figures; any other reply, none.
    const verdict = checkDraft(parts, {
      platform: m.platform,
      insight: post ?? { type: "reply", symbol: null, facts: {} },
      disclaimer,
      linkAllowlist,
      approximationPct,
    });
    const bare = schemeLinks(parts.join(" "), linkAllowlist);
    if (verdict.ok && !bare.length) {
      return { ok: true, text: parts.join("\n\n"), writer: writer.name };
    }
    rejection = verdict.ok
      ? `links to hosts not allowed: ${bare.join(", ")}`
      : verdict.reason ?? "";
    ctx.log.info(`reply to ${m.platform} ${m.externalId} rejected by the guards`, {
      writer: writer.name,
      reason: rejection,
    });
  }
  return { ok: false, reason: `no reply passed the guards: ${rejection || "writers failed"}` };
}

/**
 * Replies answer strangers, so any "scheme://host" counts as a link, even one whose ending is
 * not a known top-level domain (which the post guard's link finder passes over).
 */
function schemeLinks(text: string, allowlist: readonly string[]): string[] {
  const allowed = allowlist.map((a) => a.trim().toLowerCase().replace(/^\*\./, ""));
  return [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/([^\s/?#]+)/gi)]
    .map((m) => m[1].toLowerCase())
    .filter((host) => !allowed.some((a) => host === a || host.endsWith(`.${a}`)));
}
