/**
 * Finds every figure in normalized draft text and says what kind of figure
 * it is from how it is written: a value with its unit and scale, a window
 * ("24h", "20-day"), a detector setting ("RSI(14)", "SMA20"), an ordinal, a
 * clock time or a date. Which fact it claims is decided later (_bind.ts).
 */
import { AND } from "./_and.ts";

export type Kind = "value" | "window" | "setting" | "ordinal" | "time" | "date" | "scale";
export type ShownUnit = "pct" | "money" | "plain" | "ratio" | "pp" | "points";

export interface Figure {
  text: string;
  start: number;
  end: number;
  kind: Kind;
  value: number;
  /** Half a unit of the last digit shown, scaled. */
  tolerance: number;
  /** Digits shown, leading zeros aside: "$0.1M" shows 1. */
  significant: number;
  unit: ShownUnit;
  /** Written with a K/M/B suffix or a scale word. */
  scaled?: boolean;
  /** -1 or +1 when written with a sign, else 0. */
  sign: number;
  /** Window length in hours, for kind "window". */
  hours?: number;
  /** A window naming the chart ("the 4H chart", "on the 1D"), not the span of a claim. */
  label?: boolean;
  /** A setting counted in candles ("20 candles", "24 straight bars"), not in hours or sigmas. */
  bars?: boolean;
  /** A run of candles or days in one direction ("9 green candles in a row"): history. */
  streak?: boolean;
  /** Hours of each candle a setting names with its unit ("the 20-day SMA": 24). */
  candleHours?: number;
  /** The hundred of a percent formula ("÷ old × 100"). */
  formula?: boolean;
  /**
   * A whole number right before "at" and another figure ("la media a 20 è a 0.5532, quella a 50
   * a 0.5518", "the 50 at 27.24"): it may name what the next figure is, as a setting does.
   */
  labelsNext?: boolean;
}

// A dash glued to a word before a whole number is a hyphen, not a sign: "trailing-20", "RSI-14";
// before a percent, a decimal or a dollar sign it is still one after a capital ("ETH-3.2%") but
// not after a small letter (Zulu "ku-2.2B", "ingu-0.004612"), and so it is after a script without
// hyphens ("24hで–9.8%"). The letter before a dash is looked at only once a dash
// is found: looked at before every character, it slows the whole read.
const NUMBER =
  /(?<![\p{N}.,])((?:\+|-(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{N}]-)|-(?<![\p{Script=Hebrew}\p{Ll}]-)(?=\$|\d[\d,]*(?:\.\d|\s?%)))(?=[$\d]))?(\$)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/gu;
const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mln: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};
const WINDOW_LETTER: Record<string, number> = { h: 1, d: 24, w: 168, m: 1 / 60 };
// Units of time in the languages drafts are written in, whole words: "24 horas", "24 saatte"
// (Turkish adds its case to the word), "trong 24 giờ", "w ciągu 24 godzin", "24 ساعة", "24 घंटे".
// A word after a figure is tried against these only when it is one.
const TIME_WORDS: Array<[RegExp, number]> = [
  [
    /^(?:mins?|minutes?|minuten?|minuti|minutos?|minut[yę]?|phút|dakika\p{L}*|хвилин\p{L}*|минут\p{L}*|menit|मिनट|دقيقة|دقائق|دقیقه|dakika)$/u,
    1 / 60,
  ],
  [
    /^(?:hrs?|hours?|horas?|heures?|stunden?|saat\p{L}*|jam|час\p{L}*|год|годин\p{L}*|godzin\p{L}*|godz|uur|ore|ora|giờ|घंट[\p{L}\p{M}]*|ghant\p{L}*|tunni\p{L}*|tunti\p{L}*|ч|сат\p{L}*|сағат\p{L}*|val|तास[\p{L}\p{M}]*|ساعة|ساعات|ساعت|saa|masaa|oras|ώρ\p{L}*|ωρ\p{L}*|hodin\p{L}*|hod|óra\p{L}*|órá\p{L}*|שעות|שעה|timmar|timmarna|timmen|timme|timer|timerne|timene|uair\p{L}*|huaire|hod[íi]n\p{L}*|oră|orë\p{L}*|sat[ia]|ur[ea]?|urah|stund\p{L}*|valand\p{L}*|klukkustund\p{L}*|soat|цаг\p{L}*|საათ\p{L}*|ժամ\p{L}*|ঘণ্টা[\p{L}\p{M}]*|ঘন্টা[\p{L}\p{M}]*|மணி[\p{L}\p{M}]*|గంట[\p{L}\p{M}]*|ಗಂಟೆ[\p{L}\p{M}]*|മണിക്കൂ[\p{L}\p{M}]*|કલાક[\p{L}\p{M}]*|ਘੰਟ[\p{L}\p{M}]*|घण्टा[\p{L}\p{M}]*|පැය[\p{L}\p{M}]*|گھنٹ\p{L}*|ሰዓት|ሰዓታት|awa|awanni|wákàtí|amahora|ihora|saacad\p{L}*|siegħa|sigħat|awr|ordu\p{L}*|hores|èdtan|horaspi|aravo|ordu\p{L}*)$/u,
    1,
  ],
  [
    /^(?:days?|d[íi]as?|jours?|tage?n?|hari|gün\p{L}*|день|дня|дней|днів|дні|dni|dzie[ńn]|dnia|dagen|dag|giorni|giorno|ngày|दिन|يوم|أيام|روز|siku|araw|ημέρ\p{L}*|μέρ\p{L}*|zile|zi|dní|dňa|дена|дни|ditë\p{L}*|kun|күн\p{L}*|өдөр\p{L}*|päev\p{L}*|päivä\p{L}*|dien\p{L}*|nap\p{L}*|dagar|døgn\p{L}*|dygn\p{L}*|ימים|יום|দিন[\p{L}\p{M}]*|நாள்[\p{L}\p{M}]*|రోజ[\p{L}\p{M}]*|ದಿನ[\p{L}\p{M}]*|ദിവസ[\p{L}\p{M}]*|દિવસ[\p{L}\p{M}]*|ਦਿਨ[\p{L}\p{M}]*|දින[\p{L}\p{M}]*|ቀን|ọjọ́|izinsuku|usuku|maalin\p{L}*)$/u,
    24,
  ],
  [
    /^(?:wks?|weeks?|semanas?|semaines?|wochen?|hafta\p{L}*|недел\p{L}*|тижн\p{L}*|tygodni\p{L}*|weken|settiman\p{L}*|tuần|सप्ताह|هفته|أسبوع|wiki)$/u,
    168,
  ],
  [
    /^(?:months?|mes(?:es)?|mois|monate?n?|месяц\p{L}*|місяц\p{L}*|miesi\p{L}*|maanden?|mesi|tháng|महीन\p{L}*|ماه|شهر|mwezi|miezi|buwan)$/u,
    720,
  ],
  [
    /^(?:years?|años?|anos?|ans?|jahren?|yıl\p{L}*|год[аы]|годов|лет|рок\p{L}*|jaar|anni|năm|साल|سال|سنة)$/u,
    8760,
  ],
];
// Scripts written without spaces: the unit opens what follows ("24小时内", "24시간", "24 ชั่วโมงที่ผ่านมา").
const TIME_PREFIX: Array<[RegExp, number]> = [
  [/^\s?(?:分钟|分鐘|分間|분|นาที)/u, 1 / 60],
  [/^\s?(?:小时|小時|時間|시간|ชั่วโมง|ชม\.?|ម៉ោង|နာရီ|ຊົ່ວໂມງ)/u, 1],
  [/^\s?(?:天|วัน)/u, 24],
  [/^\s?(?:週間|周|주|สัปดาห์)/u, 168],
  [/^\s?(?:ヶ月|か月|个月|個月|개월|เดือน)/u, 720],
];
const WORD_AFTER = /^-?\s?([\p{L}\p{M}]+)/u;
// Hebrew and Arabic join "the" (and "in", "and") to the noun: "24 השעות" (the 24 hours), "الساعات".
const ARTICLE = /^(?:[הבלו]{1,2}(?=[\u05d0-\u05ea]{3})|و?(?:بال|لل|ال)(?=[\u0620-\u064a]{3}))/u;
const CAPITAL_UNIT = /^(?:HRS?|HOURS?|DAYS?|WKS?|WEEKS?|MINS?|MINUTES?|MONTHS?|YEARS?)$/;

/** The unit of time right after a figure, its length in characters and its hours; or null. */
function timeUnit(after: string): { length: number; hours: number } | null {
  // Romanian puts "de" between a count of 20 or more and its noun: "24 de ore".
  const de = /^\s(?:de|di)(?=\s\p{L})/u.exec(after)?.[0] ?? "";
  const word = WORD_AFTER.exec(after.slice(de.length));
  // "line 70 DIA trades near": a word in capitals is a ticker unless it is an English unit.
  if (word && !(/^\p{Lu}{2,}$/u.test(word[1]) && !CAPITAL_UNIT.test(word[1]))) {
    const bare = word[1].toLowerCase().replace(ARTICLE, "");
    const hit = TIME_WORDS.find(([re]) => re.test(bare));
    if (hit) return { length: de.length + word[0].length, hours: hit[1] };
  }
  for (const [re, hours] of TIME_PREFIX) {
    const m = re.exec(after);
    if (m) return { length: m[0].length, hours };
  }
  return null;
}

// What may stand between a count and its candles: an adjective ("20 prior bars", "20 предыдущих
// свечей"), a preposition ("20 de perioade") or the chart ("24 1H candles", "24 × 1H").
const COUNT_LEAD = String
  .raw`(?:\s(?:closed|prior|previous|preceding|last|recent|completed|full|hourly|daily|предыдущих|последних|прошлых|попередніх|останніх|ostatnich|poprzednich|vorherigen|letzten|précédentes|dernières|precedenti|ultime|anteriores|últimas|voorgaande|laatste|önceki|föregående|foregående|předchozích|προηγούμεν\p{L}*))?(?:\s(?:de|di))?(?:\s?[×x]?\s\d{1,2}[mhdw](?=\s))?-?\s?`;
// Candles and bars in the languages drafts are written in.
const CANDLE_NOUNS = String
  .raw`(?:candle|bar|velas?|bougies?|kerzen?|świec\p{L}*|свеч\p{L}*|свіч\p{L}*|mum\p{L}*|کندل|کینڈل\p{L}*|espelm\p{L}*|žvak\p{L}*|шам\p{L}*|कँडल[\p{L}\p{M}]*|свещ\p{L}*|svieč\p{L}*|kers\p{L}*|nến|lilin|شمعة|شموع|कैंडल\p{L}*|candela|candele|κερι\p{L}*|chandelles?|kandila|svíč\p{L}*|c?[gh]?ann?wyll\p{L}*|canhwyllau|পিরিয়ড[\p{L}\p{M}]*|სანთ\p{L}*|கேண்டில்[\p{L}\p{M}]*|மெழுகுவர்த்தி[\p{L}\p{M}]*|נרות|ক্যান্ডেল\p{L}*|ljus(?:en)?|kynttil\p{L}*|küün\p{L}*|gyertyá\p{L}*|kaars\p{L}*|แท่ง|cây nến|mshumaa|mishumaa|টি\s?ক্যান্ডেল[\p{L}\p{M}]*)`;
// Candles, bars and periods.
const CANDLE_WORDS = String
  .raw`(?:${CANDLE_NOUNS}|पीरियड[\p{L}\p{M}]*|period|session|per[íi]odos?|p[ée]riodes?|per[íi]odes|perioden?|periodi|periode|okres\p{L}*|periyot\p{L}*|fter[aā]t?|فترة|فترات|perioade|perioder|perioders|steps?)s?(?![\p{L}])`;
// "the 20 and 50 SMA", "20 ve 50 periyotluk": the first of two lengths joined by "and".
const PAIR_AFTER = new RegExp(
  String
    .raw`^-?\s(?:${AND}|&|vs\.?|versus)\s(?:the\s)?\d{1,3}-?\s?(?:period|periyot|candle|bar|day|session|moving|(?:s|e)?ma\b|${CANDLE_WORDS})`,
  "iu",
);
const SETTING_WORD = new RegExp(
  String
    .raw`^:?${COUNT_LEAD}${CANDLE_WORDS}|^(?:\s(?:and|&|\/)\s\d+)?[ \t]?-?(?:s|e)?mas?\b|^er(?:-?(?:s|e)?ma\b|\s)|^\s(?:moving averages?)\b|^\s?-?(?:std ?devs?|standard deviations?|deviations?|sigmas?|σ)(?![\p{L}])`,
  "iu",
);
// Candles counted in Korean, Japanese and Chinese: "20개 캔들", "20本の足", "14期間"; "根" counts
// candles on its own ("20根均量", the mean of 20 candles).
const SETTING_OTHER =
  /^\s?(?:개\s?)?(?:캔들|봉|이평선|이평|일선)|^\s?แท่ง|^\s?(?:本|根)|^\s?(?:期間|周期|기간)/;
const LAST_N = /\bthe (?:last|previous|past|prior|preceding)\s$/i;
const BARS_WORD = new RegExp(String.raw`^${COUNT_LEAD}${CANDLE_WORDS}`, "iu");
// "24 straight candles", "5 green days": a streak, which is history, not a setting.
const STREAK_AFTER =
  /^\s(?:straight|consecutive|successive|green|red|rising|falling|bullish|bearish|higher|lower|up|down)\s(?:candle|bar|session|day|week|close|hour)s?\b/i;
// "a 14-candle streak", "9 candles in a row", and "streak now 24 candles long" below.
const STREAK_TAIL =
  /^-?\s?(?:candle|bar|session|day|week|close|hour)s?\s+(?:(?:\w+\s)?streak|in a row|running)\b/i;
// "24 velas seguidas", "20 Kerzen in Folge": a streak in the other languages drafts are written in.
const STREAK_OTHER =
  /^\s?(?:velas?|días|dias|horas|bougies|jours|kerzen|tage|свеч\p{L}*|mum\p{L}*|nến)\s+(?:seguid[oa]s|consecutiv[oa]s|de seguido|d'affilée|consécutive?s|in folge|hintereinander|подряд|üst üste|liên tiếp)(?![\p{L}])/iu;
// "die 4. Kerze in Folge": a German ordinal, its dot and the noun of the streak.
const STREAK_ORDINAL = /^\.\s(?:kerze|stunde|sitzung|tag|woche)\s+in folge(?![\p{L}])/iu;
const STREAK_BEFORE = /\bstreaks?\b[^.!?\n\d]{0,25}$/i;
const STREAK_COUNT = /^-?\s?(?:candle|bar|session|day|week|close|hour)s?\b/i;
// "20/50 SMA", "the 20/50 cross", "EMA 9/21": the lengths of a pair of averages, not a date.
const PAIR_TAIL = /^\s?-?(?:(?:s|e|w)?mas?\b|moving averages?|(?:golden |death )?cross)/i;
const AVERAGE_BEFORE = /\b(?:s|e|w)?mas?\s?$/i;
// "First time in 20 sessions", "highest in 14 candles", "since the 24th": a comparison with history,
// not a setting; not "since the bands sit 2 standard deviations", where "since" is "because".
const HISTORY_BEFORE =
  /\b(first|highest|lowest|best|worst|biggest|largest|strongest|weakest|(?<!\bat )(?:most|least)|record|time|ever|seen)\b[^.\n,;:]{0,20}$|\bsince(?:\s(?:the|a|an|its|day|bar|candle|week|hour))?\s$/i;
// "The 20 candles before it averaged 14.2K" is the baseline, not history.
const HISTORY_AFTER =
  /^-?\s?(?:candle|bar|session|period|day|week)s?\s+(?:before|ago|earlier|prior)\b(?!\s+(?:it|this|that|the (?:spike|candle|cross|move|breakout)))/i;
// A hyphen may join a setting to its name ("RSI-14"), and a trailing or rolling window is a
// length ("trailing-20 mean", "rolling 30").
// Moving averages in the other languages drafts are written in: "Скользящие 20 и 50".
const AVERAGE_WORDS = String
  .raw`(?:میانگین\s?متحرک|κινητ\p{L}* μέσ\p{L}*(?: όρ\p{L}*)? των|скользящ\p{L}*|ковзн\p{L}*|medias? m[óo]vil\p{L}*|médias? m[óo]ve\p{L}*|moyennes? mobiles?|gleitende\p{L}*|hareketli ortalama\p{L}*|średni\p{L}* krocz\p{L}*|voortschrijdend\p{L}* gemiddeld\p{L}*|المتوسط(?:ات)? المتحرك\p{L}*|मूविंग एवरेज|移動平均線?|均线|移动平均线?|이동평균선?|rata-rata bergerak|medie mobili)`;
const SETTING_BEFORE = new RegExp(
  String
    .raw`(?:\b(?:s|e|w)?ma\s?(?:\(|de\s|di\s|of\s|du\s|von\s)?|\bbb(?=$)|\b(?:fast|slow|avg|mean|sma|ema)\s?[\[(]|[μσ]\s?\(|المتوسط\s|\b(?:rsi|ifr)(?:\s?\()?|\b(?:bb|bollinger|bands?)\b[^.\n()\d]{0,20}\(\d+,\s?|period of\s|averaging\s|\brsi\s|--period\s|\bperiod\s|\bk\s?:\s?|봉\s?|\bcea pe\s|القوة النسبية\s?\(?|jumlah candle[^:\n]{0,8}:\s?|(?:period|length|len|look-?back|mult|multiplier|window h(?:ours|rs)?)\s?:\s?|settings?:[^.\n]*|\b(?:trailing|rolling|look-?back)\s?|(?:^|[^\p{L}])(?:periode|periodo|período|période|periyod\p{L}*|періодом|периодом|دوره‌?ی?|chu kỳ|अवधि)\s?|(?:^|[^\p{L}])(?:candles|bars|velas|bougies|kerzen|свечей|świec)(?![^:\n]{0,24}(?:in a row|streak|straight|consecutive))[^:\n]{0,24}:\s?|(?:^|[^\p{L}])(?:length|std ?dev)[^:\n\d]{0,20}(?:\d{1,3}\s?\/\s?)?|(?:^|[|·•\]]\s?)(?:bars|candles|periods?|velas|свечей)\s|(?<![\p{L}])(?:mishumaa|mshumaa)\s|(?<![\p{L}])àb\p{L}\p{M}?là\s|(?<![\p{L}])(?:fìtílà|kānara)\s|(?:ال)?شم(?:وع|عة)\s?(?:الـ?)?|(?<![\p{L}])quell[aoie] (?:a|di|da)\s|khandlela\s\p{L}{2,6}|期間|期间|周期|기간|(?<![\p{L}])میانگین\s|${AVERAGE_WORDS}(?:\s\d{1,3}\s(?:and|&|и|і|e|y|und|et|ve|và|dan|i|en|و|और))?\s?)-?$`,
  "iu",
);
// The first of a pair of band settings, as in "Bollinger band (20, 2)".
// "Bands on ETH (20, 2)": the asset may stand between the name and its settings.
// "(BB 20, 2)", "（布林带 20, 2）": the name inside the bracket, before the pair.
const BAND_NAME = String
  .raw`(?:\b(?:bb|bollinger|bands?)\b|布林带|布林帶|ボリンジャー(?:バンド)?|볼린저(?:\s?밴드)?)`;
const BAND_PAIR_BEFORE = new RegExp(
  String.raw`${BAND_NAME}[^.\n()\d]{0,20}\($|\(\s?${BAND_NAME}\s$`,
  "i",
);
const BAND_PAIR_SECOND = new RegExp(String.raw`\((?:\s?${BAND_NAME}\s)?\d{1,3}[,、]\s?$`, "i");
const OUT_OF = /(?:(?<![\p{L}])(?:out of|of|from|из|з|von|sur|su|de|van|na|z|sobre)|\/)\s?$/iu;
const SCALE_TO =
  /^\s?(?:\([^)\n]{0,30}\)\s?)?(?:to|until|till|through|hanggang|έως|ως|tot|až|és|-|–|—|and|a|à|al|ao|bis|até|hasta|до|~|〜|から|到|~)\s?\+?(100|1)(?![\d.,]\d|\d|%)/i;
const LABELS_NEXT =
  /^,?\s?(?:(?:è|is|est|ist|está|sits|stands)\s)?(?:at|a|à|em|en|bei|auf|de|di)\s\$?\d|^\s?\(\$?\d/i;
// "de 163 a 171", "from 163 at ...": the start of a range, which is a value of its own; not "e a de
// 50 em 0.08449" (and the 50's at 0.08449), where an article stands before "de".
const RANGE_FROM =
  /(?<!\b(?:la|el|le|il|lo|las|los|les|quella|quello|a|o|as|os|media|média|moyenne|mean|average)\s)\b(?:de|desde|from|von|da|di|dal|du)\s*\$?$/i;
const GLUED_LETTERS = /[A-Za-z]+$/;
const MONEY_AFTER = /^\s?(?:cents?|¢|usdt?|usdc|dollars?)(?![\p{L}])/iu;
// Month names; "May" only capitalized, since "may" is also a verb.
const MONTH = String
  .raw`(?:(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\.?|May|MAY)`;
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH}\s$`);
// "3 de diciembre", "3 décembre", "3. Dezember": month names of the other languages drafts use.
const MONTH_OTHER = String
  .raw`(?:\.?\s(?:de\s)?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre))`;
const MONTH_AFTER = new RegExp(
  String.raw`^(?:(?:st|nd|rd|th)?(?:\s+of)?\s+${MONTH}|${MONTH_OTHER})(?![\p{L}])`,
  "iu",
);
const DAY_OR_YEAR_AFTER = /^(?:st|nd|rd|th)?(?:,?\s\d{4}(?!\d))?/i;

/** Every figure in `text`, in order. */
export function readFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, sign = "", dollar = "", digits, decimals = ""] = m;
    const start = m.index!;
    // The "12" of "3/12" or the "00" of "00:00" belongs to the figure before it.
    if (start < (out.at(-1)?.end ?? 0)) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(start + whole.length, start + whole.length + 40);
    const base = {
      start,
      text: whole,
      value: Number(`${digits.replaceAll(",", "")}.${decimals || "0"}`),
      tolerance: 0.5 * 10 ** -decimals.length,
      significant: (digits.replaceAll(",", "").replace(/^0+/, "") + decimals).replace(/^0+/, "")
        .length,
      sign: sign === "-" ? -1 : sign === "+" ? 1 : wordSign(before),
      unit: (dollar ? "money" : "plain") as ShownUnit,
    };
    out.push(shape(base, before, after, start + whole.length));
  }
  return out;
}

// "plus 18 Punkte", "minus 18 points": a sign written as a word.
const SIGN_WORD = /(?<![\p{L}])(plus|minus|moins)\s$/iu;

function wordSign(before: string): number {
  const m = SIGN_WORD.exec(before);
  return m === null ? 0 : m[1].toLowerCase() === "plus" ? 1 : -1;
}

type Base = Omit<Figure, "kind" | "end">;

function shape(f: Base, before: string, after: string, end: number): Figure {
  // Settings, ranks and counts are whole numbers: "SMA (0.7362)" is a level, "SMA (20)" a setting.
  const whole = !/\./.test(f.text);
  const at = (kind: Kind, length: number, extra: Partial<Figure> = {}): Figure => ({
    ...f,
    kind,
    end: end + length,
    text: f.text + after.slice(0, length),
    ...extra,
  });
  let m: RegExpExecArray | null;
  // "9 pm" is a clock time, but not "-0.11 am Vortag" (German "on the day before"): an hour is a
  // whole number from 1 to 12 without a sign.
  const hour = whole && f.sign === 0 && f.value >= 1 && f.value <= 12;
  if (
    (m = /^:\d{2}(?::\d{2})?\s?(?:am|pm|utc)?/i.exec(after) ??
      (hour ? /^\s?(?:am|pm)\b/i.exec(after) : null))
  ) {
    return at("time", m[0].length);
  }
  // "Percent change = (new − old) ÷ old × 100": the formula's hundred.
  if (f.value === 100 && f.sign === 0 && /[×*]\s?$/.test(before)) {
    return at("scale", 0, { formula: true });
  }
  // "n = 4": a sample's size, in candles or in articles.
  if (whole && /(?<![\p{L}])n\s?[=:]\s?$/u.test(before)) return at("setting", 0, { bars: true });
  // "Ranked 1", "rank: 1", "Rank: ▲1": a rank.
  if (/\brank\s?[:=]?\s?[▲▼↑↓]?\s?$/i.test(before) && f.value < 100 && whole) {
    return at("ordinal", 0);
  }
  // "RSI runs from 0 to 100", "a 0-100 gauge", "between -1 and +1": the range of a scale, which
  // the metric defines, not a reading of the market.
  if (
    ((f.value === 0 && f.sign === 0) || (f.value === 1 && f.sign === -1)) &&
    (m = SCALE_TO.exec(after)) && Number(m[1]) === (f.value === 0 ? 100 : 1)
  ) {
    return at("scale", m[0].length);
  }
  // "29 out of 100", "29 из 100", "29/100" name the scale's top after a reading.
  if (f.value === 100 && f.sign === 0 && OUT_OF.test(before)) return at("scale", 0);
  // "March 27", "Mar 27th, 2025", "27 March", "March 2024": dates, not figures.
  const day = /^\d{1,2}$/.test(f.text) && f.value >= 1 && f.value <= 31;
  const year = /^\d{4}$/.test(f.text);
  const month = (day || year) ? MONTH_BEFORE.exec(before) : null;
  if (month) {
    const date = at("date", day ? DAY_OR_YEAR_AFTER.exec(after)![0].length : 0);
    return { ...date, start: date.start - month[0].length, text: month[0] + date.text };
  }
  if (day && (m = MONTH_AFTER.exec(after))) return at("date", m[0].length);
  if (averagePair(before, after)) return at("setting", 0);
  if (
    STREAK_AFTER.test(after) || STREAK_TAIL.test(after) || STREAK_OTHER.test(after) ||
    (whole && STREAK_ORDINAL.test(after)) ||
    (STREAK_BEFORE.test(before) && STREAK_COUNT.test(after))
  ) {
    return at("date", 0, { streak: true });
  }
  // "Ranked #24", "the #1 gainer", "ranks No. 4", "Nr. 4": a rank.
  if (/#$|(?<![\p{L}])(?:No\.|Nr\.?|Nº|N°)\s?$/u.test(before)) return at("ordinal", 0);
  // "Top 2:", "bottom two": how many ranks of the list are shown, checked as a rank.
  if (whole && /\b(?:top|bottom)\s$/i.test(before) && !/^[\p{L}%$]|^\s[%$]/u.test(after)) {
    return at("ordinal", 0);
  }
  // "12/100" is a score out of 100, not a date.
  if (/^\/100(?!\d)/.test(after)) return at("value", 4);
  // "21.08/19.34", a pair of levels, is not a date.
  if (whole && (m = /^\/\d{1,4}(?:\/\d{2,4})?(?!\d|\.\d)/.exec(after))) {
    return at("date", m[0].length);
  }
  if ((m = /^(st|nd|rd|th)\b/i.exec(after))) {
    // "since the 1st" is a day of the month, not a rank.
    const day = /\b(since|on|from|until|till|by|before|after)\s(the\s)?$/i.test(before);
    return at(day ? "date" : "ordinal", m[0].length);
  }
  // "x4.5" and "| ×4.5": a multiple, where no figure stands before the sign ("24 × 1H").
  if (
    (GLUED_LETTERS.test(before) && /^(x)$/i.test(GLUED_LETTERS.exec(before)![0])) ||
    // "x=4.3": a multiple labelled by its letter; not "x = 48.1M", a formula's term for the
    // volume, nor "on x: -2.9%", a percent after the platform's name.
    (/(?<![\p{L}\p{N}])x\s?[=:]\s?$/iu.test(before) && !/^\s?[%kmb]/i.test(after)) ||
    /(?<!\d\s*)(?:^|[\s(|:])×\s?$/.test(before)
  ) {
    return at("value", 0, { unit: "ratio" });
  }
  // "The 20- and 50-period averages", "the 20 and the 50 moving averages", "20 vs 50 SMA": two
  // lengths named once.
  if (
    whole &&
    PAIR_AFTER.test(after)
  ) {
    return at("setting", 0);
  }
  // "פי 4.1" (4.1 times), Swahili "mara 3.5", Yoruba "ìlọ́po 4.2": the word comes before the figure.
  if (/(?:פי|(?<![\p{L}])(?:mara|ìl[\p{L}\p{M}]*po))\s?$/u.test(before)) {
    return value({ ...f, unit: "ratio" }, after, at);
  }
  // "the 20 before it carried 688.1 on average": the candles a baseline averages.
  if (whole && /^\s(?:before|preceding|prior to)\s(?:it|this|that)\b/i.test(after)) {
    return at("setting", 0, { bars: true });
  }
  // "the latest 24 hours with the 24 before": a window named again by its number alone.
  const named = whole && /^\s(?:before|prior|earlier|preceding)\b/i.test(after)
    ? new RegExp(`(?<![\\d.])${f.text}\\s?(hours?|h|days?|d)(?![\\p{L}])`, "iu").exec(
      before.slice(-80),
    )
    : null;
  if (named) return window(at, 0, /^h/i.test(named[1]) ? 1 : 24, false);
  // "la media delle 20 precedenti" (of the 20 before), "where the last 20 averaged 9.2M": the
  // candles a baseline averages, named after their count or by the verb that averages them.
  if (
    whole && (PRECEDING_AFTER.test(after) ||
      (/\b(?:last|previous|prior|preceding)\s$/i.test(before) &&
        /^\s(?:averaged|averages|average|avg)\b/i.test(after)))
  ) {
    return at("setting", 0, { bars: true });
  }
  // "4.4x the average of the previous 20.": a count of candles the sentence already names.
  if (
    whole && /\b(?:previous|prior|preceding)\s$/i.test(before) &&
    /^\s*(?:[.,;:)]|$)/.test(after)
  ) {
    return at("setting", 0, { bars: true });
  }
  // "(20, 2)" after a band's name in any language: its period and its width.
  const pair = (BAND_PAIR_BEFORE.test(before) && /^[,、]\s?\d/.test(after)) ||
    (whole && /\($/.test(before) && /^,\s?±?\d{1,2}σ?\)/.test(after)) ||
    (whole && BAND_PAIR_SECOND.test(before) && /^σ?\)/.test(after));
  // "its 20-period average crossed over the 50": the other average, named by its length.
  const otherAverage = whole && AVERAGE_THE.test(before) &&
    // Not "above the 3x level", a multiple.
    !/^\s?(?:line|level|mark|threshold)\b|^\s?[x×](?![\p{L}])/iu.test(after);
  if (
    pair || otherAverage ||
    // "RSI 1D", "RSI 15M": a chart after the indicator's name, not its period; and "Settings: 20
    // periods, 2 std dev; WOO is at 18 cents" ends the settings at a price.
    (whole && SETTING_BEFORE.test(before) && !/^[mhdw](?![\p{L}\p{N}])/iu.test(after) &&
      f.unit !== "money" && !MONEY_AFTER.test(after)) ||
    // "(upper − middle) ÷ 2": a divisor in a formula written in words is the setting it divides by.
    (whole && /[\p{L})]\s?(?:÷|divided by)\s?$/iu.test(before)) ||
    (whole && SETTING_WORD.test(after)) ||
    // "4.2 times a normal bar going by the last 20.", "average of the last 20: 356.9K": a count of
    // bars that ends its clause, with no noun after it to name anything else.
    (whole && LAST_N.test(before) && /^\s*(?:[.,;:)!?]|$)/.test(after)) ||
    SETTING_OTHER.test(after)
  ) {
    const history = HISTORY_BEFORE.test(before) || HISTORY_AFTER.test(after);
    const bars = BARS_WORD.test(after) || SETTING_OTHER.test(after);
    return history ? at("date", 0) : at("setting", 0, bars ? { bars } : {});
  }
  // "x10", "4.4 times", Korean "4.4배", Japanese and Chinese "4.4倍", Spanish "5.8 veces",
  // Portuguese "vezes", French "fois", German "mal" and "4.6-fach", Indonesian "kali", Turkish
  // "kat", Russian "раза", Romanian "ori", Mongolian "дахин", and so on for the languages drafts
  // are written in.
  if (
    (m =
      /^\s?(x(?!\s?\d+\s?[mhdw](?![\p{L}\p{N}]))|×(?!\s?\d)|গুণ|times|gånger|ganger|gange|kertaa|φορές|veces|vezes|fois|mal|kali|kat\p{L}*|раза?|разів|keer|volte|lần|raz[ay]?|beses|mara|गुना|گنا|أضعاف|ضعف|برابر|vegades|kart[oųu]s?|есе|पट|மடங்கு|ori|дахин|krát|krat|puta|пати|пъти|dəfə|marta|herë|korda|reizes|sinnum|darbiet|jeer|gwaith|aldiz|qat|ځله|مرة|مرات|פעמים|անգամ|ដង|ဆ|ເທົ່າ|गुणा|ગણ[ાું]+|ਗੁਣਾ|రెట్లు|ಪಟ್ಟು|മടങ്ങ്|ගුණ\p{L}*|እጥፍ|te whakarea)(?![\p{L}\p{N}])|^-?fach\p{L}*|^-?násob\p{L}*|^\s?sz[oeö]r(?:os|es|ös)?\p{L}*|^-?ჯერ|^\s?(배|倍|เท่า)/iu
        .exec(after))
  ) {
    return at("value", m[0].length, { unit: "ratio" });
  }
  // A window is a whole number of units: "-0.33 day over day" is a value.
  // Swahili puts the unit first: "ndani ya saa 24" (within 24 hours), "siku 7".
  // "RSI ya vipindi 14" (of 14 periods): a count of candles, named first.
  if (whole && /(?:^|[^\p{L}])(?:vipindi|kipindi)\s$/u.test(before)) {
    return at("setting", 0, { bars: true });
  }
  // Swahili and Hausa put the unit first too: "saa 24", "awanni 24" (24 hours), "kwanaki 7";
  // Zulu with a joining word: "emahoreni angu-24" (in the 24 hours), and Samoan "itula e 24".
  const unitBefore = whole
    ? /(?:^|[^\p{L}])(saa|siku|dakika|awanni|awa|kwanaki|kwana|mintuna|emahoreni|amahora|itula)(?:\s\p{L}{1,6}-?)?\s?$/u
      .exec(before)
    : null;
  if (unitBefore) {
    const hours = {
      saa: 1,
      siku: 24,
      dakika: 1 / 60,
      awanni: 1,
      awa: 1,
      kwanaki: 24,
      kwana: 24,
      mintuna: 1 / 60,
      emahoreni: 1,
      amahora: 1,
      itula: 1,
    }[unitBefore[1]]!;
    return window(at, 0, hours, false);
  }
  const unit = timeUnit(after);
  // "the 20-day SMA", "the 50-day (4.931)": an average's length is its setting.
  if (unit && whole && AVERAGE_AFTER.test(after.slice(unit.length))) {
    return at("setting", 0, { candleHours: unit.hours });
  }
  if (unit && whole) {
    const label = isLabel(before, after.slice(unit.length));
    return window(at, unit.length, unit.hours, label);
  }
  // A unit letter may be followed by another script: "24h前" (24h ago), "4H足" (4H candles).
  // "24 h" with a space, as French writes it.
  if (
    (m = /^([hdw]|m(?=[^A-Za-z\p{N}]|$))(?![A-Za-z\p{N}])/iu.exec(after) ??
      (whole ? /^ (h)(?![\p{L}\p{N}])/u.exec(after) : null))
  ) {
    const label = isLabel(before, after.slice(m[0].length));
    // "48.6M" is millions whatever comes before it: a window is a whole number of minutes.
    const money = (!whole && m[1] === "M") || (!label &&
      (f.unit === "money" || m[1] === "M" || /volume|\$/i.test(before.slice(-20))));
    if (!(money && m[1].toLowerCase() === "m")) {
      return window(at, m[0].length, WINDOW_LETTER[m[1].toLowerCase()], label);
    }
  }
  const read = value(f, after, at);
  return whole && read.text === f.text && LABELS_NEXT.test(after) && !RANGE_FROM.test(before)
    ? { ...read, labelsNext: true }
    : read;
}

/** Whether the figure is one of a pair of average lengths ("20/50 SMA", "SMA 20/50"). */
function averagePair(before: string, after: string): boolean {
  const first = /^\/(\d{1,3})(?!\d)/.exec(after);
  if (first) return PAIR_TAIL.test(after.slice(first[0].length)) || AVERAGE_BEFORE.test(before);
  const second = /(?<!\d)\d{1,3}\/$/.exec(before);
  return second !== null &&
    (PAIR_TAIL.test(after) || AVERAGE_BEFORE.test(before.slice(0, second.index)));
}

function window(
  at: (kind: Kind, length: number, extra?: Partial<Figure>) => Figure,
  length: number,
  unitHours: number,
  label: boolean,
): Figure {
  const figure = at("window", length);
  return { ...figure, hours: figure.value * unitHours, label };
}

const PRECEDING_AFTER =
  /^\s(?:precedent[ie]s?|précédent(?:e|s|es)|anteriores|vorherigen|voorgaanden?|poprzednich|предыдущих|попередніх)(?![\p{L}])/iu;
const AVERAGE_THE =
  /\b(?:averages?|(?:s|e)?mas?\d*)\b[^.\n\d]{0,30}\b(?:cross(?:ed|es|ing)?|over|above|below|under|through)\s+the\s$/i;
const AVERAGE_AFTER =
  /^\s?(?:(?:s|e|w)?ma\b|(?:simple |exponential )?moving average|average\b|mean\b|\(\d)/i;
// "the 4H chart", "1h candles", "on the 1D", "15M BOLLINGER": the chart a figure was read on.
const LABEL_AFTER =
  /^\s?(?:chart|candles?|bars?|timeframe|tf|close|closes|resolution|bollinger)\b|^-?\s?(?:grafiek|graf|diagram)\p{L}*|^\s?rsi(?![a-z])|^\s?(?:足|チャート|K\s?線|K\s?线|k\s?线|봉|차트|图表?|级别|級別|レベル)/iu;
// "on the 4H", "candle de 1H", "velas de 4H", "sviečky 1H": the chart a figure was read on.
const LABEL_BEFORE = new RegExp(
  String
    .raw`\bon(?: the| a| an)?\s?$|(?<![\p{L}])${CANDLE_NOUNS}s?\s$|(?:candles?|bars?|velas?|bougies?|kerzen?|chart|chati|gr[áa]fico|graphique)\s(?:de|of|du|von|do|da|ya)\s?$|\b(?:tf|timeframe|interval|chart)\s?:\s?$`,
  "iu",
);

function isLabel(before: string, after: string): boolean {
  // "GMX/USDT | 24h | -7.3% | 13.28 → 12.32 | 1H": a last cell names the chart.
  // "its 15M band", but not "2.2M BAND", where the ticker BAND counts the coins.
  return LABEL_AFTER.test(after) || /^\s?[Bb]ands?\b/.test(after) || LABEL_BEFORE.test(before) ||
    (/\|\s?$/.test(before) && /^[ \t]*(?:\n|$)/.test(after));
}

function value(
  f: Base,
  after: string,
  at: (kind: Kind, length: number, extra?: Partial<Figure>) => Figure,
): Figure {
  let length = 0;
  let scale = 1;
  let unit = f.unit;
  // A scale letter may be followed by another script: "1.9M으로", "52.4M เหรียญ".
  const suffix =
    /^\s?(thousand|million|billion|trillion)\b|^(bn|mln|mn|k|m|b|t)(?![\p{Script=Latin}\p{N}])/iu
      .exec(after);
  if (suffix) {
    scale = SCALE[(suffix[1] ?? suffix[2]).toLowerCase()];
    length = suffix[0].length;
  }
  const rest = after.slice(length);
  const tail = /^\s?(%|bps\b|basis points?\b|percentage points?\b|pp\b|points?\b|pts?\b|cents?\b)/i
    .exec(rest);
  let divide = 1;
  if (tail) {
    const word = tail[1].toLowerCase();
    length += tail[0].length;
    if (word === "%") unit = "pct";
    else if (word.startsWith("b")) [unit, divide] = ["pct", 100];
    else if (word.startsWith("percentage") || word === "pp") unit = "pp";
    else if (word.startsWith("c")) [unit, divide] = ["money", 100];
    else unit = "points";
  }
  return at("value", length, {
    unit,
    scaled: scale !== 1,
    value: (f.value * scale) / divide,
    tolerance: (f.tolerance * scale) / divide,
  });
}
