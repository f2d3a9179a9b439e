/**
 * Whether the words around a figure put it in the past: "from 89,700",
 * "was 57 a day ago", "the day before", "24h前は", "ontem estava em". A past
 * value of the insight is allowed only with such words, and a current one
 * only without them. English first, then Spanish, Portuguese, French,
 * German, Japanese, Chinese and Korean, for drafts people write.
 */

export interface Tense {
  past: boolean;
  /**
   * Either tense fits: set against another figure ("vs 12.1K"), or after a
   * bare "was" that narrates ("the close was 94,401").
   */
  anyTense: boolean;
}

// "from" marks a past value only right before it ("from 89,700"), not in "3 sigmas from the band";
// so does "after" ("closing at 39.74 after 36.82").
// Spanish, Portuguese, French, German, Japanese, Chinese and Korean past words follow the
// English ones: "ayer", "ontem estava em", "la veille", "gestern", "前日の", "24h前は", "어제".
// "prev" is how a terse line says it ("prev 49"), and a label for the window's first value
// ("Start of the window: 1.3284", "open: 89,700", "Start: XNO closed at 13.46", "Starting
// close:") puts that value at its start, and so does "zu Beginn" before or after it; French "hier" only
// before what follows it in French, since German "hier" is "here". Russian, Ukrainian, Turkish and Indonesian close the list:
// "было 9.87, сейчас 10.63" (was, now), "dün 71" (yesterday), "kemarin" (yesterday). Their
// check that no letter stands before them comes after the word: tried at every place, it is slow.
const PAST_WORDS =
  /\b(previous(?:ly)?|prev|prior|earlier|before|ago|yesterday|last reading|used to|had been|ayer|ontem|anterior(?:es|mente)?|antes|atrás|hace|estaba|estava|desde|la veille|auparavant|pr[ée]c[ée]dent(?:es|e|s)?|gestern|vortag(?:es|s)?|vorher|zuvor|davor)\b|\bd'hier\b|\bhier (?=soir|matin|encore|à|au|il|elle|on|c'était|était)|\(was\b|\b(?:from(?: the)?|after|dari|fra|da|kutoka|de la|mula(?: sa)?|opened (?:\w+ )*?at|start(?:ed|ing) (?:\w+ )*?at)\s*\$?$|\b(?:was|were|then|before)\s?[:=]\s*\$?$|\b(?:start(?:ed)?|began|beginning|open(?:ed|ing)?)(?: of (?:the )?(?:window|period|day|session|move|range|week))?\s*[:=]\s*\$?$|\b(?:start(?:ing)?(?: (?:close|price|value|level|point))?|initial (?:close|price|value)|inicio|início|début|anfang)\s?:|\b(?:caindo|subindo|descendo|cayendo|subiendo|bajando)\s+de\s*$|\b(?:from|prev(?:ious)?|prior|dari|start(?:ing)?)\b[^:;\n]{0,20}:\s*\$?$|\breference (?:close|price|value|level)\s?:|前日|昨日|昨天|前天|(?<![目当當提午向])前(?![後\d一二三四五六七八九十])|어제|이전|(?:시간|일|분|주)\s?전|[从從]\s*\$?$|(?:было|была|были|был|вчера|ранее|раньше|прежде|було|була|були|був|вчора|раніше|преди|бяха|бяше|по-рано|било|била|био|претходн[а-я]*|бұрын|болатын|dün|önceki|önceden)(?![а-яёіїєa-zçğıöşü])(?<![а-яёіїєa-zçğıöşü](?:было|была|были|был|вчера|ранее|раньше|прежде|було|була|були|був|вчора|раніше|преди|бяха|бяше|по-рано|било|била|био|бұрын|болатын|dün|önceki|önceden))|\b(?:zu beginn|am anfang|au début|al (?:inicio|comienzo|principio)|no início|all'inizio|aan het begin|na początku|bipo|uliopita|iliyopita|lililopita|(?:esa|sa)?ngaphambi(?:li)?|bija|aurreko)\b|өмнөх|ñawpaq|նախորդ|अघि|此前|በፊት|mboyve|va'ekue|(?<![a-z])bhí(?![a-z])|(?:^|\s)מ-\s*$|\bmai ka\s*$|முந்தைய|წინა|iepriekšēj|əvvəlki|अघिल्लो|\b(?:kemarin|sebelumnya|preceding|daarvoor|ervoor|eerder|vorige|wcześniej|wczoraj|poprzedni\w*|kahapon|ieri|pehle|prima|era|eran|erano|eram|fue|foi|forrige|prethodn\w*|bio|bila|bilo|oli|edelli\w*|ilikuwa|ulikuwa|vilikuwa|zilikuwa|walikuwa|gister|gisteren|gårdagens|från|buvo|korábban|boli|bola|bolo|abans|hôm qua|i går|igår|dříve|dřív|předtím|včera|bylo|byla|byl)\b|كان|كانا|كانت|أمس|دیروز|skôr|előző|vroeër|prieš tai|நேற்று|முன்பு|आधी|होता|होती|होते|আগের|ছিল|ก่อน|\b(?:one|a|\d+) (?:bar|candle|day|hour|session)s? (?:back|earlier)\b|\b(?:after|from) (?:reading|printing|showing|sitting at|standing at)\s*\$?$|\b(?:site na|sem var|var|từ)\s*\$?$|\b(?:saiu|partiu|veio|sali[óo]|parti[óo]|vino|caiu|subiu|desceu|recuou|cay[óo]|subi[óo]|baj[óo]|retrocedi[óo])\s+(?:de|da|do|del|desde)\s*\$?$|(?:упал[аио]?|вырос(?:л[аио])?|снизил\S*|поднял\S*|опустил\S*|впав|виріс|зріс|знизи\S*)\s+(?:на\s+[\d.,]+\s+(?:пункт\S*\s+)?)?(?:с|со|от|з|від)\s*$|(?<![a-ząćęłńóśźżčřšůý])(?:spadek|wzrost|pokles|nárůst|růst)\s+o\s+[\d.,]+\s+(?:pkt|punkt[a-zó]*|bod[a-zů]*)\s+z\s*$|(?<![a-zà-ÿ])(?:était|étaient|valait)(?![a-zà-ÿ])|(?<![a-zåäö])(?:förra|förre|föregående)(?![a-zåäö])|(?<![a-zçğıöşü])önce(?![a-zçğıöşü])|до этого|до того|перед этим|上次|上回|पहले|पहिले|पिछल(?!\S*\s+\d)|ယခင်|قبل|السابق|پیش|trước|จาก|попередн|предыдущ|bzw\.?\s*$|직전|전일|前一日|前一根|前一个|前一個|上一根|上一个|上一個|上一读数|上一讀數|较上一|較上一|前一次|上一次|之前|前一天|plus tôt|\bvorherig|\bsebelum\b|پچھل|προηγούμεν|\bnaunang|\bedellinen|\bpředchozí|הקודם|קודם|הקודמ|קודמת|שלפני|לפני|אתמול|เมื่อวาน|(?:^|\s)από\s*$/gi;
const LATEST_WAS =
  /(?<![\p{L}])(?:latest|newest|most recent|current|último|última|ultimo|ultima|dernier|dernière|letzte\p{L}*|aktuelle\p{L}*)(?![\p{L}])[^.;\n\d]{0,30}(?<![\p{L}])(?:was|were|fue|foi|era|war|était|a été)\s+(?:de\s+|at\s+)?\$?$/iu;
const WAS = /\b(?:was|were)\s+(?:(?:at|around|near|about|roughly)\s+)?\$?$/i;
// "34, now" puts 34 in the present; "prev: 49 (n: 11) now: 72" labels the next figure instead.
const NOW_AFTER = /^[^.\n;,]{0,12}\b(now|currently|today)\b(?!\s*[:=]?\s*[-+$]?\d)/i;
const NOW =
  /\b(to|now|latest|current(?:ly)?|today|(?:is|sits|sitting|stands|trades|trading|hovers|hovering) (?:at|near|around|about|close to)|last at|(?<!\b(?:previous|prior|earlier|old)\s(?:\w+\s){0,2})reads|closes at|closing at|close is|ahora|agora|actualmente|atualmente|actual|atual|actuel|actuelle|attuale|hoy|hoje|maintenant|actuellement|aujourd'hui|jetzt|aktuell|derzeit|heute|zuletzt)\b|→|->|現在|现在|目前|当前|當前|현재|지금|الحالي|الحالية|فعلی|کنونی|वर्तमान|hiện tại|(?:сейчас|теперь|сегодня|şimdi|bugün)(?![а-яёa-zçğıöşü])(?<![а-яёa-zçğıöşü](?:сейчас|теперь|сегодня|şimdi|bugün))|直近|最新|\b(?:sekarang|saat ini|hari ini|most|nou|nu)\b/gi;
// "before" looks back ("the day before") unless a time to come follows ("before the week is out",
// "before tonight's stream", "before next week's print").
const BEFORE = String
  .raw`before(?!\s+(?:next\s|tomorrow|tonight|(?:the\s+|this\s+)?(?:week|weekend|month|year|day|long|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b(?!'s)))`;
const PAST = new RegExp(PAST_WORDS.source.replace("|before|", `|${BEFORE}|`), "gi");
const PAST_AFTER = new RegExp(
  String
    .raw`^[^.\n;]{0,30}?(?:\b(ago|earlier|${BEFORE}|prior(?!\s+to\b)|previous(?:ly)?|yesterday|last (?:week|night|month|time|reading|close)|anterior|antes|atrás|ayer|ontem|la veille|gestern|am vortag|zuvor|vorher|davor|sebelumnya|yang lalu|daarvoor|ervoor|før|innan|pr[ée]c[ée]dente?s?|anteriores|zu beginn|am anfang|al (?:inicio|comienzo|principio)|no início|au début|all'inizio|aan het begin|na początku)(?![a-zà-ÿ])|(?:trước|قبل|السابقة|پیش|पहले|بود)|\bwhen\b[^.\n;]{0,25}\b(?:began|started|opened)\b|\b(?:ieri|tha|kahapon|kemarin|prima|i går|igår|iliyotangulia|uliotangulia|volt|voorheen|vorige|preceding|tidigare|tidligere|aiemmin|dříve|înainte|nakaraan|karqan|teo aloha|gara aga)\b|იყო|ពីមុន|mboyve|էին|էր|थियो|ነበር|הקודמ|ma mua|roimhe sin|^\s*से(?![\u0900-\u097F])|wcześniej|skôr|(?:تھا|تھی|تھے)|אתמול|เมื่อวาน|προηγούμεν|\bgisteren\b` +
    // Russian "9.87 назад"/"ранее", Turkish "71 idi" (was 71), "24 saat önce" (24 hours ago).
    String
      .raw`|(?:назад|ранее|idi|önce|önceydi)(?![а-яёa-zçğıöşü])(?<![а-яёa-zçğıöşü](?:назад|ранее|idi|önce|önceydi)))` +
    // An arrow after a figure leads to the current one: "89,700 → 94,401", not "34 → Fear";
    // the quote currency may stand between them ("104,715.29 USDT → 98,392.74").
    String
      .raw`|^\s*(?:[A-Z]{2,5}\s*)?(?:→|->)(?=\s*[-+$]?\d)|^\s*(?:back )?then\b|^\s*at the (?:time|start|open)\b` +
    // Japanese, Korean: "57から" (from 57), "57에서".
    String.raw`|^\s*(?:ドル|円|美元|달러)?\s*(?:から|より|에서)` +
    // "0.08614 was the fast average on the candle before": the figure is the subject of "was".
    String.raw`|^\s*(?:was|were|had been)\b`,
  // Not "u": read for every figure, this pattern runs several times slower in Unicode mode.
  "i",
);
const LABELS_NEXT =
  /^[\p{L}\p{M}]*(?:\s(?:reading|close|value|level|print|figure|score|mean|average))?\s?[:=]?\s?[-+$]?$/u;
// A past word after a figure that leads into the next one is that one's: "34, yesterday it was 57".
const LEADS_ON = /\b(?:was|were|had been|stood|sat|read|estaba|estava)\b/i;
// "de 3.41 a 3.75", "de 3.41 para 3.75", Dutch "van 0.002768 naar 0.003004": the first is where the
// move started.
// Romanian says "de la +0.15 la -0.21".
const FROM_BEFORE = /\b(?:de|desde|del|de la|van)\s*\$?$/i;
const TO_AFTER = /^\s*(?:dólares|usd)?\s*(?:a|al|ao|para|hasta|até|la|naar)\s+\$?[-+]?\d/i;
const COMPARED =
  /(?:\b(?:vs\.?|versus|față de|compared with|compared to|against|reference (?:close|price|value|level)\s?:|than|frente a|comparado con|comparado com|contra|contre|contro|par rapport à|wobec|w porównaniu z|mot|jämfört med|sammenlignet med|idan aka kwatanta da|gegenüber|verglichen mit|im vergleich zu|tegen(?:over)?|karşı(?:sında)?|dibanding(?:kan)?|ante|teenoor)|(?<![\p{L}])(?:έναντι|против|проти|порівняно з|в сравнении с|so với|مقابل|در برابر|در مقابل|बनाम|के मुकाबले|לעומת|ធៀបនឹង|rispetto a|ten opzichte van))\s*\$?$/iu;
// "compared with the last reading of 34", "gegenüber dem letzten Wert von 34": the same, with the
// figure's noun between.
const COMPARED_NOUN =
  /\b(?:vs\.?|versus|compared (?:with|to)|against|than|gegenüber|verglichen mit|im vergleich zu|frente a|comparado con|comparado com|par rapport à|față de|rispetto a)(?:\s+[\p{L}'’]+){1,3}\s+(?:of|at|von|bei|de|di|da|van|od)\s*\$?$/iu;
// "(-0.12) and of 14 in the latest one": the window named after the figure is the current one.
const LATEST_AFTER =
  /^\s*(?:[\p{L}]+\s+){0,2}?(?:in|for|over|across|during) the (?:latest|current|newest|most recent|recent) (?:one|window|period|batch|stretch|day|hours?)\b/iu;
// "Change = +0.21 − (-0.13)": an operand of a formula is an input of any tense. A minus sign counts
// only before a bracket, since "3.41 - 3.75" is a range.
const OPERAND = /^\s*\)?\s*(?:-\s*\(|[÷×]\s*\(?)\s*$/;
const THAN_AGO = /\bthan\s+(?:an?|one|\d+\s?\w*)\s*\w*\s+ago\b/gi;

/**
 * The tense of a figure from `before` (its sentence up to it, to a semicolon),
 * `own` (its words since the previous figure), `rest` (its clause after it)
 * and `afterValue` (that clause up to the next value); `since` is the text since the figure before,
 * across a bracket.
 */
export function tenseOf(
  before: string,
  own: string,
  rest: string,
  afterValue: string,
  since = own,
): Tense {
  const pastAfter = pastAfterOwn(rest, afterValue);
  // "higher than an hour ago" compares; it does not put what follows in the past.
  const words = before.replace(THAN_AGO, " ");
  const past = pastAfter || (FROM_BEFORE.test(own) && TO_AFTER.test(rest)) ||
    (!NOW_AFTER.test(rest) && !LATEST_AFTER.test(rest) &&
      lastMatch(words, PAST) > lastMatch(words, NOW));
  // "The pair's latest close was 133.62", "el último cierre fue de 17.83": "was" narrates a value
  // its own words call the latest.
  if (LATEST_WAS.test(own)) return { past: false, anyTense: false };
  return {
    past,
    anyTense: COMPARED.test(own) || COMPARED_NOUN.test(own) || OPERAND.test(since) ||
      (!pastAfter && WAS.test(own)),
  };
}

/** Whether a past word after a figure is its own: before the next value, not leading into it. */
function pastAfterOwn(rest: string, afterValue: string): boolean {
  const m = PAST_AFTER.exec(rest);
  if (!m) return false;
  const end = m.index + m[0].length;
  // "-0.12 vs +0.24 the day before": the word past the next value is that value's.
  if (end > afterValue.length) return false;
  // "36 → Extreme Fear (prior reading 36", "مقدار قبلی 35" (the previous value 35): a past word
  // right before the next value, with at most its noun between, labels that one; an arrow does not.
  if (
    afterValue.length < rest.length && /\p{L}$/u.test(m[0]) &&
    LABELS_NEXT.test(afterValue.slice(end))
  ) return false;
  return !LEADS_ON.test(afterValue.slice(end));
}

/** Where the last match of the global `re` in `text` starts, or -1. */
function lastMatch(text: string, re: RegExp): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    at = m.index;
    if (m[0] === "") re.lastIndex++;
  }
  return at;
}
