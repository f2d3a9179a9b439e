/**
 * How numbers look in posts. Writers format facts with these functions and the
 * number guard accepts any number shown at these roundings, so the two agree.
 * The locale is fixed to en-US so a post reads the same on every machine.
 */

const LOCALE = "en-US";

const grouped = (min: number, max: number, signed = false) =>
  new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    signDisplay: signed ? "exceptZero" : "auto",
  });

const PRICE_LARGE = grouped(2, 2);
const PRICE_UNIT = grouped(2, 4);
const PRICE_SMALL = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 4 });
const COMPACT = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });

/**
 * A price: `94,401.14`, `2.3456`, `0.00001234`. Two decimals from 10 up; sub-10
 * prices keep up to four decimals and sub-1 prices four significant digits,
 * because a coin at 0.00001234 moves in its last digits.
 */
export function formatPrice(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 10) return PRICE_LARGE.format(value);
  if (magnitude >= 1) return PRICE_UNIT.format(value);
  return PRICE_SMALL.format(value);
}

/**
 * A price in the quote currency of `symbol`, which is named after it: `101,728.00 USDT` for
 * BTC/USDT. Without a pair to read (a bare asset), the price alone.
 */
export function formatPriceIn(value: number, symbol: string | undefined): string {
  const quote = symbol?.split(/[/:-]/)[1];
  return quote ? `${formatPrice(value)} ${quote}` : formatPrice(value);
}

/**
 * A percentage with its sign: `+5.2%`, `-3.1%`, `0.0%`. One decimal, or two
 * below 0.1 so a small move does not read as zero. `signed: false` drops the
 * sign for sentences that say the direction in words ("up 5.2%").
 */
export function formatPct(value: number, options: { signed?: boolean } = {}): string {
  const signed = options.signed ?? true;
  const digits = value !== 0 && Math.abs(value) < 0.1 ? 2 : 1;
  const format = new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? "exceptZero" : "never",
  });
  return `${format.format(value)}%`;
}

/** A large amount in short form: `950K`, `1.2M`, `3.4B`; below 1,000 as is (`999`). */
export function formatCompact(value: number): string {
  return COMPACT.format(value);
}

/** A plain number with thousands separators and at most `fractionDigits` decimals. */
export function formatDecimal(value: number, fractionDigits = 2): string {
  return grouped(0, fractionDigits).format(value);
}

/** A change with its sign and exactly `fractionDigits` decimals: `+0.46`, `-12`, `0.00`. */
export function formatSigned(value: number, fractionDigits = 2): string {
  return grouped(fractionDigits, fractionDigits, true).format(value);
}

/**
 * True for facts that hold an epoch-ms time (`openTime`, `fromOpenTime`, `at`,
 * `previousAt`). Posts never show them: a date is a claim the number guard
 * cannot check, and an epoch is no use to a reader.
 */
export function isTimestampKey(key: string): boolean {
  return /(^at$|At$|time$|Time$|^timestamp$)/.test(key);
}

/**
 * Formats one insight fact by what its key says it is, for the detectors'
 * camelCase keys (`changePct`, `gainer1FromClose`, `baselineMean`, ...).
 * Strings pass through; a timestamp becomes an ISO time, never a bare number.
 * Writers and the prompt builder both use this, so a fact reads the same in
 * every draft.
 */
export function formatFact(key: string, value: number | string): string {
  if (typeof value === "string") return value;
  if (isTimestampKey(key)) return new Date(value).toISOString();
  const name = key.toLowerCase().replaceAll("_", "");
  if (/pct|percent/.test(name)) {
    // A change keeps its sign; thresholds and gaps are sizes.
    return formatPct(value, { signed: /change/.test(name) });
  }
  if (/volume|baselinemean/.test(name)) return formatCompact(value);
  if (/close$|price|^(prev)?(fast|slow)(ma)?$|^(upper|middle|lower)$/.test(name)) {
    return formatPrice(value);
  }
  if (/ratio|rsi$|^sigmas$/.test(name)) return formatDecimal(value, 1);
  if (/mean$|shift|sentiment/.test(name)) return formatSigned(value, 2);
  if (/^change$/.test(name)) return formatSigned(value, 0);
  return formatDecimal(value, Number.isInteger(value) ? 0 : 2);
}
