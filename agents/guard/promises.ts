/**
 * Predictions, price targets, promised returns and calls to trade, refused by
 * what the words do rather than by a list of sentences: a small grammar of
 * such claims. A prediction is a future or modal form bound to a move or a
 * target ("will rally", "could double", "set to break out"), an expectation
 * of one ("expect a massive rally"), or a move with a future cue in the same
 * sentence ("more upside ahead", "new highs are next", "back above X by
 * Friday"). A call to trade is an imperative or advice to buy or sell ("time
 * to buy", "load up"). A promised return is a guarantee ("can't lose").
 *
 * What passes: description and careful context, including a condition that
 * only names a level the data holds and what would change the reading ("a
 * close back below the band would undo the breakout", "watch whether it
 * holds above 3,100"). Once a condition says where price goes next ("if it
 * holds, it will run to 3,400"), its consequent is a prediction like any
 * other. Generic "can" ("extremes can persist") is ability, not a forecast.
 *
 * The product writes English; other languages (_promises_other.ts) are read
 * for drafts people write themselves.
 */
import { OTHER_LANGUAGES } from "./_promises_other.ts";

const alt = (words: readonly string[]) => `(?:${words.join("|")})`;

/** Forms that put what follows in the future or in a forecast. */
const MODAL = alt([
  "will",
  "won'?t",
  "'ll",
  "shall",
  "(?:is|are|'s|'re|am|it's)?\\s?(?:going|gonna|set|poised|bound|about|likely|expected|due|primed|ready|destined|positioned|on track|on course|looks? set|looks? ready|looks? poised|seems? set)\\s(?:to|for)",
  "gonna",
  "could",
  "may",
  "might",
  "should",
  "would",
  "can(?:'?t|not)",
  "can only",
  "wants? to",
]);
// "Bulls must hold 3,100" states a condition; "it must rally" still predicts.
const MUST = "must";
/** Words a modal may carry before its verb: "will easily", "could soon". */
const FILLER =
  "(?:(?:\\w+ly|soon|still|even|then|also|just|now|next|finally|not|never|ever|well|very|100%|easily|likely|surely|definitely)\\s){0,3}";
/** Verbs that are a move or a target on their own. */
const MOVE = alt([
  "rall(?:y|ies)",
  "surge",
  "soar",
  "jump",
  "pump",
  "moon",
  "explode",
  "(?:sky)?rocket",
  "rip",
  "climb",
  "rise",
  "bounce",
  "rebound",
  "recover",
  "reverse",
  "fall",
  "drop",
  "dump",
  "tank",
  "crash",
  "collapse",
  "slide",
  "sink",
  "plunge",
  "retrace",
  "correct",
  "dip",
  "bleed",
  "double",
  "triple",
  "\\d+x",
  "flip",
  "outperform",
  "underperform",
  "break ?(?:out|down)",
  "breakout",
  "top out",
  "bottom out",
  "peak",
  "fly",
  "squeeze",
  "melt (?:up|down)",
  "reclaim",
  "retake",
  "retest",
  "revisit",
  "return",
  "hit",
  "reach",
  "touch",
  "tag",
  "gain",
  "lose (?:support|the level|ground|value|gains|it all|\\$?\\d)",
  "fail",
  "go wrong",
  "come back",
  "get back",
  "be back",
  "make (?:you|money|new|a new|fresh|gains)",
  // Not "exchanges may print slightly different values", a caveat about the data.
  "print(?!\\s+(?:slightly\\s+)?(?:different|other|the same)\\b)",
  "pay off",
  "deliver",
  "send (?:it|\\w+)",
  "take off",
  "lift off",
  "run",
  "grind",
  "get (?:\\w+ly )?(?:wrecked|rekt|squeezed|liquidated|burned|crushed|destroyed|left behind)",
  "step in",
  "find (?:support|a (?:bottom|floor|top))",
  "hold(?:\\s+up)?(?=\\s*(?:[.,;!?]|$|and\\b))",
]);
/** Verbs that need a direction or a level after them: "go higher", "hold above". */
const WEAK = alt([
  "go",
  "head",
  "move",
  "trend",
  "push",
  "turn",
  "break",
  "test",
  "trade",
  "close",
  "stay",
  "hold",
  "remain",
  "keep",
  "continue",
  "extend",
  "see",
  "be",
  "lead",
  "take",
  "climb",
  "open the (?:way|door|path)",
  "find support",
  "form a (?:bottom|top)",
]);
const COMPLEMENT = alt([
  "up(?:wards?)?(?! to\\b)",
  "down(?:wards?)?",
  "higher",
  "lower",
  "further",
  "back",
  "above",
  "below",
  "over",
  "under",
  "past",
  "through",
  "towards?",
  "to (?:\\$?\\d|new|fresh|the (?:moon|highs?|lows?|upside|downside)|(?:rise|fall|climb|drop|rally|pump|dump|go|move|trend|push|run|gain|lose|bleed|slide)\\b)",
  "into",
  "beyond",
  "north",
  "south",
  "green",
  "red",
  "parabolic",
  "new",
  "fresh",
  "gains",
  "losses",
  "its (?:rally|run|gains|losses|slide|fall|drop|climb)",
  "the (?:rally|move|trend|run|highs?|lows?|ath)",
  "(?:rising|falling|climbing|dropping|sliding|pumping|dumping|rallying|higher|lower)",
  "much",
  "worth",
  "at (?:\\$?\\d|new|fresh)",
  "(?:a|an|more|further|some|another) (?:\\w+ )?(?:run|rally|bounce|move|push|breakout|rebound|drop|retest|squeeze|pullback|leg|recovery|reversal|correction|sell-?off|dip|spike|surge)",
  "this (?:low|high|cheap|weak|strong)",
  "(?:low|high|cheap|down|up|here|there) for long",
  "\\$?\\d",
]);
/** What may be expected: a move, a level or a target. */
const OUTCOME = alt([
  "rall(?:y|ies)",
  "pump",
  "break-?outs?",
  "breakdown",
  "bounce",
  "rebound",
  "recovery",
  "reversal",
  "run(?:-?up)?",
  "legs? (?:up|down|higher|lower)",
  "upside",
  "downside",
  "gains",
  "losses",
  "highs",
  "lows",
  "new (?:highs?|lows?|aths?|all[- ]time highs?|records?)",
  "aths?",
  "all[- ]time highs?",
  "moon(?:shot)?",
  "surge",
  "spike",
  "(?:short )?squeeze",
  "dump",
  "crash",
  "correction",
  "pullback",
  "sell-?off",
  "drop",
  "dip",
  "decline",
  "capitulation",
  "bottom",
  "top",
  "continuation",
  "up(?:move|swing|trend|side)",
  "down(?:swing|trend)",
  "parabolic",
  "\\d+x",
  "double",
  "targets?",
  "(?:higher|lower) (?:prices|levels|highs|lows)",
  "higher",
  "lower",
  "green (?:days|candles|weeks?)",
  "red (?:days|candles|weeks?)",
  "fireworks",
  "explosion",
  "lift-?off",
  "(?:big|massive|huge|major|sharp|strong) (?:move|moves|rally|pump|drop|breakout)",
  "moves? (?:up|down|higher|lower)",
  "it to",
  "price to",
  // "we expect the trend to continue": a move said to go on.
  "(?:the |this |that )?(?:\\w+ )?(?:trend|move|rally|momentum|run|rise|slide|sell-?off|fall|decline|bounce) to (?:continue|extend|keep going|persist|resume|accelerate)",
  "prices to",
  "\\$?\\d[\\d,.]*[kmb]?\\b",
]);
/** Verbs of expecting; the outcome follows within a few words. */
const EXPECT = alt([
  "expect(?:s|ed|ing)?",
  "anticipat(?:e|es|ed|ing)",
  "predict(?:s|ed|ing)?",
  "forecast(?:s|ed|ing)?",
  "project(?:s|ed|ing)?",
  "eye(?:s|ing)",
  "target(?:s|ed|ing)?",
  "aim(?:s|ed|ing)? (?:for|at)",
  "bet(?:s|ting)? on",
  "calls? for",
  "brac(?:e|es|ing) for",
  "prepar(?:e|es|ing) for",
  "get ready for",
  "gearing up for",
  "(?:set|setting|lined) up for",
  "primed for",
  "ripe for",
  "due for",
  "in for",
  "(?:we|i) see (?:it|price|prices|\\$?[A-Z]{2,6})",
  "(?:we|i) (?:think|believe|reckon|feel)",
]);
/** Words that place a move in the future, wherever they sit in its sentence. */
const FUTURE_CUE = alt([
  // Not "HYPE surges ahead", a lead taken now.
  "ahead(?! of)(?<!\\b(?:surg(?:es|ed|ing)|push(?:es|ed|ing)|pull(?:s|ed|ing)|forg(?:es|ed|ing)|mov(?:es|ed|ing)|stays?|stayed|edg(?:es|ed|ing)) ahead)",
  "from here",
  "from (?:these|this|current) levels?",
  "next (?:leg|stop|target|move|level|wave|pump|rally|breakout|ath|high|low|few|days)",
  "next (?:week|month|year|session)(?!'s)",
  "incoming",
  "inbound",
  "(?:is|are|'s|'re) coming(?! (?:in|from|off|out|back)\\b)",
  "coming soon",
  "in the coming",
  "(?<!\\bas )soon(?! after| as)",
  "shortly",
  "imminent",
  "inevitable",
  "around the corner",
  "on the horizon",
  "in store",
  "loading",
  "brewing",
  "any (?:day|time|minute|moment) now",
  "before long",
  "tomorrow(?!'s)",
  "tonight(?!'s)",
  "(?:tomorrow|tonight)'s (?:close|open|session|candle)",
  "this weekend",
  "by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|next|the (?:end|weekend|close)|eo[dwmy]|year[- ]end|month[- ]end|christmas|q[1-4])",
  "within (?:days|hours|weeks|the (?:week|month|day))",
  // "before the week is out", "before Friday": a time to come, not "the day before".
  "before (?:the |this )?(?:week|weekend|month|year|day) (?:is (?:out|over|done)|ends)",
  "before (?:the end of (?:the |this )?(?:week|month|year|day)|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?!'s)|(?:tomorrow|tonight)(?!'s)|eo[dwmy])",
  "in no time",
  "yet to come",
  "still to come",
  "more to come",
]);
/** A direction or move for FUTURE_CUE to bind to. */
const DIRECTION_SOURCE = alt([
  "up",
  "down",
  "higher",
  "lower",
  "upside",
  "downside",
  "gains",
  "losses",
  "highs",
  "lows",
  "aths?",
  "rall(?:y|ies)",
  "pump(?:s|ing)?",
  "dump(?:s|ing)?",
  "moon(?:s|ing)?",
  "break-?outs?",
  "breakdown",
  "bounc(?:e|es|ing)",
  "rebound(?:s|ing)?",
  "recovery",
  "reversal",
  "surg(?:e|es|ing)",
  "crash(?:es|ing)?",
  "correction",
  "pullback",
  "leg",
  "run",
  "targets?",
  "\\d+x",
  "double",
  "back (?:at|to|above|below|over|under)",
  "retest(?:s|ing)?",
  "retak(?:e|es|ing)",
  "reclaim(?:s|ing)?",
  "revisit(?:s|ing)?",
  "return(?:s|ing)? to",
  "(?:get|gets|getting) back to",
  "parabolic",
  "vertical",
  "reach(?:es|ing)?",
  "hit(?:s|ting)?",
  "flip(?:s|ping)?",
  "squeeze",
  "spik(?:e|es|ing)",
  "explo(?:de|sion)",
  "to \\$?\\d[\\d,.]*[kmb]?",
  // A price named for later: "150k incoming", "$4,000 soon".
  "\\$\\d[\\d,.]*[kmb]?",
  "\\d[\\d,.]*[kmb]",
]);
const DIRECTION = DIRECTION_SOURCE;

/** Predictions said outright, whatever their verb. */
const OUTRIGHT = alt([
  "next (?:stop|station)",
  // "Watch it snap back to 0.52", "0.63 before the month is out, screenshot this", "it tags it
  // within days"; not "price often snaps back to the middle band", said of bands in general.
  "(?:watch it |will |gonna |going to )snap back|snap(?:s|ping)? back (?:to|above|below) \\$?\\d",
  "screenshot this",
  "it (?:tags|hits|reaches|touches|prints) (?:it |that |this |\\$?\\d[\\d.,]*[kmb]? )?(?:within|this|next|by|before)",
  // "Share charts, not price targets": a target refused is not one given.
  "(?<!\\b(?:not|no|without|never)\\s)(?:(?:upside|downside|price|next) targets?)",
  "pt:?\\s?\\$?\\d",
  "tp\\d?:?\\s?\\$?\\d",
  "target(?:s|ing)?:?\\s(?:of|is|at|are|above|below|remain|in play|\\$?\\d)",
  "(?:has|have|with|plenty of) (?:legs|(?:more )?room to (?:run|grow|go))",
  "room to run",
  "on (?:its|the) way (?:to|back)",
  "head(?:ed|ing) (?:for|to|towards?|back)",
  "en route to",
  "to the moon",
  // "Moon mission starts now", "pump season begins": a move announced as under way.
  "moon ?mission",
  "(?:pump|rally|breakout|squeeze|bull run|alt ?season|send) (?:season )?(?:starts|begins|is (?:starting|beginning|loading|coming))",
  "only (?:a matter of time|goes? (?:up|down)|(?:goes? |going |moves? )?one way|up from here)",
  // "See you at the top", "see y'all on the moon": a farewell to a price to come.
  "see (?:you|ya|y'?all|everyone) (?:at|on|in) (?:the )?(?:top|moon|highs?|aths?|bottom|lows?|\\$?\\d)",
  "is (?:just )?the (?:beginning|start)",
  "just getting started",
  "only the beginning",
  "(?:this|that) (?:is|was) the (?:bottom|top)",
  "(?:bottom|top|floor)(?: is|'s) (?:in|near|confirmed|set|done|behind us)",
  // "Never seeing these prices again", "shorts are about to get wiped", "nothing is stopping it",
  // "green candles all week", "Next checkpoint 0.63".
  "never (?:seeing|see|get) (?:these|this|those) (?:prices?|levels?) again",
  "(?:shorts|longs|bears|bulls) (?:are )?about to get (?:wiped|rekt|liquidated|squeezed|burned)",
  "nothing (?:is )?(?:stopping|can stop|will stop) (?:it|this|us)",
  "green candles all (?:week|day|month)",
  "next checkpoint",
  // "It rips the moment the weekend starts", "it gets there this week", "the magnet now", "book
  // it", "Back to 0.52 before Friday's close", "a retest of 0.52 comes first", "Game plan: 0.63".
  "(?:rips|pumps|moons|dumps|sends|flies) (?:the moment|as soon as|once)",
  "it (?:gets|goes) there (?:this|next|by|before|within)",
  "(?:price )?magnet",
  "book it",
  "back (?:to|at|above|below) \\$?\\d[\\d.,]*[kmb]? (?:before|by)",
  "(?:retest|test|dip|move|pump|wick) (?:of|to) \\$?\\d[\\d.,]*[kmb]? comes",
  "game plan",
  // "Those lows are never coming back", "the breakout is a done deal".
  "(?:lows?|highs?|prices?|levels?|dips?) (?:are|is) never coming back",
  "(?:is|it'?s) a done deal",
  "mark my words",
  // "Calling it now", "I'm calling the bottom": a forecast owned as one.
  "calling it (?:now|here|early|right now)",
  "calling (?:for )?\\$?\\d",
  "call(?:ing)? (?:the|a) (?:bottom|top)",
  // "No way this holds": a level said to give way.
  "no way (?:it|this|that|price|we|they|bulls|bears|support|resistance) (?:\\w+ )?(?:holds?|lasts?|stays?|survives?|sticks|continues|keeps? going)",
  // "Next leg starts this week": a move said to begin.
  "(?:next|the next|another|a new) (?:leg|move|wave|pump|rally|breakout|run|push|impulse|squeeze|dump|drop|sell-?off)(?: (?:up|down|higher|lower))? (?:starts|begins|kicks off|gets going|is (?:starting|beginning|here|coming|loading|about))",
  "path of least resistance",
  // "Clear skies ahead for holders, expect more sunshine all week": a forecast in a metaphor.
  "(?:clear|blue|sunny) skies ahead",
  "outlook\\s?:\\s*(?:clear skies|sunshine|sunny|bright|green|bullish|bearish)",
  "expect more \\w+ (?:all|this|next) (?:week|month|day|session)",
  // "the reversal starts now", "bears are done": a turn said to be under way.
  "the (?:reversal|rally|bounce|breakout|squeeze|recovery|pump|dump|move|run) (?:starts|begins|is (?:starting|beginning|here|coming)) (?:now|today|here)",
  "(?:bears|bulls|sellers|buyers) are (?:done|finished|exhausted|out of (?:ammo|steam))",
  "(?:this|the) trend (?:carries|continues|keeps going|extends|runs) into",
  // "continuation is our base case for the next session": a forecast in a desk's words.
  "(?:is|remains|as) (?:our|the) base case",
  "(?:would|wouldn't|won'?t|will not)(?: not)? surprise",
  "(?:not|isn'?t|aren'?t) (?:done|over|finished)(?: yet)?",
  "far from over",
  "(?:is|are|'s|'re|am) (?:going|heading|headed) (?:higher|lower|up|down|back|to \\$?\\d|towards?)",
  "send(?:s|ing)? it",
  "odds (?:favou?r|point to|suggest)",
  "(?:favou?rs?|points? to|suggests?|signals?|says?|screams?|calls?) (?:more |further |a |an )?(?:upside|downside|higher|lower|breakout|rally|new highs|bounce|rebound|up|down)",
  "(?:watch|look)(?:ing)? (?:out )?for (?:a |an |the )?(?:\\w+ )?(?:run|move|push|rally|pump|drop|break|breakout|squeeze) (?:to|towards?|above|below|past|through) \\$?\\d",
  "(?:gonna|gon'?na) \\w+",
  "(?:moons?|pumps?|rall(?:y|ies)|rips?|explodes?|breaks? out|bounces?|dumps?|crash(?:es)?|flips?) (?:next|soon|tomorrow)",
  // "Price will follow", not "more details will follow".
  "(?:price|prices|it|the market) (?:will|should|could|may|might|is going to) (?:\\w+ )?follow",
  // "a bounce will follow", "the rally should resume".
  `${DIRECTION_SOURCE}\\b[^.!?;\\n]{0,20}\\b(?:will|should|could|may|might|is going to|'ll) (?:follow|come|happen|arrive|start|begin|continue|resume|play out|kick in)`,
]);

/** Any character of the same sentence; a decimal point ("revisit 24.87 by Friday") does not end it. */
const IN_SENTENCE = "(?:[^.!?;\\n]|\\.(?=\\d))";
// "Watch whether it will hold" asks; it does not predict.
const ASKED = "(?<!\\bwhether\\s(?:\\S+\\s){0,2})";
const PREDICTIONS: RegExp[] = [
  new RegExp(`${ASKED}\\b(?:${MODAL}|${MUST})\\s${FILLER}${MOVE}\\b`, "i"),
  new RegExp(
    `${ASKED}\\b${MODAL}\\s${FILLER}${WEAK}\\s(?:(?:it|price|prices|them)\\s)?${COMPLEMENT}`,
    "i",
  ),
  new RegExp(`\\b${EXPECT}\\s(?:\\S+\\s){0,4}?${OUTCOME}`, "i"),
  new RegExp(
    `\\b${DIRECTION}\\b${IN_SENTENCE}*?\\b${FUTURE_CUE}\\b|\\b${FUTURE_CUE}\\b${IN_SENTENCE}*?\\b${DIRECTION}\\b|\\b${DIRECTION}\\b${IN_SENTENCE}*?\\b(?<!\\bwhat\\s)(?:is|are|comes?) next\\b|\\b${OUTCOME}\\b(?:\\s\\w+)?\\s(?:(?:looks|seems|is|appears) (?:\\w+ )?)?(?:likely|probable|overdue|due(?=\\s+(?:to|for|by|soon|any|next)\\b|\\s*(?:[.!,;:)]|$))|expected|anticipated|predicted|in the cards|on the cards)\\b`,
    "i",
  ),
  new RegExp(`\\b${OUTRIGHT}\\b`, "i"),
];

// "This is where the real run starts", "this won't last", "Answer: it goes up.": a move or a price
// said to come, without a verb of the future; so are "It's rolling over from here" and "this one
// is finished", a turn or an end.
const PLAIN_PREDICTIONS =
  /\b(?:this|it|price)(?:'s| is) going (?:way |much |a lot |even )?(?:higher|lower)\b|\bcheapest it(?:'ll| will) ever be\b|\b(?:it'?s|it is|this is|we'?re|price is) (?:\w+ )?(?:rolling over|going (?:up|down|higher|lower)|heading (?:up|down|higher|lower)|lower|higher) from here\b|\b(?:this one|this coin|it)(?:'s| is) (?:finished|done for|toast|cooked)\b|\b(?:this|here|that) is where (?:the )?(?:real |next |big )?(?:run|rally|move|pump|fun|breakout|party|leg up) (?:starts|begins)\b|\b(?:this|it|prices?|the dip|the discount|this level) (?:won't|will not|isn't going to) last\b|(?<=^|[:.!?]\s+)(?:it|price|this|that) goes (?:up|down|higher|lower)(?=\s*[.!]|\s*$)/im;

const CALLS: RegExp[] = [
  // An imperative opening a clause: "Buy the dip", "Load up".
  /(?:^|[.!?;:\n]\s*|[-—]\s|[\p{Extended_Pictographic}]\s*)(?:now,?\s)?(?:buy|sell|ape|load up|load|stack|grab|accumulate|scoop|fade|dump|hodl|get in|get out|jump in|pile in|take profits?|lock in|back up the truck)(?![\w-])(?!\s+(?:squeeze|interest|sellers?|positions?|liquidations?|side|pressure|volume|term|walls?|orders?|view|views|averages?|ma|sma|ema|answer|version|story|list|run|window|alerts?|warnings?|watch|updates?|reports?|radar|tracker)\b)/imu,
  // "Long" and "short" are adjectives too ("Short blog note", "Long story"): they call a trade only
  // before a ticker, a pronoun, a place or the end. Case matters here, so no "i".
  /(?:^|[.!?;:\n]\s*|[-—]\s|[\p{Extended_Pictographic}]\s*)(?:[Nn]ow,?\s)?(?:[Ll]ong|[Ss]hort|LONG|SHORT)(?!\s*:\s*\$?\d)(?=\s*(?:$|[.!,:;)\p{Extended_Pictographic}]|\$|[A-Z]{2,}\b|(?:[Ii]t|here|now|the|this|that|every|some|more|at|from|on|into|above|below|under|over|again|back)\b))/mu,
  /\b(?:time to|now is the time to|you (?:should|must|need to|have to|gotta|want to)|make sure (?:you|to)) (?:buy|sell|long|short|load|get in|get out|ape|accumulate|add|grab|stack|enter|exit|take profits?|own|hold|be (?:in|long|short))\b/i,
  /\b(?:buy|sell|long|short|ape|load up|get in|accumulate|grab|add) (?:now|today|here|the dip|the rip|the news|every dip|before|while|early|more|and hold)\b|\bbuy this dip\b|\bsell the (?:couch|house|car)\b/i,
  // "Set your buy orders now", "place your sell orders": orders the reader is told to put in.
  /\b(?:set|place|put|get|line up|stack)(?: up| in)? (?:your|the|some|those) (?:(?:buy|sell|long|short|limit)\s){1,2}(?:orders?|bids?)\b/i,
  // "This is the last dip you'll see at these levels, load up": a call closing a sentence.
  /,\s*(?:load up|ape in|get in|buy in|stack up|fill your bags)\s*[.!]*\s*$|\blast (?:dip|chance|entry) (?:you'll|you will|we'll|we will) (?:see|get)\b/im,
  // "Buying here, selling at 0.61": a trade of one's own with its exit.
  /\b(?:buying|selling) (?:here|now)\b|\b(?:selling|exiting|taking profits?) at \$?\d/i,
  /\b(?:great|good|perfect|ideal|prime|golden|solid|nice|best|cheap|early|easy) (?:entry|entries|buy|buying opportunity|opportunity|time to buy|long|short)\b|\b(?:buying|selling) opportunit(?:y|ies)\b|\bentry (?:here|now|point|zone)\b|\b(?:still )?(?:cheap|undervalued|a steal|a bargain|on sale) (?:here|now|at this)\b|\bno[- ]brainer\b|\bmust[- ](?:buy|have|own)\b|\bstrong (?:buy|sell)\b/i,
  /(?<!\bnot (?:a |an )?)\b(?:buy|sell) signal\b(?! is not| isn't)/i,
  // "I'm shorting the bounce", "I'd be buying every dip": a trade of one's own, held up to follow.
  /\b(?:i'?m|i am|we'?re|we are|i'?ve been|we'?ve been|i just|we just|i'?d|i would|we'?d|we would)(?: be)? (?:buying|bought|loading|loaded|long|longing|short|shorting|adding|added|accumulating|selling|sold|aping|all in)\b/i,
  // "Generational entry", "you will be telling people you bought here": a buy held up as historic.
  /\bgenerational (?:entry|buy|bottom|opportunity|low)\b|\byou(?:'ll| will) be telling (?:people|everyone|your \w+)\b/i,
  // "... and you should too": the reader told to do the same.
  /\byou should (?:too|as well|do the same)\b|\bso should you\b/i,
  // "yes, dump it before it gets worse".
  /\b(?:dump|sell|buy|ape|long|short) it (?:before|now|while|here)\b|\bbefore it gets (?:worse|better|away|expensive)\b/i,
  // "You'll regret it", "anyone in cash is going to wish they weren't": a loss to come.
  /\b(?:'ll|will|(?:is|are|'re) going to|gonna) wish (?:they|you|he|she|we|i)(?:'d| had| were| weren't| did| didn't)\b|\b(?:you'?ll|you will|you're going to|or you) regret\b|\bregret (?:it )?(?:later|forever|for life)\b/i,
  /\bdon'?t (?:miss|sleep on|fade|sell|wait|be late|get left behind|fight (?:it|the trend|the tape))\b|\b(?:last chance|act (?:now|fast)|before it'?s too late|before the crowd|while (?:you|it'?s) (?:still )?(?:can|cheap|low)|thank (?:us|me) later|dm (?:me|us)|join (?:now|our vip)|not too late|(?:it'?s )?still early|get in early|loading up|all[- ]in|sell everything|buy everything|smart money (?:says|is (?:already )?(?:buying|selling|positioned|loading|accumulating))|you know what (?:comes|happens) next|(?:only|just) a matter of time|position yourself|(?:we|you)(?:'re| are) (?:still )?early|is a gift|(?:is|'s) your (?:gift|chance)|your (?:chance|last chance)|be greedy|buy (?:the )?fear|buy when)\b/i,
  /\b(?:[Bb]uy|[Ss]ell|[Ll]ong|[Ss]hort|[Aa]pe into)(?: the| some| more)? \$?[A-Z]{2,6}\b/,
];

const RETURNS: RegExp[] = [
  /\b(?:can(?:'t|not| ?not) (?:lose|fail|go wrong|miss|mess (?:this|it)(?: one)? up|screw (?:this|it)(?: one)? up)|easiest (?:trade|money|gains?|profits?|win)|bet the (?:house|farm)|easy \$?\d[\d.,]*\s+from here|won'?t regret|will not regret|(?<!\b(?:no|not a|not)\s)guarantee[ds]?(?!\s+(?:nothing|no\b|none))|guaranteed|risk[- ]free|no[- ]risk|zero risk|without risk|(?<!(?:^|[.!?\n])\s*(?:\d{1,2}\/\d{1,2}\s+)?)sure thing|(?<=(?:^|[.!?\n])\s*(?:\d{1,2}\/\d{1,2}\s+)?)sure thing(?!\s*[!.])|sure (?:bet|win|shot)|safe (?:bet|play)|easy (?:money|gains?|profits?|win|\d+x)|free money|print(?:s|ing)? money|money printer|double your|triple your|\d+x your|returns? of \d|\d+% (?:returns?|profits?|gains?) (?:guaranteed|(?:a|per|every) (?:day|week|month))|passive income|get rich|life[- ]changing|generational wealth|100% (?:sure|certain|safe|it|this|we)|trust me|no way (?:it|this|we) (?:goes|drops|falls|loses)|never goes down|only goes up|\d+x ?bagger|(?:setup|trade|signal|strategy|system|call|play|pattern)s? (?:that )?(?:never|always) (?:fails?|loses?|misses|wins?|works|pays)|never (?:fails|failed|loses|misses) (?:us|you|me|once)|can only go (?:up|down)|bound to|certain to|(?<!\b(?:make|be) )sure to)\b/i,
];

const KINDS: Array<[string, RegExp[]]> = [
  ["a prediction", [...PREDICTIONS, PLAIN_PREDICTIONS]],
  ["a call to trade", CALLS],
  ["a promised return", RETURNS],
];

/** What kind of forbidden statement `text` makes, with the words that make it; empty when none. */
export function promisesIn(text: string): string[] {
  const found: string[] = [];
  for (const [kind, patterns] of [...KINDS, ...OTHER_LANGUAGES]) {
    for (const re of patterns) {
      const m = re.exec(text);
      if (m) {
        found.push(`${kind} ("${m[0].trim()}")`);
        break;
      }
    }
  }
  return found;
}
