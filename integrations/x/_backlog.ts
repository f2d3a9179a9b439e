/**
 * How a backlog of mentions is split so that it can be read as several chains of pages at once.
 * X chains the pages of one listing by token, so one listing of 100 pages is 100 round trips one
 * after another; listings bounded by since_id/until_id can run side by side. Post ids grow with
 * time (snowflakes), and the first page shows how many ids a page of mentions spans, so the
 * ranges are cut to hold about the same number of pages each. Whatever is older than the pages a
 * run may read goes in one last range. The ranges always cover the backlog exactly; a poor guess
 * only makes one chain longer than the others.
 */

/** A listing's bounds, both exclusive as X reads them; null for none. */
export interface IdRange {
  since: string | null;
  until: string | null;
}

/** At most this many listings at once. */
const MAX_RANGES = 8;
/** A range is worth its extra call (its last page is partial) when it holds a few pages. */
const PAGES_PER_RANGE = 3;

/**
 * The ranges between `cursor` and the first page's oldest id, given its newest id, when at most
 * `pages` more pages may be read. Ids that are not plain decimal numbers get one range.
 */
export function backlogRanges(
  cursor: string,
  oldest: string,
  newest: string,
  pages: number,
): IdRange[] {
  const whole = [{ since: cursor, until: oldest }];
  if (![cursor, oldest, newest].every((id) => /^\d{1,20}$/.test(id))) return whole;
  const low = BigInt(cursor);
  const high = BigInt(oldest);
  const span = BigInt(newest) - high + 1n;
  if (high - low <= 1n || span <= 0n) return whole;
  // The ids the pages left would cover at the first page's density.
  const reach = span * BigInt(Math.max(1, pages));
  const floor = high - reach > low ? high - reach : low;
  const estimate = Number((high - floor + span - 1n) / span);
  const n = BigInt(Math.min(MAX_RANGES, Math.max(1, Math.ceil(estimate / PAGES_PER_RANGE))));
  const width = (high - floor) / n;
  if (width < 1n) return whole;
  const ranges: IdRange[] = [];
  for (let i = n - 1n; i >= 0n; i--) {
    const from = floor + width * i; // inclusive
    const to = i === n - 1n ? high : floor + width * (i + 1n); // exclusive
    const since = from === low ? cursor : String(from - 1n);
    ranges.push({ since, until: String(to) });
  }
  if (floor > low) ranges.push({ since: cursor, until: String(floor) });
  return ranges;
}
