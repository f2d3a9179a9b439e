/**
 * Binds each figure to a claim: which asset it is about, what it measures,
 * which way the words say it went, whether the words put it in the past,
 * whether it is worded as an approximation or a level. Read from the words
 * around the figure: its own clause first, then its sentence.
 */
import type { Figure } from "./_read.ts";
import type { Metric } from "./_facts.ts";
import { assetsAt, assetsIn, maskTickers } from "./_assets.ts";
import { bindRespectively } from "./_respectively.ts";
import { type Direction, directionOf } from "./_direction.ts";
import { nearestSpan, spansIn } from "./_spans.ts";
import { type Tense, tenseOf } from "./_tense.ts";

export interface Claim extends Figure, Tense {
  asset: string | null;
  metrics: Metric[];
  /** The metric words came from elsewhere in the sentence, so they may be about another figure. */
  metricsWeak: boolean;
  direction: Direction | null;
  /** Hours of the span the words give it ("in 4h", "this week"), or null. */
  span: number | null;
  /** "about" within the configured tolerance, "above"/"below" on that side of it. */
  approx: "about" | "above" | "below" | null;
  /** Worded as a level or threshold ("above 70", "spike level"). */
  level: boolean;
  /** Named as a change ("a shift of 0.3", "a 0.3 move"): only a change fact backs it. */
  change: boolean;
  /**
   * No words of an amount follow it in its clause: only a colon, the end, or a word that is not
   * a unit of volume or money ("log 15M: …", "RSI 15M de QNT"): it may be a label.
   */
  bare: boolean;
  /** "volume" follows it: "STRK 15M volume" is the volume of the 15M chart, or 15M of volume. */
  beforeVolume: boolean;
}

const APPROX =
  /\b(about|around|roughly|approximately|approx|nearly|almost|near|close to|circa|some)\s*$|[~≈]\s*$/i;
const ABOVE = /\b(above|over|more than|beyond|north of|past|at least)\s*$|>\s*$/i;
const BELOW = /\b(below|under|less than|south of|at most)\s*$|<\s*$/i;
// "flag at 3x", "alerts at 70": where a detector fires is a level too.
const LEVEL_BEFORE =
  /\b(above|below|over|under|beyond|past|outside(?: of)?|jenseits(?: der| des)?|(?:overbought|oversold|far|other|wrong|right) side of|crossed|cleared|broke|exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|por (?:encima|debajo) de|acima de|abaixo de|(?:flags?|flagged|alerts?|alerted|triggers?|triggered|fires?|starts?|begins?|kicks? in|trips?)(?:\s+\w+){0,2}?\s+(?:at|on|from)|(?:once|when|if) (?:it |they |the \w+ )?(?:reaches|hits|crosses|exceeds|passes|tops)|\b(?:threshold|umbral|limiar|seuil|soglia|schwelle)\b[^.\d\n]{0,40}\b(?:is|es|é|est|è|ist|liegt bei|sits at)(?:\s+(?:del?|à|a|at|bei))?|clears?|\bmin(?:imum)?(?:\s\w+)?\s?:|\bat least|próg\s\S+(?:\s\S+){0,3}\sto|pasad[oa] (?:el|la)|(?:flag|alert|rule|trigger|it)\s(?:needs|requires)|lampas(?:\sna)?(?:\ssa)?|por encima del?|m[áa]s all[áa] del?|au-delà de|oltre|além de|越过|超过|突破|を超え|넘어|넘은|(?:more|higher|greater|bigger|larger|further|less|lower|smaller)(?:\s\w+)? than\s+the)\s*(?:the\s*|an?\s+)?\$?$|(?:[≥≤<>]=?|=>|<=)\s*±?\$?$|±\s?\$?$/i;
// Words for a threshold or a boundary, in the languages drafts are written in: "a 70 boundary",
// "межа 70", "ngưỡng 70", "batas 70", "70 eşiğine", "مرز 30", "Flag rule: |Δ| ≥ 6.0%".
const LEVEL_NOUNS = String
  .raw`level|threshold|line|guide|mark|boundary|bound|edge|limit|cut-?off|trigger|rule|border|thr|trig|lvl|screener|barre|όρι\p{L}*` +
  String.raw`|l[íi]nea|linha|ligne|linie|linea|lijn|lini[ai]|лини\p{L}*|ліні\p{L}*|linya|mstari` +
  String
    .raw`|umbral|l[íi]mite|limiar|seuil|schwelle\p{L}*|grenze|soglia|drempel\p{L}*|grens\p{L}*` +
  String
    .raw`|pr[óo]g\p{L}*|granic\p{L}*|eşi\p{L}*|sınır\p{L}*|порог\p{L}*|границ\p{L}*|меж\p{L}*|ל?ה?קו|ה?רף|ה?סף|поріг\p{L}*` +
  String
    .raw`|nivel|niveau|livello|poziom\p{L}*|seviye\p{L}*|уров\p{L}*|рів\p{L}*|marke|marca|prag\p{L}*|grense\p{L}*|grænse\p{L}*|gräns\p{L}*|raja\p{L}*|küszöb\p{L}*|hranic\p{L}*|práh\p{L}*|🚧` +
  String
    .raw`|ngưỡng|mốc|batas|ambang|सीमा|সীমা|határ\p{L}*|எல்லை[\p{L}\p{M}]*|स्तर|حد|عتبة|مستوى|مرز|آستانه|kizingiti|hangganan|robež\p{L}*|llindar|piir\p{L}*|mörk|trothwy|atalase` +
  String
    .raw`|шек\p{L}*|босго|chegara\p{L}*|hədd\p{L}*|kufi\p{L}*|праг\p{L}*|tairseach|iyaka|xadka|ገደብ|የ?ወሰ\p{L}?|paepae|rembe['’]y|ზღვარ\p{L}*|saywa\p{L}*|ààlà|umkhawulo|සීමා[\p{L}\p{M}]*|ಮಿತಿ|పరిమితి|പരിധി|મર્યાદા|ਸੀਮਾ|हद|ដែនកំណត់`;
const LEVEL_CJK =
  "閾値|しきい値|基準|水準|ライン|阈值|门槛|界限|关口|關口|大关|大關|기준|임계|เกณฑ์|ระดับ|เส้น";
// German builds a threshold into a compound: "Meldeschwelle", "Alarmgrenze", "Signallinie".
const LEVEL_COMPOUND = String.raw`\p{Ll}{3,}(?:schwelle|grenze|linie)n?`;
const LEVEL_WORD = new RegExp(
  `(?<![\\p{L}])(?:${LEVEL_NOUNS}|${LEVEL_COMPOUND})(?![\\p{L}])|${LEVEL_CJK}`,
  "iu",
);
// "512.6M seviyesinin 3 katı" (3 times the level of 512.6M): a level noun right after another
// figure is that figure's; not "4.3, trigger 3" or "77.4 🚧 70", where it labels the next one.
const LEVEL_OF_FIGURE = new RegExp(
  String.raw`\d(?:[\d.,]*\d)?\s?[kmb%x]?\s(?=\p{L})(?:${LEVEL_NOUNS}|${LEVEL_COMPOUND})(?![\p{L}])`,
  "giu",
);
// A label that names a level: a table's row "alert at" under its column, "min_shift=0.3".
const ROW_LEVEL =
  /\b(?:flags?|alerts?|alerted|triggers?|triggered|fires?|trips?)\s+(?:at|from|on)\s+\S+$|\bmin(?:imum)?(?:\s\w+)?$/i;
// "an RSI line ending at 70": the indicator's own line, not a level drawn on it.
const OWN_LINE = /\b(?:rsi|macd|price|ma|sma|ema|average)\s+line\b/gi;
// "the 2.0% a 1h move needs", "the 3x the alert requires": what a detector needs is its level.
const NEEDED_AFTER =
  /^\s*(?:that\s+)?(?:an?|the|each|every|any)\s+(?:[\w-]+\s+){0,2}(?:needs|requires|takes)\s*[.,;:!?)]?\s*$/i;
// "30割れ" (below 30), "70超え", "30 이하": a level in Japanese, Chinese or Korean.
const LEVEL_AFTER = new RegExp(
  // "6.0% is only the alert threshold", "the 6.0% alert": a few words may come between, short ones
  // with their vowel signs ("70 की सीमा", the limit of 70) but not "and", which turns to another
  // figure ("the reading is 70 and the overbought line is 70"); not "ratio=3 thr=3", where the
  // noun labels the next figure.
  `^(?:-[\\p{L}\\p{M}]{1,4})?\\s*:?(?:\\s*(?:is|was|the|our|its|an?(?![\\p{L}])|only|just|alert|flag|detection|detector|trigger|move|shift|swing|set|zone|overbought|oversold|:?(?!and\\b)[\\p{L}\\p{M}]{1,3}(?![\\p{L}\\p{M}]))){0,4}\\s*(?:${LEVEL_NOUNS}|alerts?|flags?)(?![\\p{L}])(?!\\s*[:=]\\s*[-+$]?\\d)|^(?:er)?-(?:${LEVEL_NOUNS})(?![\\p{L}])|^\\s*(?:的|の)?\\s*(?:这条线|這條線|那条线|割れ|超え|超|以下|以上|未満|ライン|水準|线|線|이하|이상|선|${LEVEL_CJK})`,
  "iu",
);

// "shift 0.3", "change: +6.6%": a label right before a figure names it as well.
const CHANGE_BEFORE =
  /\b(?:(?:shift|swing|move|change) of|shifted|moved|swung|changed)\s*(?:by\s*)?$|\b(?:shift|swing|change)\s*[:=]?\s*$/i;
// "a 0.3 move", but not "the 6% move threshold".
// Not "to=17.83 change=+8.6%", where the noun labels the next figure.
const CHANGE_AFTER =
  /^\s*(?:move|swing|shift|change)\b(?!\s*:)(?!\s+(?:threshold|level|line|mark|(?:we|that|which)\s+(?:flag|alert|use|track|trigger)))/i;

const CONDITION =
  /(?:^|[^\p{L}])(?:if|unless|once|whether|in case|as long as|should (?:it|price|\w+ price)|were (?:it|price) to)\s/iu;
const COUNTED = String
  .raw`(?:(?:recent|crypto|news|major|new|tracked|top|market|listed)\s){0,2}(?:articles?|headlines?|stories|items|pieces|posts|reports|pairs|symbols|coins|markets|artiklar|artikler|artikkelia|articole|artykuł\p{L}*|labarai|habari|(?:nieuws)?berichten|artikel(?:en|s)?|art[íi]culos|artigos|notizie|статей|новостей|новин|haber(?:ler)?|berita|meldungen|nachrichten|manchetes|makala|not[íi]cias|titulares|titres|nouvelles|articoli|článk\p{L}*|άρθρα|άρθρων|tin tức|ข่าว|خبر[ِ]?|مقالات|समाचार|記事|篇|기사)(?![\p{L}])`;
// A ticker right after a figure is the coin it counts ("2.8K XAUT"), unless a verb shows it opens
// a sentence of its own ("0.2547 TRX trades near ...").
// Indicator names written in capitals like a ticker: "15M BB", "the SMA50 is at".
const INDICATOR = String.raw`(?:[SEW]?MA\d*|RSI\d*|BB|MACD|ATR|VWAP|OBV|ADX|MFI)\b`;
// Verbs that make a ticker the subject of a sentence of its own: "KP3R trades near $66.4".
const TICKER_VERB = "trades|is|was|closed|sits|rose|fell|jumped|dropped";
const COIN_UNIT = String
  .raw`(?!${INDICATOR})[A-Z][A-Z0-9]{1,9}\b(?![\/\-])(?!\s+(?:${TICKER_VERB}|at|hit|and)\b)`;
const AFTER_NOUNS: Array<[Metric[], RegExp]> = [
  // Not "lower=0.2285 sigmas=2.8", where the noun labels the next figure.
  [
    ["sigmas"],
    /^\s*(standard deviations?|sigmas?|σ|desvios?[- ]padr[ãa]o|desviaci[oó]n(?:es)? est[áa]ndar|[ée]carts?[- ]types?)(?![a-z])(?!\s*:)/i,
  ],
  // "64,012 coins" traded is volume; "the 24 coins compared" a count.
  [["volume", "count"], /^\s*(?:coins|tokens)\b(?!\s+(?:compared|tracked|we track))/i],
  // "14 crypto headlines": a word or two may describe what is counted.
  // "14 Meldungen" counts (German capitalises every noun); not an English capital that opens a
  // sentence of its own, "0.08449 Markets move both ways" (see OPENS_COUNT).
  [["count"], new RegExp(String.raw`^\s*${COUNTED}`, "iu")],
  // "after 11 averaging -0.05": the figure counts what the next one averages.
  [["count"], /^\s*(?:averaging|averaged)\s+[-+]?\$?\d/i],
  [["volume"], /^\s*(?:in\s)?(volume)\b/i],
  // "0.4% away from the slow one"; not "0.1484 gap: 0.09%", where "gap" labels the next figure.
  [["gap"], /^\s*(?:apart|gap|away from)\b(?!\s*[:=])/i],
  // "2.8K XAUT", "612.4M SLP": coins counted by their ticker are volume; a quote currency is a price.
  [["volume"], new RegExp(String.raw`^\s*(?!USDT\b|USDC\b|USD\b|BUSD\b|EUR\b|DAI\b)${COIN_UNIT}`)],
  // "4.3 times the 781.5K average": a figure right before "average" is one.
  // Not "the latest 14 average +0.41", where "average" is the verb of the next figure.
  [["sentiment", "volume", "level"], /^\s*(?:average|mean|avg|norm)\b(?!\s+[-+]?\$?\d)/i],
  // "the 4.6 ratio is right": the noun after a figure names it; "ratio=4.3" labels the next one.
  [["ratio"], /^\s*(?:ratio|multiple)\b(?!\s*[:=])/i],
];
const BOUND_NOUN = new RegExp(
  String
    .raw`\d[\d.,]*[kmb%x]?[\s-]*(?:${COUNTED}|standard deviations?|sigmas?|σ|in volume\b)`,
  "gi",
);
const METRIC_WORDS: Array<[Metric[], RegExp]> = [
  // Portuguese writes the RSI "IFR" (índice de força relativa).
  [["rsi"], /\brsi\b|\bifr\b|relative strength/i],
  [["volume"], /\bvol(?:ume)?\b|\btraded\b|turnover|\btrading activity\b/i],
  // A lone "z" must be followed by ":" or "=": "z 1.97" is Czech, Polish or Slovak "from 1.97".
  [["sigmas"], /\bz(?:-score\s*[:=]?|\s*[:=])\s*$/i],
  [
    ["ratio"],
    /\btimes\b|\bmultiple\b|\bmult\b|\bratio\b|\bdivid(?:e|es|ing|ed)\b|\b[a-z]\s?\/\s?(?:mean|avg)\b|\b(?:suhde|suhe|rapporto|raz[ãa]o|rapport|verh[äa]ltnis|relaci[óo]n|m[úu]ltiplo|oran[ıi]?|stosun\p{L}*|verhouding|соотношени\p{L}*|співвідношенн\p{L}*)\b|x\s?\/\s?μ|(?<![\p{L}])(?:rasio|nisbah|poměr\p{L}*|arány\p{L}*|αναλογία|יחס|نسبت|अनुपात|t[ỷỉ] lệ|uwiano|förhållande|(?:oku)?y?izikhathi|santyk\p{L}*|whakarea|faktor|koeficient\p{L}*|coefficient|coeficiente|coefficiente|коэффициент\p{L}*|კოეფიციენტ\p{L}*)(?![\p{L}])|比率|比值|倍率|비율|배율|อัตราส่วน/iu,
  ],
  [
    ["level"],
    /\b(?:s|e)?ma\d*\b|moving average|\bband\b|\bfast\b|\bslow\b|\b(?:mid|middle|basis|upper|lower)\b/i,
  ],
  // Not the sigma of a Greek word ("έκλεισε στα 66.37", closed at).
  [["sigmas"], /standard deviation|\bsigmas?\b|(?<![\p{L}])σ(?![\p{L}])/iu],
  [["sentiment"], /sentiment|\btone\b|\bmood\b(?!.*index)/i],
  [["index"], /fear|greed|\bindex\b/i],
  [["count"], /\barticles?\b|\bpairs\b|\bsymbols\b|\bcoins compared\b/i],
  [["gap"], /\bgap\b|\bapart\b|\bspread\b|अंतर|ส่วนต่าง|ช่องว่าง|ห่างกัน/i],
  // An average is a sentiment mean, a baseline volume or a moving average: whichever the insight has.
  [
    ["sentiment", "volume", "level"],
    /\baverag(?:e|es|ed|ing)\b|\bmean\b|\busual\b|\btypical\b|\bnorm\b|\b(?:media|m[ée]dia|moyenne|mittelwert|durchschnitt\w*|promedio|wastani|keskiarvo|gemiddelde|średnia|ortalama|keskmine)\b|средн|середн/i,
  ],
  // The close and the price in the other languages drafts are written in: "收盘", "종가", "cierre".
  // Not a close that only dates a candle: "the 1H candle that just closed did 1.3B".
  [
    ["price", "level"],
    /\bclos(?:e|ed|es|ing)\b(?!\s+(?:did|traded|saw|printed|had|with)\b)|\bprice\b|\bpx\b|\btrad(?:es|ing)\b(?!\s+activity)|\bcerr[óo]|\b(?:cierre|cotiza|precio|pre[çc]o|fechamento|fechou|cl[ôo]ture|schlusskurs|kurs|schloss|schlie(?:ß|ss)t)(?![a-zäöüß])|收盘|收盤|现价|現在値|終値|価格|价格|종가|현재가|가격|ราคาปิด|ปิด|क्लोज़|क्लोज|बंद भाव/i,
  ],
];

/**
 * Claims for `figures` of a draft part; `fallbackAsset` is the insight's own
 * asset. With `carryAsset` (a draft that never names its own asset), a
 * sentence naming no asset is about the last one named before it.
 */
export function bindClaims(
  text: string,
  figures: Figure[],
  known: ReadonlySet<string>,
  fallbackAsset: string | null,
  carryAsset = false,
): Claim[] {
  const spans = spansIn(text, figures);
  const named = carryAsset ? assetsAt(text, known) : [];
  const claims = figures.map((f, i): Claim => {
    const w = around(text, figures, i);
    const tenseStart = lastIndex(text, TENSE_START, f.start);
    const before = labelAbove(text, f.start) + answered(text, tenseStart, f.start);
    const span = nearestSpan(spans, f.start, f.end, w.clauseStart, w.clauseEnd) ??
      nearestSpan(spans, f.start, f.end, w.sentenceStart, w.sentenceEnd);
    // "APT rose most (+8.2%) and INJ fell most": a figure in brackets is about what precedes them.
    const inBrackets = text[w.clauseStart - 1] === "(" &&
      !text.slice(w.clauseStart, f.start).includes(")");
    const lead = text.slice(w.sentenceStart, Math.max(w.sentenceStart, w.clauseStart - 1));
    const bracketed = inBrackets ? nearestAsset(lead, known) : null;
    return {
      ...f,
      // "ETH | 24h" over a list: the lines below it are about ETH.
      asset: nearestAsset(w.own, known) ?? nearestAsset(w.clause, known) ?? bracketed ??
        firstAsset(ownAfter(w.after), known) ?? nearestAsset(w.sentence, known) ??
        named.findLast((m) => m.index < w.sentenceStart)?.asset ?? fallbackAsset,
      ...metricsFor(w.withPrevious, w.rest, w.clause, w.sentence, formulaNamed(text, w)),
      ...tenseOf(
        before,
        w.own,
        w.rest,
        w.afterValue,
        text.slice(figures[i - 1]?.end ?? 0, f.start),
      ),
      span: f.kind === "value" ? span?.hours ?? null : null,
      // "Should it slip back under 0.52": a direction supposed, not stated. "3.1σ below its
      // mean" is a side of the mean, whatever moved before.
      // A window's own direction is checked only where no figure of the move shares its clause:
      // "up 6.1% in 4h" is one claim, judged on its 6.1%.
      direction: f.kind === "window" &&
          figures.some((o) =>
            o.kind === "value" && o.start >= w.clauseStart && o.end <= w.clauseEnd
          )
        ? null
        : SIGMA_NOUN.test(w.rest)
        ? sideOf(w.rest)
        : CONDITION.test(w.clause)
        ? null
        : inBrackets
        ? directionIn(w.clause, "", known) ?? sentenceDirection(lead, known)
        : clauseDirection(w.own, w.clause, w.after, known) ??
          // A ticked item says nothing of the items before it ("☑ lower 2.2623 ☑ σ 2.8").
          (CELL_BEFORE.test(text.slice(0, w.clauseStart))
            ? null
            : sentenceDirection(w.sentence, known)),
      approx: APPROX.test(w.own)
        ? "about"
        : ABOVE.test(w.own)
        ? "above"
        : BELOW.test(w.own)
        ? "below"
        : null,
      // "LINEA rose 4.0%": a ticker that is also a word ("linea", a line) names a coin, not a
      // level.
      level: LEVEL_BEFORE.test(w.own) ||
        LEVEL_WORD.test(
          maskTickers(w.near, known).replace(OWN_LINE, " ").replace(LEVEL_OF_FIGURE, " "),
        ) ||
        LEVEL_AFTER.test(maskTickers(w.rest, known)) ||
        NEEDED_AFTER.test(w.rest) ||
        LEVEL_WORD.test(maskTickers(w.label, known)) ||
        ROW_LEVEL.test(w.label),
      change: f.unit !== "ratio" && !/^\s*(?:apart|gap)\b/i.test(w.rest) &&
        (CHANGE_BEFORE.test(w.own) ||
          // Not "126.7M MOVE", the coins of the ticker MOVE.
          (CHANGE_AFTER.test(w.rest) && assetsAt(w.rest, known)[0]?.index !== w.rest.search(/\S/))),
      bare: !AMOUNT_AFTER.test(w.rest),
      beforeVolume: /^\s*vol(?:ume)?\b/i.test(w.rest),
    };
  });
  return bindRespectively(text, claims, known);
}

// What makes "15M" an amount: "15M traded", "15M in volume", "15M USDT", "15M coins".
const AMOUNT_AFTER = new RegExp(
  String
    .raw`^\s*(?:traded|changed hands|in (?:volume|turnover)|volume|turnover|worth|coins?|tokens?|units?|contracts?|shares?|usd[tc]?|dollars?|\$|${COIN_UNIT}(?!\s*(?:chart|candles?)))`,
);

const SIGMA_NOUN = /^\s*(?:standard deviations?|sigmas?|σ)/i;
const SIGMA_SIDE = /^\s*(?:standard deviations?|sigmas?|σ)\s*(above|over|below|under)\b/i;

/** The side of its mean a count of sigmas is put on: "3.1σ above" is up, "below" down. */
function sideOf(rest: string): Direction | null {
  const m = SIGMA_SIDE.exec(rest);
  return m ? (/above|over/i.test(m[1]) ? "up" : "down") : null;
}

// Japanese, Chinese and Korean punctuation takes no space after it: "RSI 为 18.6，收盘 0.34。"
// (NFKC has made "，" a comma and "。" a full stop by now).
const CJK = String.raw`[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]`;
// A cell of a line split by bars, dots or ticks ("RSI 76.8 | line 70 · close 0.614", "✓ RSI 23.2
// ✓ close 0.4351") is a clause.
const TICKS = "✓✔☑✅";
const CLAUSE_END = new RegExp(String.raw`[.!?;,](?:\s|$|(?=${CJK}))|、|\n|\s[|·•${TICKS}](?=\s)`);
// "bzw.", "vs.", "ca." do not end a sentence: "lagen sie bei 0.04281 bzw. 0.04289".
const ABBREVIATION = String.raw`(?<!\b(?:bzw|vs|ca|approx|resp|vgl|inkl|etc|cf|Nr|No))`;
const SENTENCE_END = new RegExp(String.raw`${ABBREVIATION}[.!?](?:\s|$|(?=${CJK}))|\n`);
const SENTENCE_START = new RegExp(String.raw`${ABBREVIATION}[.!?](?:\s|(?=${CJK}))|\n`, "g");
const CELL_BEFORE = new RegExp(String.raw`\s[${TICKS}]\s$`);
const CLAUSE_START = new RegExp(
  String.raw`[,;:](?:\s|(?=${CJK}))|、|\s-\s|\(|\s[|·•${TICKS}]\s`,
  "g",
);
/**
 * "Prior reading\n11", "Before\n-0.13 across 11 articles": a short heading on the line above a
 * line that opens with the figure is that figure's label.
 */
function labelAbove(text: string, at: number): string {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  if (!/^[\s\p{P}\p{S}]*$/u.test(text.slice(lineStart, at)) || lineStart === 0) return "";
  const above = text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, lineStart - 1);
  // "— Yesterday?" over "— 37": a question heads its answer as well.
  return /^[^\d.!?]{1,40}\??$/.test(above) && above.trim().split(/\s+/).length <= 4
    ? `${above.trim()} `
    : "";
}

// "Q: Opening? A: 1.1264": an answer takes its question as its label.
const ANSWER = /^\s*(?:A|R|Answer|Antwort|Resposta|Respuesta|Réponse)\s?[:.]\s*/i;
const QUESTION =
  /(?:^|[.!?\n])\s*(?:Q|P|F|Question|Frage|Pergunta|Pregunta)\s?[:.]\s*([^.!?\n]{1,40})\?\s*$/i;

/** The words of a figure's sentence before it, an answer's with its question as their label. */
function answered(text: string, start: number, at: number): string {
  const own = text.slice(start, at);
  const answer = ANSWER.exec(own);
  const question = answer && QUESTION.exec(text.slice(Math.max(0, start - 60), start));
  return question ? `${question[1]}: ${own.slice(answer[0].length)}` : own;
}

const TENSE_START = new RegExp(String.raw`${ABBREVIATION}[.!?;](?:\s|(?=${CJK}))|\n`, "g");

/** The words around figure `i`: its own (since the figure before), its clause, its sentence. */
function around(text: string, figures: Figure[], i: number) {
  const f = figures[i];
  const previous = i > 0 ? figures[i - 1] : null;
  const sentenceStart = lastIndex(text, SENTENCE_START, f.start);
  const clauseStart = Math.max(sentenceStart, lastIndex(text, CLAUSE_START, f.start));
  const clauseEnd = nextBreak(text, f.end, CLAUSE_END);
  const next = figures[i + 1]?.start ?? text.length;
  // Windows aside: "57 24h ago" keeps its "ago".
  let j = i + 1;
  while (j < figures.length && figures[j].kind === "window") j++;
  const nextValue = figures[j]?.start ?? text.length;
  const own = text.slice(Math.max(clauseStart, previous?.end ?? 0), f.start);
  let k = i - 1;
  while (k >= 0 && figures[k].kind !== "value") k--;
  const previousValue = k >= 0 ? figures[k] : null;
  return {
    sentenceStart,
    sentenceEnd: nextBreak(text, f.end, SENTENCE_END),
    clauseStart,
    clauseEnd,
    own,
    label: labelOf(text, own, sentenceStart, clauseStart),
    clause: text.slice(clauseStart, f.start),
    sentence: text.slice(sentenceStart, f.start),
    after: text.slice(f.end, Math.min(next, clauseEnd)),
    afterValue: text.slice(f.end, Math.min(nextValue, clauseEnd)),
    rest: text.slice(f.end, clauseEnd),
    near: text.slice(Math.max(sentenceStart, f.start - 35), f.start),
    // The previous value with its noun ("the 24 pairs"), so the noun is seen as its own. A chart or
    // a setting between them does not cut what a figure's words say: "RSI on 4H candles closed at".
    withPrevious: text.slice(Math.max(clauseStart, previousValue?.start ?? 0), f.start),
  };
}

/**
 * The label a figure stands right after, up to its colon: "Flag threshold on this window: 6.0%"
 * names what 6.0% is, though the colon ends the clause.
 */
function labelOf(text: string, own: string, sentenceStart: number, clauseStart: number): string {
  // A colon opens the clause with a space after it, or none before CJK text.
  const colon = text[clauseStart - 2] === ":"
    ? clauseStart - 2
    : text[clauseStart - 1] === ":"
    ? clauseStart - 1
    : -1;
  if (colon < sentenceStart || !/^[\s$(]*$/.test(own)) return "";
  return text.slice(Math.max(sentenceStart, lastIndex(text, CLAUSE_START, colon)), colon);
}

const PRICE_SAID = new RegExp(
  String
    .raw`(?:(?:^|[.!?;)]\s*|(?<!\b(?:of|for))\s)\$?(?!${INDICATOR})[A-Z][A-Z0-9]{1,9}\s(?:is|trades)|\b[Ii]t\strades)\s(?:at|near|around)\s*\$?$`,
);
const RSI_CLOSED =
  /\b(?:rsi|ifr)(?:\s*\(?\d{1,3}\)?)?\s+(?:closed|closes|closing|ended|ends|finished|settled|printed|prints)\s+(?:at|on|near|around)?\s*$/i;
const COUNT_BEFORE = new RegExp(String.raw`(?<![\p{L}])${COUNTED}\s*$`, "iu");
const OPENS_COUNT =
  /^\s*(?:Recent|Crypto|News|Major|New|Tracked|Top|Market|Listed|Markets|Coins|Pairs|Symbols|Stories|Headlines|Articles)\b/;

// "Rasio = volume ÷ rata-rata = 4.3": the result of a formula written in words.
const FORMULA_RESULT = /[÷×\/][^=\d\n]{1,30}=\s*$/;

/** What names a formula's result: its sentence before the clause that holds the formula. */
function formulaNamed(
  text: string,
  w: { own: string; sentenceStart: number; clauseStart: number },
) {
  return FORMULA_RESULT.test(w.own) ? text.slice(w.sentenceStart, w.clauseStart) : "";
}

/** The noun right after a figure says most ("3.7 standard deviations"), then the words before it. */
function metricsFor(own: string, rest: string, clause: string, sentence: string, named = "") {
  // A derived quantity the formula's label names ("Rasio"), unless the formula names one itself.
  const derived = (text: string) =>
    (metricsOf(text) ?? []).filter((m) => m === "ratio" || m === "sigmas");
  const formula = named ? derived(named) : [];
  if (formula.length && !derived(own).length) return { metrics: formula, metricsWeak: false };
  // "(n=14)": the size of a sample, whatever the sentence measures.
  // "count 11", "count: 11": the same, named in full.
  if (/\b(?:n\s?[=:]|count\s?[=:]?)\s?$/i.test(own)) {
    return { metrics: ["count" as Metric], metricsWeak: false };
  }
  // "Its 1D RSI (14) closed at 23.8": where the RSI closed is its reading, not a price.
  if (RSI_CLOSED.test(sentence)) return { metrics: ["rsi" as Metric], metricsWeak: false };
  // "CELO is at 73.5 cents", "ETH trades near $3,100": a sum of money said of an asset is its price;
  // "the RSI of IDEX is at 23.2" is the RSI's.
  if (PRICE_SAID.test(own)) {
    return { metrics: ["price" as Metric], metricsWeak: false };
  }
  // "LAST 0.07834", "last: 4,187.35", "CLOSE 0.1937", "px 0.1124": a price named right before it;
  // not "puts the close 2.4 standard deviations from the middle", where the noun after names it.
  if (
    /\blast\s*[:=]?\s*\$?$/i.test(own) ||
    (/\b(?:close|closing(?: price)?|price|px)\s*[:=]?\s*\$?$/i.test(own) &&
      !SIGMA_NOUN.test(rest))
  ) {
    return { metrics: ["price" as Metric], metricsWeak: false };
  }
  // "makala 14", "articles 14": a counted noun right before a figure names it.
  if (COUNT_BEFORE.test(own)) return { metrics: ["count" as Metric], metricsWeak: false };
  const noun = AFTER_NOUNS.find(([m, re]) =>
    re.test(rest) && !(m[0] === "count" && OPENS_COUNT.test(rest))
  );
  if (noun) return { metrics: noun[0], metricsWeak: false };
  const strong = metricsOf(own) ?? metricsOf(clause);
  // "4.5 times the 41.9M it averaged": the figure right after a multiple is its base.
  if (strong && MULTIPLE_BASE.test(own)) {
    return { metrics: strong.filter((m) => m !== "ratio"), metricsWeak: false };
  }
  if (strong) return { metrics: strong, metricsWeak: false };
  return { metrics: metricsOf(sentence) ?? [], metricsWeak: true };
}

function metricsOf(text: string): Metric[] | null {
  // A noun right after another figure ("14 articles") is that figure's, not this one's.
  const free = text.replace(BOUND_NOUN, " ");
  const found = METRIC_WORDS.filter(([, re]) => re.test(free)).flatMap(([m]) => m);
  return found.length ? found : null;
}

const MULTIPLE_BASE = /\d\s?(?:times|x)\s+(?:the|its|an?)?\s*\$?$/i;
// "now 0.2547 👀 meanwhile FET -7.6%": a word that turns to another subject ends what a figure owns.
const TURN =
  /\b(?:meanwhile|while|whereas|but|and|elsewhere|then|also|plus|vs|versus|mientras|enquanto|tandis|während)\b/i;

// "XVS: 8.587 → 8.019 KP3R trades near $66.4": a ticker with its verb opens a sentence of its own.
const OPENS_SENTENCE = new RegExp(String.raw`[A-Z][A-Z0-9]{1,9}\s+(?:${TICKER_VERB})\b`);

/** The words after a figure that are still about it: up to a turn to another subject. */
function ownAfter(after: string): string {
  const m = TURN.exec(after) ?? OPENS_SENTENCE.exec(after);
  const turn = m ? after.slice(0, m.index) : after;
  // A semicolon or a full stop ends what a figure owns: "收于2.1473；BOME涨7.0%"; so does the
  // bracket a figure stands in: "AMP (+8.5%, van 0.002768 naar 0.003004) en GNO".
  return turn.split(/[;；)]|\.(?!\d)/)[0];
}

/**
 * The direction a figure's clause gives it. "▼ IMX -5.8% WLD trades near 2.62" turns to WLD after
 * the last figure, so the arrow before IMX says nothing of WLD's price: once a figure's own words
 * name an asset, only they speak for it.
 */
function clauseDirection(
  own: string,
  clause: string,
  after: string,
  known: ReadonlySet<string>,
): Direction | null {
  const found = directionIn(clause, after, known);
  if (found === null || own.length >= clause.length || directionIn(own, "", known) !== null) {
    return found;
  }
  return assetsIn(own, known).length > 0 ? directionIn(own, after, known) : found;
}

/**
 * The direction a sentence gives a figure, read from the last asset it names
 * before it: "TRX up 6.5%, meanwhile FET -7.6%" says nothing of FET's.
 */
function sentenceDirection(sentence: string, known: ReadonlySet<string>): Direction | null {
  if (directionIn(sentence, "", known) === null) return null;
  const last = assetsAt(sentence, known).at(-1);
  return directionIn(last ? sentence.slice(last.index) : sentence, "", known);
}

/**
 * What the direction words of `clause` say, with the insight's own tickers masked: "RED" and
 * "MOVE" name coins, not a colour of the market or a noun.
 */
function directionIn(clause: string, after: string, known: ReadonlySet<string>): Direction | null {
  return directionOf(maskTickers(clause, known), maskTickers(after, known));
}

function nearestAsset(text: string, known: ReadonlySet<string>): string | null {
  return assetsIn(text, known).at(-1) ?? null;
}

function firstAsset(text: string, known: ReadonlySet<string>): string | null {
  return assetsIn(text, known)[0] ?? null;
}

/** Where the sentence holding `at` starts, read as the claims' own sentences are. */
export function sentenceStartAt(text: string, at: number): number {
  return lastIndex(text, SENTENCE_START, at);
}

/** End index of the last match of `re` in `text` before `limit`, or 0. */
function lastIndex(text: string, re: RegExp, limit: number): number {
  // exec on the global `re` itself: matchAll would copy it for every figure.
  const head = text.slice(0, limit);
  let at = 0;
  re.lastIndex = 0;
  for (let m = re.exec(head); m; m = re.exec(head)) at = m.index + m[0].length;
  return at;
}

function nextBreak(text: string, from: number, re: RegExp): number {
  const m = re.exec(text.slice(from));
  return m ? from + m.index : text.length;
}
