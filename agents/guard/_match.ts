/**
 * Checks one claim against the insight's facts: the fact of its asset and
 * metric, at the rounding it is shown with, with the sign its words give it,
 * in the tense its words put it in. A claim that matches nothing gets the
 * closest explanation a person can act on.
 */
import type { Claim } from "./_bind.ts";
import type { Fact } from "./_facts.ts";

export interface Rules {
  facts: Fact[];
  /** Windows of the insight, in hours. */
  windows: ReadonlySet<number>;
  /** Ranks a top-movers post may call 1st, 2nd, ... */
  ranks: number;
  /** Percent of a fact an approximation ("near", "about") may be off by. */
  approximationPct: number;
  /** Hours of the insight's candles, or null when it has no chart. */
  candleHours: number | null;
}

/** Settings counted in candles, as opposed to hours (windowHours) or sigmas (bbStdDev). */
const BAR_SETTINGS = /^(rsiPeriod|fastPeriod|slowPeriod|bbPeriod|baselineBars|bars)$/;

export type Outcome = { ok: true; fact: string } | { ok: false; reason: string };

/** Matches `claim` to a fact, or says why none fits. */
export function matchClaim(claim: Claim, rules: Rules): Outcome {
  // "golden cross on ETH 4H": a chart or a setting of an asset the insight is not about.
  if ((claim.kind === "window" || claim.kind === "setting") && foreign(claim.asset, rules)) {
    return {
      ok: false,
      reason: `${claim.text} is about ${claim.asset}, which this insight holds no data on`,
    };
  }
  switch (claim.kind) {
    case "time":
      return { ok: false, reason: `${claim.text} is a clock time; the facts hold none` };
    case "date":
      return {
        ok: false,
        reason: claim.streak
          ? `${claim.text} counts a streak of candles; the facts hold none`
          : `${claim.text} reads as a date or a comparison with history; the facts hold none`,
      };
    case "ordinal":
      return claim.value >= 1 && claim.value <= rules.ranks
        ? { ok: true, fact: `rank ${claim.value}` }
        : { ok: false, reason: `${claim.text} is a rank or date the facts do not hold` };
    case "window": {
      if (!rules.windows.has(claim.hours!)) {
        return {
          ok: false,
          reason: `${claim.text} is not a window of this insight (${windowList(rules.windows)})`,
        };
      }
      const against = contrary(claim, rules);
      return against
        ? {
          ok: false,
          reason: `the words say ${claim.direction} over ${claim.text}, but ${against.key} went ` +
            `the other way`,
        }
        : { ok: true, fact: "window" };
    }
    case "scale": {
      if (claim.formula) return { ok: true, fact: "formula" };
      // "0 to 100" is the range of RSI and of Fear & Greed; "-1 to +1" that of a mean sentiment.
      const metrics = claim.value === 1 ? ["sentiment"] : ["rsi", "index"];
      return rules.facts.some((f) => metrics.includes(f.metric))
        ? { ok: true, fact: "scale" }
        : { ok: false, reason: `${claim.text} is the range of a scale this insight has none of` };
    }
    case "setting": {
      // "the 20-week average" on an hourly chart averages 20 hourly candles, not 20 weeks.
      if (
        claim.candleHours !== undefined && rules.candleHours !== null &&
        Math.abs(claim.candleHours - rules.candleHours) > 1e-6
      ) {
        return {
          ok: false,
          reason: `${claim.text} counts ${hours(claim.candleHours)} candles, but the chart's are ${
            hours(rules.candleHours)
          }`,
        };
      }
      // "24 straight candles" counts candles: the 24-hour window is not one.
      const hit = rules.facts.find((f) =>
        f.setting && f.value === claim.value && !(claim.bars && !BAR_SETTINGS.test(f.key))
      );
      if (hit) return { ok: true, fact: hit.key };
      // "3σ from the mean" reads like "2σ" of the bands' settings, but may be the reading itself.
      const asValue = matchValue({ ...claim, kind: "value" }, rules);
      return asValue.ok
        ? asValue
        : { ok: false, reason: `${claim.text} is not a setting of this insight` };
    }
  }
  return matchValue(claim, rules);
}

/**
 * "sentiment worsened over the last 24 hours" with no figure of the move: the change of that span
 * the words go against, if any; only a change of what the words speak of, and of their asset.
 */
function contrary(claim: Claim, rules: Rules): Fact | null {
  if (claim.direction === null) return null;
  const wanted = claim.direction === "up" ? 1 : -1;
  // Top movers rise and fall at once: a colour or a word may mark the list, not one move.
  const assets = new Set(rules.facts.filter((f) => f.change).map((f) => f.asset));
  if (assets.size > 1) return null;
  // Words for a metric the insight has no fact of say nothing ("over the last 24 hours" is not a
  // price in a post on news sentiment).
  const named = claim.metrics.filter((m) =>
    rules.facts.some((f) => f.metric === m || f.family === m)
  );
  const changes = rules.facts.filter((f) =>
    f.change && f.span !== null && Math.abs(f.span - claim.hours!) < 1e-6 &&
    (f.asset === null || claim.asset === null || f.asset === claim.asset) &&
    (named.length === 0 || named.some((m) => m === f.metric || m === f.family))
  );
  return changes.length > 0 && changes.every((f) => Math.sign(f.value) === -wanted)
    ? changes[0]
    : null;
}

/** An asset the words name that none of the insight's facts is about, when its facts name any. */
function foreign(asset: string | null, rules: Rules): boolean {
  return asset !== null && rules.facts.some((f) => f.asset !== null) &&
    !rules.facts.some((f) => f.asset === asset);
}

function matchValue(claim: Claim, rules: Rules): Outcome {
  const hit = rules.facts.find((f) => fits(claim, f, rules) === null) ??
    // Metric words from elsewhere in the sentence may be about another figure.
    (claim.metricsWeak
      ? rules.facts.find((f) => fits({ ...claim, metrics: [] }, f, rules) === null)
      : undefined);
  if (hit) return { ok: true, fact: hit.key };
  if (namesChart(claim, rules)) return { ok: true, fact: "window" };
  // "quella a 50 a 0.5518": a length of the insight's own that names the figure after it.
  const named = claim.labelsNext && rules.facts.find((f) => f.setting && f.value === claim.value);
  if (named) return { ok: true, fact: named.key };
  return { ok: false, reason: explain(claim, rules) };
}

/**
 * "log 15M: ...", "velas de 15M", "RSI 15M de QNT": a capital M after a whole number is read as
 * millions, but with no words of an amount after it, when no fact is that large and the insight's
 * own chart is that many minutes, it names the chart. Money, volume and an amount stay millions:
 * "$15M", "volume 15M", "15M traded".
 */
function namesChart(claim: Claim, rules: Rules): boolean {
  const m = /^(\d+)M$/.exec(claim.text);
  if (m === null || claim.unit !== "plain" || claim.sign !== 0) return false;
  if (!rules.windows.has(Number(m[1]) / 60)) return false;
  // "STRK 15M volume": the volume of the 15M chart, unless a volume near 15M makes it an amount.
  const volumeNear = rules.facts.some((f) =>
    f.metric === "volume" && f.value > claim.value / 1.25 && f.value < claim.value * 1.25
  );
  return (claim.bare && !(claim.metrics.includes("volume") && !claim.metricsWeak)) ||
    (claim.beforeVolume && !volumeNear);
}

/** Whether `fact` would back `claim` if its words put it in the fact's tense. */
export function fitsIgnoringTense(claim: Claim, fact: Fact, rules: Rules): boolean {
  return fits({ ...claim, anyTense: true }, fact, rules) === null;
}

/** null when `fact` backs `claim`, else the first thing that does not fit. */
function fits(claim: Claim, fact: Fact, rules: Rules): string | null {
  if (fact.setting) return "setting";
  if (fact.asset !== null && claim.asset !== null && fact.asset !== claim.asset) return "asset";
  if (!unitFits(claim, fact)) return "unit";
  // "3x" says it is a ratio whatever the sentence is about.
  if (!metricFits(claim, fact, rules.facts)) return "metric";
  // "clears the 0.3 shift we treat as notable": a threshold worded as a level may name the change
  // it stands for.
  if (claim.change && !fact.change && !(fact.threshold && claim.level)) return "change";
  if (fact.threshold && !claim.level) return "threshold";
  // A change spans both ends of its window; a compared figure may be either.
  if (!fact.change && !claim.anyTense && fact.past && !claim.past) return "tense";
  if (!valueFits(claim, fact, rules)) return "value";
  // "up 12.3% in 4h" is false for a 24-hour change.
  if (claim.span !== null && fact.span !== null && Math.abs(claim.span - fact.span) > 1e-6) {
    return "window";
  }
  if (!directionFits(claim, fact, rules.facts)) return "direction";
  return null;
}

function metricFits(claim: Claim, fact: Fact, facts: Fact[]): boolean {
  // "3x" is a ratio whatever the sentence is about.
  if (claim.unit === "ratio" || claim.metrics.length === 0) return true;
  // A percent of a price is its change.
  const wanted = claim.unit === "pct" && claim.metrics.some((m) => m === "price" || m === "level")
    ? [...claim.metrics, "change"]
    : claim.metrics;
  // Words for a metric this insight has no fact of ("sentiment" for the Fear & Greed index) say
  // nothing, and a sum of money is a price whatever else the sentence speaks of ("volume ~4.3x
  // normal, TRX is at 25 cents").
  const relevant = wanted.filter((m) =>
    facts.some((f) => f.metric === m && (claim.unit !== "money" || f.unit === "money"))
  );
  return relevant.length === 0 || relevant.includes(fact.metric);
}

function unitFits(claim: Claim, fact: Fact): boolean {
  switch (claim.unit) {
    case "pct":
      return fact.unit === "pct";
    case "money":
      return fact.unit === "money";
    case "ratio":
      return fact.metric === "ratio";
    case "pp":
      return false;
    case "points":
      return fact.metric === "index" || fact.metric === "sentiment";
    default:
      // A bare figure is a ratio only when its own words call it one ("ratio 5.8").
      return fact.unit !== "pct" && (fact.metric !== "ratio" || claim.metrics.includes("ratio"));
  }
}

function valueFits(claim: Claim, fact: Fact, rules: Rules): boolean {
  // A change may be given without its sign and with direction words; a mean sentiment is a
  // level, and a figure without a sign is positive ("0.3" is not a mean of -0.29).
  const level = fact.signed && !fact.change && fact.metric === "sentiment";
  const target = claim.sign !== 0 || level ? fact.value : Math.abs(fact.value);
  const shown = claim.sign < 0 ? -claim.value : claim.value;
  const error = Math.abs(target - shown);
  const slack = claim.tolerance + 1e-9 * Math.max(1, Math.abs(target));
  if (claim.approx) {
    const room = Math.max(slack, (rules.approximationPct / 100) * Math.abs(target));
    if (claim.approx === "above") return target >= shown - slack && error <= room;
    if (claim.approx === "below") return target <= shown + slack && error <= room;
    return error <= room;
  }
  if (error > slack) return false;
  // A money or volume figure rounded to a digit or two is a different figure:
  // "$1" for 0.52, "$0.1M" for 64,012.
  const rough = fact.unit === "money" || fact.metric === "volume";
  if (rough && error > 0.05 * Math.abs(target)) return false;
  // A price shortened to one digit and a scale ("$0.6K" for 611.30) is not the price.
  if (fact.unit === "money" && claim.scaled && claim.significant < 2) return false;
  // A price rounded roughly up across a power of ten claims a mark it has not reached: "$1" for
  // 0.98, "$10" for 9.87 ("3 cents" for 0.0294 stays a rounding).
  return !(fact.unit === "money" && claim.significant <= 2 && target !== 0 &&
    Math.floor(Math.log10(Math.abs(shown))) !== Math.floor(Math.log10(Math.abs(target))));
}

function directionFits(claim: Claim, fact: Fact, facts: Fact[]): boolean {
  if (claim.direction === null) return true;
  const wanted = claim.direction === "up" ? 1 : -1;
  // A count of sigmas carries its side of the mean in its sign.
  if (fact.change || fact.metric === "sigmas") {
    return Math.sign(fact.value) === wanted || fact.value === 0;
  }
  // A level with a direction word ("fell to 3,100") speaks of its family's change.
  if (fact.family === null) return true;
  const change = facts.find((f) => f.change && f.family === fact.family && f.asset === fact.asset);
  return change === undefined || Math.sign(change.value) === wanted || change.value === 0;
}

const REASONS: Record<string, (c: Claim, f: Fact) => string> = {
  asset: (c, f) => `${c.text} is ${f.asset}'s ${f.key}, but the words tie it to ${c.asset}`,
  unit: (c, f) =>
    c.unit === "pp"
      ? `${c.text}: ${f.key} is a percent change, not percentage points`
      : c.unit === "money" && f.metric === "volume"
      ? `${c.text}: volume is counted in coins, not dollars`
      : `${c.text} is shown in the wrong unit for ${f.key}`,
  metric: (c, f) => `${c.text} matches ${f.key}, but the sentence speaks of ${c.metrics[0]}`,
  change: (c, f) => `${c.text} is worded as a change, but ${f.key} is not one`,
  threshold: (c, f) => `${c.text} is the detector's ${f.key}, stated as a reading`,
  tense: (c, f) =>
    f.past
      ? `${c.text} is a past value (${f.key}) stated as current`
      : `${c.text} is the current ${f.key}, stated as a past value`,
  window: (c, f) =>
    `${c.text} is ${f.key} over ${hours(f.span!)}, but the words say ${hours(c.span!)}`,
  direction: (c, f) => `${c.text}: the words say ${c.direction}, but ${f.key} went the other way`,
  setting: (c, f) => `${c.text} is the setting ${f.key}, stated as a value`,
};

/** The reason of the fact that fits best: the one failing on the latest check. */
function explain(claim: Claim, rules: Rules): string {
  const order = [
    "setting",
    "asset",
    "unit",
    "metric",
    "change",
    "threshold",
    "tense",
    "value",
    "window",
    "direction",
  ];
  let best: { fact: Fact; why: string } | null = null;
  for (const fact of rules.facts) {
    const sameSize = Math.abs(Math.abs(fact.value) - claim.value) <=
      Math.max(claim.tolerance, (rules.approximationPct / 100) * Math.abs(fact.value));
    if (!sameSize) continue;
    const why = fits(claim, fact, rules)!;
    // "5.7%" near a close of 5.741 is a coincidence, not a figure in the wrong unit.
    if (why === "unit" && !unitSlip(claim, fact)) continue;
    if (!best || order.indexOf(why) > order.indexOf(best.why)) best = { fact, why };
  }
  if (best && best.why !== "value") return REASONS[best.why](claim, best.fact);
  if (claim.asset && !rules.facts.some((f) => f.asset === claim.asset)) {
    return `${claim.text} is about ${claim.asset}, which this insight holds no data on`;
  }
  return `${claim.text} is not in the facts`;
}

/** A unit a writer plausibly slipped on: percentage points for a percent, dollars for coins. */
function unitSlip(claim: Claim, fact: Fact): boolean {
  return (claim.unit === "pp" && fact.unit === "pct") ||
    (claim.unit === "money" && fact.metric === "volume");
}

function windowList(windows: ReadonlySet<number>): string {
  const list = [...windows].map(hours);
  return list.length ? list.join(", ") : "none";
}

const hours = (h: number) => (h < 1 ? `${Math.round(h * 60)}m` : `${h}h`);
