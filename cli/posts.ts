import { UsageError } from "../core/errors.ts";
import { embedText, htmlText } from "../integrations/publish/formatting.ts";
import type { Platform } from "../core/vocabulary.ts";
import { MAX_ATTEMPTS, type PostStatus } from "../storage/posts.ts";
import { type PostRow, SETTLEABLE } from "../storage/post_review.ts";
import type { Globals } from "./program.ts";
import { output, type Session, withSession } from "./session.ts";

export interface PostsFlags {
  status?: PostStatus | "sent";
  platform?: Platform;
  limit: number;
}

/** `creator posts`: what went out, what was refused, and what a person must check. */
export function listPosts(g: Globals, flags: PostsFlags): Promise<void> {
  const status = flags.status === "sent" ? "published" : flags.status;
  return withSession(g, { migrate: false, mustExist: true }, async ({ ctx }) => {
    const rows = await ctx.store.postReview.list({ ...flags, status });
    output(
      g,
      { posts: rows.map((r) => ({ ...r, waiting: waiting(r) })) },
      () => rows.length ? rows.map(describe).join("\n") : "no posts match",
    );
  });
}

/** `creator posts retry <id>`: back in the queue, after a person checked it did not go out. */
export function retryPost(g: Globals, id: number): Promise<void> {
  return withSession(g, { migrate: false, mustExist: true }, async (s) => {
    const post = await settleable(s, id, "retry");
    const note = `re-queued by hand (was ${post.status}${post.error ? `: ${post.error}` : ""})`;
    if (!await s.ctx.store.postReview.requeue(id, post.status, note)) raced(id);
    await audit(s, post, note);
    output(g, { id, status: "queued" }, () => `post ${id} is queued again for ${post.platform}`);
  });
}

/** `creator posts mark-sent <id>`: a person found it on the platform. */
export function markSent(
  g: Globals,
  id: number,
  flags: { url?: string; externalId?: string },
): Promise<void> {
  return withSession(g, { migrate: false, mustExist: true }, async (s) => {
    const post = await settleable(s, id, "mark-sent");
    const ok = await s.ctx.store.postReview.markSent(id, post.status, flags, s.ctx.clock.now());
    if (!ok) raced(id);
    const where = flags.url ? ` at ${flags.url}` : "";
    await audit(s, post, `marked published by hand${where} (was ${post.status})`);
    output(g, { id, status: "published" }, () => `post ${id} recorded as published${where}`);
  });
}

async function settleable(s: Session, id: number, action: string): Promise<PostRow> {
  const post = await s.ctx.store.postReview.get(id);
  if (!post) throw new UsageError(`No post ${id}; \`creator posts\` lists them with their ids.`);
  if (!SETTLEABLE.includes(post.status)) {
    const why = post.status === "published"
      ? `it is already published${post.url ? ` (${post.url})` : ""}`
      : "it is being sent; the publisher settles it with the platform itself";
    throw new UsageError(`Cannot ${action} post ${id}: ${why}.`);
  }
  return post;
}

function raced(id: number): never {
  throw new Error(`Post ${id} changed while this ran; run \`creator posts\` and check it again.`);
}

/** Every hand-made change is kept in agent_logs, under the publishing agent. */
function audit(s: Session, post: PostRow, what: string): Promise<void> {
  return s.ctx.store.logs.append({
    runId: crypto.randomUUID(),
    agent: "publishing",
    level: "info",
    event: "log",
    message: `post ${post.id} (plan ${post.planId}, ${post.platform}) ${what}`,
    data: { postId: post.id, by: "person" },
    at: s.ctx.clock.now(),
  });
}

/**
 * A refused or deferred post with attempts left is in the queue: the next run
 * tries it again (a send that never reached the platform used none). Only one
 * out of attempts has failed for good.
 */
function waiting(p: PostRow): boolean {
  return p.status === "failed" && p.attempts < MAX_ATTEMPTS;
}

/** Two lines a post, within 80 columns: its state, then what it says or why it is stuck. */
function describe(p: PostRow): string {
  const when = p.publishedAt ?? p.reservedAt;
  const state = waiting(p) ? "waiting" : p.status;
  const head = `#${p.id}`.padEnd(6) + `${p.platform.padEnd(9)}${state.padEnd(10)}` +
    `${when ? new Date(when).toISOString().slice(0, 16).replace("T", " ") + " UTC" : ""}` +
    ` (${p.attempts} ${p.attempts === 1 ? "attempt" : "attempts"})`;
  const detail = p.status === "published" ? p.url ?? p.externalId ?? shown(p) : p.error ?? shown(p);
  return `${head}\n      ${clip(detail.replaceAll("\n", " "), 74)}`;
}

/** The words a reader sees of the post as it went out: what to look for on the platform. */
export function shown(p: PostRow): string {
  if (p.sentAs?.format === "telegram_html") return htmlText(p.sentAs.body);
  if (p.sentAs?.format === "discord_embed") return embedText(JSON.parse(p.sentAs.body));
  return p.text;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
