/**
 * "LAYER and SHELL climbing (+7.9%, +7.1%)", "ETH, SOL: -3.1% / -4.4%": a list
 * of assets followed by a list of as many figures pairs them in order, as
 * "respectively" would. Without this, each figure would be bound to the last
 * asset named before it.
 */
import { assetsAt } from "./_assets.ts";
import { AND } from "./_and.ts";
import type { Claim } from "./_bind.ts";

// What joins the names of a list: a comma, a slash, "and".
const NAME_JOIN = new RegExp(`^\\s*(?:[,\\/&+]|${AND})\\s*$`, "iu");
// What separates the figures of a list.
const FIGURE_JOIN = new RegExp(`^\\s*(?:[,;\\/|&]|${AND})?\\s*$`, "iu");
// Sentence punctuation or a line break ends a list; a decimal point does not.
const APART = /[!?\n。！？]|\.(?!\d)/;

/** `claims` with the figures of a listed pair of lists bound to their assets in order. */
export function bindRespectively(
  text: string,
  claims: Claim[],
  known: ReadonlySet<string>,
): Claim[] {
  const out = claims.slice();
  const named = assetsAt(text, known).map((m) => ({
    ...m,
    end: m.index + /^\$?[\p{L}\p{N}]+/u.exec(text.slice(m.index))![0].length,
  }));
  let k = 0;
  while (k < named.length) {
    let last = k;
    while (
      last + 1 < named.length && NAME_JOIN.test(text.slice(named[last].end, named[last + 1].index))
    ) last++;
    const list = named.slice(k, last + 1);
    k = last + 1;
    if (list.length < 2 || new Set(list.map((m) => m.asset)).size < list.length) continue;
    const first = claims.findIndex((c) => c.start >= list.at(-1)!.end);
    if (first < 0) continue;
    const figures = claims.slice(first, first + list.length);
    if (figures.length < list.length) continue;
    const through = text.slice(list.at(-1)!.end, figures.at(-1)!.start);
    const listed = figures.every((c, j) =>
      c.kind === "value" && (j === 0 || FIGURE_JOIN.test(text.slice(figures[j - 1].end, c.start)))
    );
    if (
      !listed || APART.test(through) || (k < named.length && named[k].index < figures.at(-1)!.end)
    ) {
      continue;
    }
    figures.forEach((c, j) => (out[first + j] = { ...c, asset: list[j].asset }));
  }
  return out;
}
