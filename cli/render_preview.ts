import type { Preview } from "../agents/foundation/preview.ts";

const NAMES = { x: "X", telegram: "Telegram", discord: "Discord" } as const;

/** Posts as a terminal shows them: a header per post, each part with its length against the limit. */
export function renderTerminal(previews: Preview[], color: boolean): string {
  if (!previews.length) return "Nothing pending: no drafted post is waiting to go out.";
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const red = (s: string) => (color ? `\x1b[31m${s}\x1b[0m` : s);
  return previews.map((p) => {
    const when = p.due
      ? "due now"
      : `due ${new Date(p.scheduledAt).toISOString().replace(".000Z", "Z")}`;
    const head = bold(
      `── ${NAMES[p.platform]} · ${p.format}${
        p.parts.length > 1 ? ` · ${p.parts.length} parts` : ""
      } · ${when}`,
    );
    const parts = p.parts.map((part) => {
      const count = `${part.length}/${part.limit}`;
      const label = p.parts.length > 1 ? `[${part.index}/${p.parts.length}] ` : "";
      return `${dim(label + (part.length > part.limit ? red(count + " OVER LIMIT") : count))}\n${
        indent(part.text)
      }`;
    });
    const media = p.media.length ? dim(`media: ${p.media.join(", ")}`) : dim("media: none");
    return [head, dim(`plan ${p.planId} · ${p.headline} · writer: ${p.writer}`), ...parts, media]
      .join("\n");
  }).join("\n\n");
}

function indent(text: string): string {
  return text.split("\n").map((l) => `  │ ${l}`).join("\n");
}
