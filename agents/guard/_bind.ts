/**
 * Binds each figure to a claim: which asset it is about, what it measures,
 * which way the words say it went, whether the words put it in the past,
 * whether it is worded as an approximation or a level. Read from the words
 * around the figure: its own clause first, then its sentence.
 */
import type { Figure } from "./_read.ts";
import type { Metric } from "./_facts.ts";
import { assetsIn } from "./_assets.ts";

export interface Claim extends Figure {
  asset: string | null;
  metrics: Metric[];
  /** The metric words came from elsewhere in the sentence, so they may be about another figure. */
  metricsWeak: boolean;
  direction: "up" | "down" | null;
  past: boolean;
  /** Set against another figure ("vs 12.1K", "compared with 68"): either tense fits. */
  compared: boolean;
  /** "about" within the configured tolerance, "above"/"below" on that side of it. */
  approx: "about" | "above" | "below" | null;
  /** Worded as a level or threshold ("above 70", "spike level"). */
  level: boolean;
}

const UP =
  /\b(up|rose|rise[sn]?|rising|rall(?:y|ied|ies|ying)|gain(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|climb(?:s|ed|ing)?|soar(?:s|ed|ing)?|pump(?:s|ed|ing)?|rebound(?:s|ed|ing)?|advanc(?:e|es|ed|ing)|higher|added|spik(?:e|es|ed)|green|gainers?|increas(?:e|es|ed|ing)|more positive|upbeat|bullish|optimistic|warmer|brighter|improved)\b|📈|🟢|🚀/iu;
const DOWN =
  /\b(down|fell|fall(?:s|ing|en)?|drop(?:s|ped|ping)?|dump(?:s|ed|ing)?|slid(?:e|es|ing)?|sank|sink(?:s|ing)?|lost|los(?:e|es|ing)|declin(?:e|es|ed|ing)|tumbl(?:e|es|ed|ing)|plung(?:e|es|ed|ing)|lower|crash(?:es|ed|ing)?|shed|slipp?(?:ed|ing|s)?|red|losers?|decreas(?:e|es|ed|ing)|retreat(?:s|ed|ing)?|more negative|downbeat|bearish|pessimistic|colder|cooler|darker|soured|worsened)\b|📉|🔴/iu;
// "from" marks a past value only right before it ("from 89,700"), not in "3 sigmas from the band".
const PAST =
  /\b(previous(?:ly)?|prior|earlier|before|ago|yesterday|last reading|used to|had been)\b|\(was\b|\b(?:from|opened (?:\w+ )*?at|started (?:\w+ )*?at|was at)\s*\$?$/gi;
const NOW_AFTER = /^[^.\n;,]{0,12}\b(now|currently|today)\b/i;
const NOW =
  /\b(to|now|latest|current(?:ly)?|today|is at|sits at|stands at|trades at|trading at|last at|reads)\b|→|->/gi;
// "104,715.29 USDT → 98,392.74": the quote currency may stand between a figure and its arrow.
const PAST_AFTER =
  /^[^.\n;]{0,30}?\b(ago|earlier|before|prior|previous(?:ly)?)\b|^\s*(?:[A-Z]{2,5}\s*)?(?:→|->)|^\s*(?:back )?then\b/i;
const APPROX =
  /\b(about|around|roughly|approximately|approx|nearly|almost|near|close to|circa|some)\s*$|[~≈]\s*$/i;
const ABOVE = /\b(above|over|more than|beyond|north of|past|at least)\s*$|>\s*$/i;
const BELOW = /\b(below|under|less than|south of|at most)\s*$|<\s*$/i;
const LEVEL_BEFORE =
  /\b(above|below|over|under|beyond|past|crossed|cleared|broke)\s*(?:the\s*)?\$?$/i;
const LEVEL_WORD = /\b(level|threshold|line|mark)\b/i;
const LEVEL_AFTER = /^\s*(?:[\w-]+\s)?(level|threshold|line|mark)\b/i;

const COMPARED = /\b(vs\.?|versus|compared with|compared to|against|than)\s*\$?$/i;
const AFTER_NOUNS: Array<[Metric[], RegExp]> = [
  [["sigmas"], /^\s*(standard deviations?|sigmas?|σ)/i],
  [["count"], /^\s*(?:recent\s)?(articles?|headlines?|stories|pairs|symbols|coins|markets)\b/i],
  [["volume"], /^\s*(?:in\s)?(volume)\b/i],
  [["gap"], /^\s*(?:apart|gap)\b/i],
];
const BOUND_NOUN =
  /\d[\d.,]*[kmb%x]?\s*(?:recent\s)?(?:articles?|headlines?|stories|pairs|symbols|coins|markets|standard deviations?|sigmas?|in volume)\b/gi;
const METRIC_WORDS: Array<[Metric[], RegExp]> = [
  [["rsi"], /\brsi\b|relative strength/i],
  [["volume"], /\bvol(?:ume)?\b|\btraded\b|turnover/i],
  [["ratio"], /\btimes\b|\bmultiple\b/i],
  [["level"], /\b(?:s|e)?ma\d*\b|moving average|\bband\b|\bfast\b|\bslow\b/i],
  [["sigmas"], /standard deviation|\bsigmas?\b|σ/i],
  [["sentiment"], /sentiment|\btone\b|\bmood\b(?!.*index)/i],
  [["index"], /fear|greed|\bindex\b/i],
  [["count"], /\barticles?\b|\bpairs\b|\bsymbols\b|\bcoins compared\b/i],
  [["gap"], /\bgap\b|\bapart\b|\bspread\b/i],
  // An average is a sentiment mean, a baseline volume or a moving average: whichever the insight has.
  [["sentiment", "volume", "level"], /\baverag(?:e|es|ed|ing)\b|\bmean\b/i],
  [["price", "level"], /\bclos(?:e|ed|ing)\b|\bprice\b|\btrad(?:es|ing)\b/i],
];

/** Claims for `figures` of a draft part; `fallbackAsset` is the insight's own asset. */
export function bindClaims(
  text: string,
  figures: Figure[],
  known: ReadonlySet<string>,
  fallbackAsset: string | null,
): Claim[] {
  return figures.map((f, i) => {
    const sentenceStart = lastIndex(text, /[.!?]\s|\n/g, f.start);
    const clauseStart = Math.max(sentenceStart, lastIndex(text, /[,;:]\s|\s-\s|\(/g, f.start));
    const ownStart = Math.max(clauseStart, i > 0 ? figures[i - 1].end : 0);
    const own = text.slice(ownStart, f.start);
    const clause = text.slice(clauseStart, f.start);
    const sentence = text.slice(sentenceStart, f.start);
    const next = figures[i + 1]?.start ?? text.length;
    const clauseEnd = nextBreak(text, f.end);
    const after = text.slice(f.end, Math.min(next, clauseEnd));
    const rest = text.slice(f.end, clauseEnd);
    const near = text.slice(Math.max(sentenceStart, f.start - 25), f.start);
    return {
      ...f,
      asset: nearestAsset(own, known) ?? nearestAsset(clause, known) ??
        firstAsset(after, known) ?? nearestAsset(sentence, known) ?? fallbackAsset,
      ...metricsFor(own, rest, clause, sentence),
      compared: COMPARED.test(own),
      direction: directionOf(clause, after) ?? directionOf(sentence, ""),
      past: PAST_AFTER.test(rest) ||
        (!NOW_AFTER.test(rest) && lastMatch(sentence, PAST) > lastMatch(sentence, NOW)),
      approx: APPROX.test(own)
        ? "about"
        : ABOVE.test(own)
        ? "above"
        : BELOW.test(own)
        ? "below"
        : null,
      level: LEVEL_BEFORE.test(own) || LEVEL_WORD.test(near) || LEVEL_AFTER.test(rest),
    };
  });
}

function directionOf(clause: string, after: string): "up" | "down" | null {
  const up = lastMatch(clause, new RegExp(UP.source, "giu"));
  const down = lastMatch(clause, new RegExp(DOWN.source, "giu"));
  if (up >= 0 || down >= 0) return up > down ? "up" : "down";
  const head = after.slice(0, 16);
  if (UP.test(head)) return "up";
  return DOWN.test(head) ? "down" : null;
}

/** The noun right after a figure says most ("3.7 standard deviations"), then the words before it. */
function metricsFor(own: string, rest: string, clause: string, sentence: string) {
  const noun = AFTER_NOUNS.find(([, re]) => re.test(rest));
  if (noun) return { metrics: noun[0], metricsWeak: false };
  const strong = metricsOf(own) ?? metricsOf(clause);
  if (strong) return { metrics: strong, metricsWeak: false };
  return { metrics: metricsOf(sentence) ?? [], metricsWeak: true };
}

function metricsOf(text: string): Metric[] | null {
  // A noun right after another figure ("14 articles") is that figure's, not this one's.
  const free = text.replace(BOUND_NOUN, " ");
  const found = METRIC_WORDS.filter(([, re]) => re.test(free)).flatMap(([m]) => m);
  return found.length ? found : null;
}

function nearestAsset(text: string, known: ReadonlySet<string>): string | null {
  return assetsIn(text, known).at(-1) ?? null;
}

function firstAsset(text: string, known: ReadonlySet<string>): string | null {
  return assetsIn(text, known)[0] ?? null;
}

/** End index of the last match of `re` in `text` before `limit`, or 0. */
function lastIndex(text: string, re: RegExp, limit: number): number {
  let at = 0;
  for (const m of text.slice(0, limit).matchAll(re)) at = m.index! + m[0].length;
  return at;
}

function lastMatch(text: string, re: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index!;
  return at;
}

function nextBreak(text: string, from: number): number {
  const m = /[.!?;,](?:\s|$)|\n/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}
