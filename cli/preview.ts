import { renderPreviews } from "../agents/foundation/preview.ts";
import { type OutFile, writeRefusal } from "./_out_path.ts";
import type { Globals } from "./program.ts";
import { renderHtml } from "./preview_html.ts";
import { output, withSession } from "./session.ts";

/** `creator preview`: writes the HTML page of pending drafts and prints its path. */
export function previewCommand(g: Globals, flags: { out: string }): Promise<void> {
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
    const now = ctx.clock.now();
    const pending = await ctx.store.posts.pending();
    const images = await ctx.store.images.forPlans(pending.map((p) => p.planId));
    const previews = renderPreviews(pending, now, images);
    const path = await writePreview(flags.out, renderHtml(previews, now, { images }));
    output(
      g,
      { path, posts: previews.length },
      () => `wrote ${previews.length} pending posts to ${path}`,
    );
  });
}

/** The preview page `--out` names. */
export const PREVIEW_OUT: OutFile = { what: "the preview", flag: "--out" };

/** Writes the page; a path a person got wrong is a usage error that names it. */
export async function writePreview(
  out: string,
  html: string,
  file: OutFile = PREVIEW_OUT,
): Promise<string> {
  try {
    await Deno.writeTextFile(out, html);
  } catch (error) {
    throw writeRefusal(error, out, file) ?? error;
  }
  return await Deno.realPath(out);
}
