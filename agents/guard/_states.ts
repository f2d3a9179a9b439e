/**
 * Indicator states said in words, checked against the facts: "overbought"
 * at an RSI of 27.6, a "golden cross" where the fast average fell under the
 * slow one, "closed below the top" when the close is above the upper band.
 * Such a word makes a claim as plainly as a figure does, with no figure to
 * check. A state that is denied ("no longer oversold") or supposed ("if it
 * closes back below the band") claims nothing.
 */
import type { InsightFacts } from "./_facts.ts";

const OVERBOUGHT = /\boverbought\b|買われ(?:す|過)ぎ|超买|超買|과매수|\bsobrecomprad[oa]s?\b/i;
const OVERSOLD = /\boversold\b|売られ(?:す|過)ぎ|超卖|超賣|과매도|\bsobrevendid[oa]s?\b/i;
const GOLDEN = /\bgolden\b|\bbullish\b|ゴールデン|金叉|골든/i;
const DEATH = /\bdeath\b|\bbearish\b|デッド|死叉|데드/i;
const CROSS = /\bcross(?:ed|es|ing|over)?\b|クロス|交叉|叉|크로스/i;
// "not", "no longer", "out of", "back from", "was": the state is left, denied or past.
const DENIED =
  /\b(?:was|were|had been|used to be|not|no longer|isn'?t|wasn'?t|aren'?t|never|neither|nor|far from|nowhere near|away from|out of|from|leaves?|left|exit(?:s|ed|ing)?|without|instead of)\s+(?:\w+\s+){0,2}$/i;
const SUPPOSED =
  /\b(?:if|unless|once|whether|would|could|should|might|may|until|when|watch)\b|\bin case\b/i;
// The price's side of a band, after a verb of where it is or how it moved: "closed above the
// upper", "poked its head above the top", "fell out the bottom of the band".
const BAND_SIDE =
  /\b(?:clos(?:ed|es|ing)|sits?|sat|trad(?:es|ed|ing)|(?:is|was|stays?|stayed|remains?|held|holds|printed|broke|punched|pushed|pierced|moved)|price|fell|falls?|falling|dropp(?:ed|ing)|drops?|slipp(?:ed|ing)|slips?|sank|sinks?|dipp(?:ed|ing)|dips?|pok(?:ed|es|ing)|peek(?:ed|s|ing)|popp(?:ed|ing)|pops?|spik(?:ed|es|ing)|went|goes|got|ended|ends|finished|landed|tagged|wicked|ran|rose|rises|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|burst|crashed|dumped|pumped|ripped)\s+(?:\S+\s+){0,3}?(above|over|below|under|outside|inside|within|through|out(?:\s+of)?|beyond|past)\s+(?:the\s+|its\s+)?(upper|top|lower|bottom|middle|mid)\b(?!\s*\d)/gi;
// A terse cell or line names the side without a verb: "DAR · below lower band · 0.1531".
const BAND_SIDE_TERSE =
  /(?:^|[|·•:—,]\s*|(?:🔽|🔼|⬇️?|⬆️?)\s*)(above|over|below|under|outside|inside|within)\s+(?:the\s+|its\s+)?(upper|top|lower|bottom|middle|mid)\s+(?:bollinger\s+)?bands?\b/giu;
// "punches through the lower Bollinger band", "past the upper band": out on that side.
const BAND_THROUGH =
  /\b(?:through|past|beyond)\s+(?:the\s+|its\s+)?(upper|top|lower|bottom)\s+(?:bollinger\s+)?bands?\b/gi;
// Out past a band on a side, said in one phrase (in the NFKC form drafts are read in, so Thai "ำ"
// is written as its two parts): "outside its Bollinger envelope on the downside",
// Japanese "バンド下抜け" (broke out below the band), Turkish "Bollinger bandının altında" (below the
// Bollinger band; not "üst bandının altında", below the upper band), Chinese "突破上轨" (broke the
// upper band), Thai "เหนือเส้นบน" (above the upper line), Vietnamese "dưới dải dưới" (under the
// lower band), Korean "상단 이탈" (out past the upper band). Then Russian and Ukrainian "выше верхней"
// (above the upper), Czech "pod dolním pásmem", Hebrew, Persian, Thai "หลุดกรอบล่าง" (broke the lower
// frame), Samoan, Urdu, Tagalog, Irish, Uzbek, Hausa, Japanese "下限を下抜け" (broke below the lower
// limit), a terse "▼ below lower" and "BB BREAK ↓", and "2.9 standard deviations from the mean, on
// the downside".
const BAND_OUT: Array<["above" | "below", RegExp]> = [
  [
    "above",
    /\boutside\s+(?:\S+\s+){0,3}?on the upside\b|(?:バンド|ボリンジャー)\S{0,6}?上抜け|(?<!(?:üst|alt|orta)\s)bandının\s+(?:üzerinde|üstünde)|突破上轨|เหนือเส้นบน|trên dải trên|상단\s?(?:이탈|돌파)|(?:выше|вище)\s+верхн\p{L}*|上限を?上抜け|بینڈ سے اوپر|اوپری حد سے اوپر|کنارے سے اوپر|突破(?:布林带?)?上轨|üst\s+bandının\s+(?:üzerinde|üstünde)|lampas sa upper|os cionn an bhanna uachtar\p{L}*|yuqori chizig'?idan yuqorida|sama da layin sama|nad\s+horn\p{L}*\s+(?:\S+\s+)?pásm\p{L}*|מעל\s+ה?רצועה\s+העליונה|بالای\s+باند\s+بالایی|เหนือกรอบบน|ทะลุกรอบบน|i\s+luga\s+a[ʻ']?e\s+o\s+le\s+fusi\s+pito\s+i\s+luga|[▲↑]\s*above\s+(?:the\s+)?upper\b|\b(?:bb|bollinger|band)\s+break(?:out)?\s*[▲↑]|(?:σ|sigmas?|standard deviations?)\s+(?:\S+\s+){0,5}?on the upside\b/giu,
  ],
  [
    "below",
    /\boutside\s+(?:\S+\s+){0,3}?on the downside\b|(?:バンド|ボリンジャー)\S{0,6}?下抜け|(?<!(?:üst|alt|orta)\s)bandının\s+altında|跌破下轨|ต่ํากว่าเส้นล่าง|dưới dải dưới|하단\s?(?:이탈|돌파)|(?:ниже|нижче)\s+нижн\p{L}*|下限を?下抜け|بینڈ سے نیچے|نچلی حد سے نیچے|کنارے سے نیچے|跌破(?:布林带?)?下轨|alt\s+bandının\s+altında|sa ilalim ng lower|faoi bhun an bhanna íochtar\p{L}*|quyi chizig'?idan pastda|ƙasa da layin ƙasa|pod\s+doln\p{L}*\s+(?:\S+\s+)?pásm\p{L}*|מתחת\s+ל?ה?רצועה\s+התחתונה|زیر\s+باند\s+پایینی|หลุดกรอบล่าง|ใต้กรอบล่าง|ใต้เส้นล่าง|i\s+lalo\s+ifo\s+o\s+le\s+fusi\s+pito\s+i\s+lalo|[▼↓]\s*below\s+(?:the\s+)?lower\b|\b(?:bb|bollinger|band)\s+break(?:out)?\s*[▼↓]|(?:σ|sigmas?|standard deviations?)\s+(?:\S+\s+){0,5}?on the downside\b/giu,
  ],
];
// "Close 21.37 < lower band": the side as a comparison with a named band.
const BAND_COMPARED =
  /\bclose\s?[\d.,]*\s?([<>])\s?(?:the\s)?(upper|top|lower|bottom|middle|mid)\s+band/gi;
// A band named without its line: "closes above Bollinger band", "closed below its 15M band" go
// past the upper band or under the lower one.
const BAND_PLAIN =
  /\b(?:clos(?:ed|es|ing)|sits?|sat|trad(?:es|ed|ing)|is|was|broke|breaks?|printed|punch(?:es|ed)|push(?:es|ed)|pops?|popped|drops?|dropped|falls?|fell|slips?|slipped|jumps?|jumped|ended)\s+(above|over|below|under)\s+(?:the\s+|its\s+)?(?:\S+\s+)?(?:bollinger\s+)?bands?\b(?!\s*\()/gi;
// Greek: "πάνω από την άνω ζώνη" (above the upper band), "κάτω από την κάτω ζώνη".
const BAND_SIDE_GREEK =
  /(πάνω|κάτω|έξω|μέσα)\s+από\s+(?:την\s+|τη\s+)?(άνω|πάνω|κάτω|μεσαία|ανώτερη|κατώτερη)\s+ζώνη/gu;
const GREEK: Record<string, string> = {
  πάνω: "above",
  κάτω: "below",
  έξω: "outside",
  μέσα: "inside",
  άνω: "upper",
  ανώτερη: "upper",
  κατώτερη: "lower",
  μεσαία: "middle",
};
// The same in Portuguese, Spanish, French and German: "fechou acima da banda superior", "por debajo
// de la banda inferior", "sous la bande inférieure", "über dem oberen Band".
// Dutch, Italian, Polish and Swedish follow: "onder de onderste Bollinger-band", "sotto la banda
// inferiore", "pod dolną wstęgą Bollingera", "under det nedre bandet".
const BAND_SIDE_OTHER =
  /(?<![\p{L}-])(acima|abaixo|fora|dentro|por encima|por debajo|encima|debajo|fuera|au-dessus|en[ -]dessous|au-dessous|sous|hors|über|unter|außerhalb|innerhalb|boven|onder|buiten|binnen|sopra|sotto|fuori|nad|pod|poza|över|under|utanför|innanför)\s+(?:d[aeo]s?\s+|de\s+la\s+|de\s+l'|del\s+|la\s+|le\s+|dem\s+|der\s+|den\s+|det\s+|het\s+|alla\s+|della\s+|dalla\s+)?(?:(oberen|unteren|mittleren|obere|untere|mittlere|bovenste|onderste|middelste|górn\p{L}*|doln\p{L}*|środkow\p{L}*|övre|nedre|mellersta|översta|nedersta)\s+)?(?:bollinger[- ]?)?(?:banda|bande|bollinger-band|band|bandet|wstęg\p{L}*)(?:\s+(?:de\s+|di\s+)?bollinger\p{L}*)?(?:\s+(superior|inferior|sup[ée]rieure|inf[ée]rieure|superiore|inferiore|media|m[ée]dia|m[ée]diane|mediana|central|centrale))?(?![\p{L}])/giu;
const SIDE_OTHER: Record<string, string> = {
  acima: "above",
  "por encima": "above",
  encima: "above",
  "au-dessus": "above",
  über: "above",
  abaixo: "below",
  "por debajo": "below",
  debajo: "below",
  "en dessous": "below",
  "en-dessous": "below",
  "au-dessous": "below",
  sous: "below",
  unter: "below",
  boven: "above",
  sopra: "above",
  nad: "above",
  över: "above",
  onder: "below",
  sotto: "below",
  pod: "below",
  under: "below",
  buiten: "outside",
  fuori: "outside",
  poza: "outside",
  utanför: "outside",
  binnen: "inside",
  innanför: "inside",
  fora: "outside",
  fuera: "outside",
  hors: "outside",
  außerhalb: "outside",
  dentro: "inside",
  innerhalb: "inside",
};
const BAND_OTHER: Record<string, string> = {
  oberen: "upper",
  obere: "upper",
  superior: "upper",
  supérieure: "upper",
  superieure: "upper",
  unteren: "lower",
  untere: "lower",
  inferior: "lower",
  inférieure: "lower",
  inferieure: "lower",
  bovenste: "upper",
  övre: "upper",
  översta: "upper",
  superiore: "upper",
  onderste: "lower",
  nedre: "lower",
  nedersta: "lower",
  inferiore: "lower",
  middelste: "middle",
  mellersta: "middle",
  mediana: "middle",
  centrale: "middle",
  // Polish declines them: "nad górną wstęgą", "poniżej dolnej wstęgi".
  górną: "upper",
  górnej: "upper",
  dolną: "lower",
  dolnej: "lower",
  środkową: "middle",
  środkowej: "middle",
  mittleren: "middle",
  mittlere: "middle",
  media: "middle",
  média: "middle",
  médiane: "middle",
  mediane: "middle",
  central: "middle",
};
// A terse break names its side: "BB BREAK DOWN", "broke down", "breakdown" go below the lower band.
const BREAK = /\b(?:break(?:s|ing)?|broke)[\s-]?(up|down|higher|lower)\b|\bbreakdown\b/gi;
// A band, not the price, as what is said to be above or below ("a banda superior acima da média").
const BAND_BEFORE = /(?:banda|bande|band)\b[^.!?]{0,20}$/i;

/** What the words of `text` say about the insight's indicators that its facts deny. */
export function contradictedStates(text: string, insight: InsightFacts): string[] {
  const f = insight.facts;
  // Only the insights whose facts hold an indicator state are read.
  if (f.rsi === undefined && f.fast === undefined && f.upper === undefined) return [];
  const sentences = text.split(/(?<=[.!?。])\s+|\n+/);
  return [
    ...rsiZone(sentences, f),
    ...crossKind(sentences, f),
    ...sentences.flatMap((s) => bandSides(s, f)),
  ];
}

function rsiZone(sentences: string[], f: Record<string, number | string>): string[] {
  if (typeof f.rsi !== "number") return [];
  const [wrong, word, right] = f.rsi < 50
    ? [OVERBOUGHT, "overbought", OVERSOLD]
    : [OVERSOLD, "oversold", OVERBOUGHT];
  // "Overbought vs oversold, explained" names both zones to define them; it states neither.
  return sentences.some((s) => stated(s, wrong) && !right.test(s))
    ? [`"${word}" with the RSI at ${f.rsi.toFixed(1)}`]
    : [];
}

function crossKind(sentences: string[], f: Record<string, number | string>): string[] {
  if (typeof f.fast !== "number" || typeof f.slow !== "number" || f.fast === f.slow) return [];
  const golden = f.fast > f.slow;
  const [wrong, right] = golden ? [DEATH, GOLDEN] : [GOLDEN, DEATH];
  // "A golden cross after a bearish month" names both; only a sentence naming one is read.
  const said = sentences.some((s) => CROSS.test(s) && stated(s, wrong) && !stated(s, right));
  const [claimed, made] = golden ? ["death", "golden"] : ["golden", "death"];
  return said ? [`a ${claimed} cross (the averages made a ${made} cross)`] : [];
}

/** `word` in `sentence`, neither denied nor supposed. */
function stated(sentence: string, word: RegExp): boolean {
  const m = word.exec(sentence);
  if (!m) return false;
  return !DENIED.test(sentence.slice(0, m.index)) && !SUPPOSED.test(sentence.slice(0, m.index));
}

const BAND_KEY: Record<string, string> = {
  upper: "upper",
  top: "upper",
  middle: "middle",
  mid: "middle",
  lower: "lower",
  bottom: "lower",
};

function bandSides(sentence: string, f: Record<string, number | string>): string[] {
  const close = f.close;
  if (typeof close !== "number" || typeof f.upper !== "number") return [];
  const out: string[] = [];
  const said: Array<[string, string, string, number]> = [];
  for (const m of sentence.matchAll(BAND_SIDE)) {
    said.push([m[0], m[1].toLowerCase(), BAND_KEY[m[2].toLowerCase()], m.index!]);
  }
  for (const m of sentence.matchAll(BAND_SIDE_TERSE)) {
    said.push([m[0], m[1].toLowerCase(), BAND_KEY[m[2].toLowerCase()], m.index!]);
  }
  for (const m of sentence.matchAll(BAND_SIDE_GREEK)) {
    // The band's own word "κάτω" is the lower band, though as a side it is "below".
    const band = m[2] === "κάτω" ? "lower" : m[2] === "πάνω" ? "upper" : GREEK[m[2]];
    said.push([m[0], GREEK[m[1]], band, m.index!]);
  }
  for (const m of sentence.matchAll(BAND_THROUGH)) {
    said.push([m[0], "through", BAND_KEY[m[1].toLowerCase()], m.index!]);
  }
  for (const [side, re] of BAND_OUT) {
    for (const m of sentence.matchAll(re)) {
      said.push([m[0], side, side === "above" ? "upper" : "lower", m.index!]);
    }
  }
  for (const m of sentence.matchAll(BAND_COMPARED)) {
    said.push([m[0], m[1] === ">" ? "above" : "below", BAND_KEY[m[2].toLowerCase()], m.index!]);
  }
  for (const m of sentence.matchAll(BAND_PLAIN)) {
    const side = m[1].toLowerCase();
    said.push([m[0], side, side === "above" || side === "over" ? "upper" : "lower", m.index!]);
  }
  if (/band|bande|wstęg/i.test(sentence)) {
    for (const m of sentence.matchAll(BAND_SIDE_OTHER)) {
      const band = (m[2] ?? m[3] ?? "").toLowerCase();
      if (!BAND_OTHER[band] || BAND_BEFORE.test(sentence.slice(0, m.index!))) continue;
      said.push([m[0], SIDE_OTHER[m[1].toLowerCase()], BAND_OTHER[band], m.index!]);
    }
  }
  for (const m of sentence.matchAll(BREAK)) {
    const up = /up|higher/i.test(m[1] ?? "");
    said.push([m[0], up ? "above" : "below", up ? "upper" : "lower", m.index!]);
  }
  // Patterns overlap ("closed under the lower" and "closed under the lower band"; Swedish "under
  // det nedre bandet"): a stretch of words is read once, by the first pattern that found it.
  const read: Array<[number, number]> = [];
  for (const [words, side, key, at] of said) {
    const end = at + words.length;
    if (read.some(([from, to]) => from < end && at < to)) continue;
    read.push([at, end]);
    const head = sentence.slice(0, end);
    if (SUPPOSED.test(head) || DENIED.test(sentence.slice(0, at))) continue;
    const level = f[key];
    if (typeof level !== "number") continue;
    // Outside a band is above the upper or middle one, below the lower one.
    const outside = key === "lower" ? close < level : close > level;
    const holds = side === "above" || side === "over"
      ? close > level
      : side === "below" || side === "under"
      ? close < level
      : /^(?:outside|through|out|beyond|past)/.test(side)
      ? outside
      : !outside;
    if (!holds) out.push(`"${words}" with the close at ${close} and the ${key} band at ${level}`);
  }
  return out;
}
