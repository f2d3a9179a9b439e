/**
 * Which way the words say a figure went. The vocabulary is wide on purpose:
 * traders say "slumped", "gave back" and "🔻" as often as "fell", and a
 * draft that says an asset sold off when it rose must fail however it says
 * so. Short reads of other scripts are here for drafts people write.
 */

export type Direction = "up" | "down";

const UP_WORDS = [
  // Not "runner-up", a place in a ranking, nor the noun of "stand-up", "wrap-up", "round-up".
  "(?<!(?:runner|stand|wrap|round|follow|catch|check|set|start|line|mock|write|warm|pick|sign|close)-)up",
  "upwards?",
  "rose",
  "rise[sn]?",
  "rising",
  "ascent",
  "rall(?:y|ied|ies|ying)",
  "gain(?:s|ed|ing)?",
  "gainers?",
  "jump(?:s|ed|ing)?",
  "surg(?:e|es|ed|ing)",
  "climb(?:s|ed|ing)?",
  "soar(?:s|ed|ing)?",
  "pump(?:s|ed|ing)?",
  "rebound(?:s|ed|ing)?",
  "bounc(?:e|es|ed|ing)",
  "recover(?:s|ed|ing|y)?",
  "advanc(?:e|es|ed|ing)",
  "higher",
  "add(?:s|ed|ing)",
  "spik(?:e|es|ed|ing)",
  "green",
  "increas(?:e|es|ed|ing)",
  "more positive",
  "positive (?:shift|swing|change|move)",
  "upbeat",
  "(?:flip(?:s|ped|ping)?|turn(?:s|ed|ing)?|swung|swings?|went|goes|going) positive",
  "bullish",
  "optimistic",
  "warm(?:er|ed|ing)",
  "brighter",
  "brighten(?:s|ed|ing)?",
  "for the better",
  "improv(?:e|es|ed|ing)",
  "pop(?:s|ped|ping)",
  "rip(?:s|ped|ping)",
  // "watched MYX rip 8.3%": the bare verb only right before its figure, since "RIP" is also a
  // farewell.
  "rip(?=\\s*$|\\s+[+$]?\\d)",
  "(?:sky)?rocket(?:s|ed|ing)",
  "explod(?:e|es|ed|ing)",
  "moon(?:s|ed|ing)",
  "ran (?:up|higher)",
  "broke out",
  "breakout",
  "l(?:eapt|eap(?:s|ed|ing)?)",
  "shot up",
  "firm(?:s|ed|er|ing)",
  "strengthen(?:s|ed|ing)?",
  "stronger",
  "(?:ticked|edged|inched|crept|pushed|moved|turned|trended) (?:up|higher)",
  "extend(?:s|ed|ing)? (?:its |their )?gains",
  "outperform(?:s|ed|ing)?",
  "recoup(?:s|ed|ing)?",
  "clawed back",
  "upticks?",
  "push(?:es|ed)? forward",
  "upswing",
  "run-?up",
  "lift(?:s|ed|ing)?",
  "heat(?:s|ed|ing) up",
  "appreciat(?:e|es|ed|ing|ion)",
  "top gainers?",
  // Moods, and a gloomy mood lifting: "friendlier", "less grumpy".
  "friendl(?:y|ier)",
  "sunn(?:y|ier)",
  "cheer(?:y|ier|ful)",
  "ros(?:y|ier)",
  "happier",
  "kinder",
  "(?:less|not as|no longer|not so) (?:grump(?:y|ier)|gloom(?:y|ier)|bearish|negative|pessimistic|downbeat|sour|dark|fearful|red)",
  "best performers?",
];
const DOWN_WORDS = [
  "(?:gives?|gave|giving) ground",
  "descent",
  "conced(?:e|es|ed|ing)",
  "down",
  "downwards?",
  "fell",
  "fall(?:s|ing|en)?",
  // Not "drop your questions below", "drop us a line": a drop with an object is no move.
  "drop(?:s|ped|ping)?(?!\\s+(?:your|us|me|them|our|my|a (?:comment|line|note|question|like|follow|message|link)|comments?|questions?|thoughts)\\b)",
  "dump(?:s|ed|ing)?",
  "slid(?:e|es|ing)?",
  "sank",
  "sunk",
  "sink(?:s|ing)?",
  "lost",
  "los(?:e|es|ing)",
  "loss(?:es)?",
  "declin(?:e|es|ed|ing)",
  "tumbl(?:e|es|ed|ing)",
  "plung(?:e|es|ed|ing)",
  "plummet(?:s|ed|ing)?",
  "lower",
  "crash(?:es|ed|ing)?",
  "shed(?:s|ding)?",
  "slipp?(?:ed|ing|s)?",
  "red",
  "losers?",
  // Last in a ranking: "ONDO brought up the rear at -8.8%".
  "(?:brought|brings?|bringing) up the rear",
  "laggards?",
  "decreas(?:e|es|ed|ing)",
  "retreat(?:s|ed|ing)?",
  "more negative",
  // "a negative shift of 0.34": the sign of a change, said in words.
  "negative (?:shift|swing|change|move)",
  "darken(?:s|ed|ing)?",
  "downbeat",
  "(?:flip(?:s|ped|ping)?|turn(?:s|ed|ing)?|swung|swings?|went|goes|going) negative",
  "flush(?:es|ed|ing)?",
  "bearish",
  "pessimistic",
  "colder",
  "cool(?:er|ed|ing)",
  "darker",
  "for the worse",
  "sour(?:s|ed|ing)",
  "worsen(?:s|ed|ing)?",
  "slump(?:s|ed|ing)?",
  "tank(?:s|ed|ing)?",
  "sold off",
  "sell(?:s|ing)? off",
  "sell-?offs?",
  "crater(?:s|ed|ing)?",
  "bled",
  "bleed(?:s|ing)?",
  "g(?:ave|ive|ives|iving) (?:back|up)",
  "erase[sd]?",
  "erasing",
  "wiped out",
  "nose-?div(?:e|es|ed|ing)",
  "drawdowns?",
  "weak(?:er|ened|ening|ens)",
  "sag(?:s|ged|ging)?",
  "dip(?:s|ped|ping)?",
  "skid(?:s|ded|ding)?",
  "(?:pared|trimmed) (?:its |their )?gains",
  "lost ground",
  "underwater",
  "collaps(?:e|es|ed|ing)",
  "capitulat(?:e|es|ed|ing|ion)",
  // Not "Correction on the F&G number:", a correction of what someone wrote.
  // Nor "Quick correction, kindly:", a reply that corrects someone.
  "correction(?!\\s*(?::|on|to)\\b|\\s*:|,\\s*(?:kindly|please|with respect|respectfully|though)\\b)",
  "retrac(?:e|es|ed|ing|ement)",
  "pull(?:s|ed|ing)? back",
  "pullback",
  "eas(?:ed|ing)",
  "soften(?:s|ed|ing)?",
  // Not "a faded needle", "faded marker": a dimmed mark on a chart.
  "fad(?:e|es|ed|ing)(?!\\s+(?:needle|marker|line|bar|dot|mark|colou?r))",
  "(?:ticked|edged|inched|crept|moved|turned|trended) (?:down|lower)",
  "underperform(?:s|ed|ing)?",
  "melt(?:ed)? down",
  "meltdown",
  "bloodbath",
  "rout",
  "downticks?",
  "downswing",
  "shr(?:ank|unk|inks?)",
  "depreciat(?:e|es|ed|ing|ion)",
  "worst performers?",
  "grump(?:y|ier|iest)",
  "gloom(?:y|ier|iest)",
  "glum(?:mer)?",
  "harsh(?:er|est)?",
  "testier",
  "hostile",
  "(?:less|not as|no longer|not so) (?:friendly|upbeat|bullish|positive|optimistic|cheerful|rosy|sunny|happy|bright|green)",
];
// Undoing a move goes the other way: "erased its losses" is a rise.
const UNDO_DOWN =
  "(?:erase[sd]?|erasing|pared|wiped out|recoup(?:ed)?|clawed back|made up|recovered|trimmed)\\s+(?:(?:its|their|the|all|some|most)\\s+)?(?:losses|drop|dip|decline|sell-?off|slide|fall)";
const UP_GLYPHS = "📈|🟢|🚀|↑|⬆|🔺|▲|↗|⤴|🔼|⏫|🟩";
const DOWN_GLYPHS = "📉|🔴|↓|⬇|🔻|▼|↘|⤵|🔽|⏬|🟥|🩸";
// Words of other scripts (Japanese, Chinese, Korean, Greek, Persian, Arabic, Hebrew, Hindi, Bengali,
// Thai and more), then Spanish, Portuguese, French, German, Russian, Turkish, Indonesian, Romanian,
// Czech, Filipino, Hindi written in Latin letters and the other languages drafts are written in.
const UP_OTHER =
  "բարելավվել|աճել|మెరుగుపడింది|పెరిగింది|ጨምሯል|עלה|עלתה|עלו|השתפר|השתפרה|השתפרו|זינק|זינקה|טיפס|טיפסה|上昇|上げ|急騰|高騰|反発|値上がり|増加|改善|上涨|上升|大涨|暴涨|增加|上漲|大漲|暴漲|增長|상승|급등|올랐|증가|θετικ|ανέβηκε|άνοδο|ανοδ|بالاتر|افزایش|বেড়েছে|বৃদ্ধি|上抜け|ดีขึ้น|ارتفع|صعد|ارتفاع|صعود|回暖|升至|올랐습니다|올랐다|yukarı yönde|上が|ឡើង|βελτιώθηκε|βελτίωση|सुधरा|cải thiện|зростання|بالا رفته|تحسّن|تحسن|เพิ่มขึ้น|עלייה|עלה ב|बढ्यो|बढ़कर|إلى الأفضل|өсті|ұлғайды|বেড়ে(?![\\p{L}\\p{M}])";
const DOWN_OTHER =
  "վատթարացել|նվազել|తగ్గింది|ቀንሷል|ירד|ירדה|ירדו|הורע|הורעה|החמיר|החמירה|הידרדר|הידרדרה|צנח|צנחה|下落|下げ|急落|暴落|値下がり|低下|減少|悪化|下跌|大跌|暴跌|下降|减少|減少|하락|급락|떨어|감소|αρνητικ|έπεσε|πτώση|πτωτ|پایین‌تر|پایینتر|کاهش|কমেছে|হ্রাস|下抜け|แย่ลง|انخفض|تراجع|هبط|انخفاض|هبوط|转冷|轉冷|降至|내렸습니다|내렸다|aşağı yönde|下が|ធ្លាក់|χειροτέρεψε|επιδεινώθηκε|επιδείνωση|बिगड़ा|xấu đi|падіння|зниження|پایین رفته|ساءت|تدهور|ลดลง|ירידה|घट्यो|घटकर|إلى الأسوأ|төмендеді|азайды|কমে(?![\\p{L}\\p{M}])";
const UP_LATIN =
  "lysnet|lysnede|ljusnat|ljusnade|kua piki|go antap|op van|in rialzo|su di(?=\\s*$)|am[ée]lior[ée]e?|rịgoro|hækkað|hækkaði|niakatra|hobetu|(?:ki|u|i|zi|li|ya|wa)mepanda|ukhuphukile|ua piʻi|artıb|artdı|iyileşti|ojupi|poprawił[aoy]?|poprawiły|îmbunătățit|tích cực hơn|stigit|förbättrats|stúpl[aoi]|stúpol|vzrástl[aoi]|vzrástol|ikhuphuke|ikhuphukile|khuphuka|revalorizad[oa]|valorizou|valorizó|em alta|en alza|emelkedett|emelkedés|nőtt|noussut|nousi|porastao|porasla|narastao|codi|opwaartse|urcat|urcă|sube|subi[óo]|subida|alza|sobe|subiu|mejora|mejor[óo]|melhora|melhorou|hausse|grimpe|am[ée]liore|progresse|remonte|rebondit|steigt|gestiegen|anstieg|verbessert|erholt|вырос(?:ла|ло|ли)?|растёт|растет|рост|подорожал[аио]?|поднял(?:ся|ась|ось|ись)|прибавил[аио]?|взлетел[аио]?|укрепил(?:ся|ась)|yükseldi|yükseliş|yükselen|arttı|naik|menguat|meningkat|tăng|wzr[óo]s(?:ł|ła|ło|ły|t)?|zyska(?:ł|ła)|a gagné|gagne|zimepanda|gewonnen|zugelegt|membaik|è salita|è salito|imepanda|inapanda|зріс|зросла|зросло|покращився|покращилася|stijgt|gestegen|è salit[oa]|creștere|crescut|tumaas|umakyat|badhat|en verde|no verde|en vert|migliora|migliorat[oa]|улучшил(?:ся|ась|ось|ись)|zimeimarika|imeimarika|parani|paranee|opp|upp|økte|steg|rast od|zlepšil[aio]?|vzrostl[aio]?";
const DOWN_LATIN =
  "mørknet|mørknede|mörknat|mörknade|in calo|giù di(?=\\s*$)|d[ée]grad[ée]e?|lækkað|lækkaði|nidina|okertu|(?:ki|u|i|zi|li|ya|wa)meshuka|wehlile|ua emi|azalıb|azaldı|kötüleşti|oguejy|pogorszył[aoy]?|pogorszyły|deteriorat(?:e|es|ed|ing|ion)?|kua heke|go daun|af van|tiêu cực hơn|fallit|föll|sjunkit|sjönk|försämrats|klesol|yehla|yehle|yehlile|wehla|wehlile|rebajad[oa]|desvalorizad[oa]|desvalorizou|desvalorizó|em queda|en caída|süllyedt|csökkent|esett|laskenut|laski|pao|gostwng|afwaartse|coborât|coboară|baja|baj[óo]|cae|cay[óo]|ca[íi]da|caiu|empeora|empeor[óo]|piora|piorou|baisse|chute|d[ée]grade|d[ée]t[ée]riore|recule|reculent|recul[ée]|fl[ée]chit|f[äa]llt|gefallen|r[üu]ckgang|sinkt|verschlechtert|упал[аио]?|падает|падение|снизил(?:ся|ась|ось|ись)|снижение|подешевел[аио]?|потерял[аио]?|просел[аио]?|обвалил(?:ся|ась)|рухнул[аио]?|düştü|düşüş|düşen|geriledi|azaldı|turun|melemah|menurun|anjlok|giảm|spad(?:ł|ła|ło|ły|ek)|straci(?:ł|ła)|a cédé|c[èe]de|zimeshuka|verloren|nachgegeben|memburuk|è scesa|è sceso|imeshuka|inashuka|впав|впала|впало|погіршився|погіршилася|daalt|gedaald|è scess[oa]|scădere|scăzut|bumaba|bumagsak|girawat|en rojo|no vermelho|en rouge|desceu|peggiora|peggiorat[oa]|ухудшил(?:ся|ась|ось|ись)|zimezorota|imezorota|synkkeni|heikkeni|ned|falt|sank|pad od|zhoršil[aio]?|klesl[aio]?";

const SOURCE = (words: string[], glyphs: string, other: string) =>
  `\\b(?:${words.join("|")})\\b|${glyphs}|${other}`;
// German splits some verbs of a move around the figure: "legt 7.7% zu" (gains), "gibt binnen 24h
// 7.7% nach" (gives up), "büßt 3% ein" (loses). The stem speaks where it stands.
const SPLIT: Array<[Direction, string, string]> = [
  ["up", "legt|legte|legen|legten", "zu"],
  ["up", "zieht|zog|ziehen|zogen", "an"],
  ["down", "gibt|gab|geben|gaben", "nach|ab"],
  ["down", "büßt|büßte|büßen|bricht|brach|brechen", "ein"],
  ["down", "rutscht|rutschte|rutschen|sackt|sackte|sacken", "ab"],
];
const STEMS = SPLIT.map(([, stems]) => stems).join("|");
// A letter of the alphabets these words are written in; narrower than \p{L}, and much faster.
const LETTER = "[a-zß-öø-ÿ\\u0100-\\u017fа-яё]";
// One pass finds all: groups 1 and 3 hold a rise, 2 and 4 a fall, 5 the stem of a split verb.
// The words of other alphabets share one check that they stand alone, which a pass makes once.
const BOTH = new RegExp(
  `(${SOURCE([...UP_WORDS, UNDO_DOWN], UP_GLYPHS, UP_OTHER)})|(${
    SOURCE(DOWN_WORDS, DOWN_GLYPHS, DOWN_OTHER)
  })|(?<!${LETTER})(?:(${UP_LATIN})|(${DOWN_LATIN})|(${STEMS}))(?!${LETTER})`,
  "giu",
);
interface SplitVerb {
  direction: Direction;
  /** The particle closing the verb in the words after the stem: "gibt binnen 24h 7.7% nach". */
  closes: RegExp;
  /** The particle right after the figure: "legt 7.7%" then "zu". */
  follows: RegExp;
}
const SPLIT_VERBS = new Map<string, SplitVerb>(
  SPLIT.flatMap(([direction, stems, particle]) =>
    stems.split("|").map((stem): [string, SplitVerb] => [stem, {
      direction,
      closes: new RegExp(
        `^(?:\\s+(?:[^\\s.!?]|\\.(?=\\d))+){0,5}?\\s+(?:${particle})(?=\\s*(?:$|[,.;:!?)]|und\\b|bei\\b|auf\\b))`,
        "iu",
      ),
      follows: new RegExp(`^\\s*(?:${particle})(?![\\p{L}])`, "iu"),
    }])
  ),
);

/** The direction of a split verb whose stem is followed by `tail` in the clause, or null. */
function splitDirection(stem: string, tail: string, after: string): Direction | null {
  const verb = SPLIT_VERBS.get(stem.toLowerCase());
  if (!verb) return null;
  if (verb.closes.test(tail)) return verb.direction;
  return tail.length <= 40 && !/[.!?\n]/.test(tail) && verb.follows.test(after)
    ? verb.direction
    : null;
}

// "off 6.1%" is a fall; "took off" is not.
const OFF = /(?<!\b(?:took|take|takes|lift(?:ed|s)?|blast(?:ed|s)?|kick(?:ed|s)?)\s)\boff\s*$/i;

/**
 * The direction of a figure: the last direction word in `clause` (the words
 * before it), else one right after it in `after`.
 */
export function directionOf(clause: string, after: string): Direction | null {
  if (OFF.test(clause)) return "down";
  // The last word wins; a rise is tried first, so "erased its losses" is read whole.
  let last: Direction | null = null;
  BOTH.lastIndex = 0;
  for (let m = BOTH.exec(clause); m; m = BOTH.exec(clause)) {
    // "up: 1.0614 mid: 1.0327", "lower: 19.34" name a band, not a move.
    if (
      /^(?:up|down|upper|lower)$/i.test(m[0]) &&
      /^\s*:/.test(clause.slice(m.index + m[0].length)) &&
      /(?:^|[|,;()[\]]|\d)\s?$/.test(clause.slice(0, m.index))
    ) continue;
    const found = m[5] === undefined
      ? (m[1] || m[3] ? "up" : "down")
      : splitDirection(m[5], clause.slice(m.index + m[0].length), after);
    if (found) last = found;
  }
  if (last) return last;
  BOTH.lastIndex = 0;
  // Only words still about this figure: not past a bracket or a turn to another ("... now 2.1473)
  // and NEO lost").
  // "+6.6% / 하락률 상위": a slash turns to another list.
  const near = after.slice(0, 16).split(/[)\]/]|\b(?:and|but|while)\b/)[0];
  const m = BOTH.exec(near);
  BOTH.lastIndex = 0;
  // "+6.1% 🔻 API3 -8.1%", "+8.8% losers=BRETT": a mark right before another ticker is that one's.
  if (m && /^\s*[:=]?\s*\$?[A-Z][A-Z0-9]{1,9}\b/.test(after.slice(m.index + m[0].length))) {
    return null;
  }
  return m && m[5] === undefined
    ? (m[1] !== undefined || m[3] !== undefined ? "up" : "down")
    : null;
}
