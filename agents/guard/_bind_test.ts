import assert from "node:assert/strict";
import { checkDraft, type InsightFacts } from "./mod.ts";
import {
  band,
  cross,
  fearGreed,
  move,
  movers,
  news,
  rsi,
  volume,
} from "../../tests/fixtures/truth/insights.ts";

const verdict = (parts: string | string[], insight: InsightFacts) =>
  checkDraft(typeof parts === "string" ? [parts] : parts, {
    platform: "discord",
    insight,
    disclaimer: "",
    linkAllowlist: [],
  }).reason;
const passes = (text: string | string[], insight: InsightFacts) =>
  assert.equal(verdict(text, insight), null, String(text));
const fails = (text: string | string[], pattern: RegExp, insight: InsightFacts) =>
  assert.match(verdict(text, insight) ?? "passed", pattern, String(text));

const GREED: InsightFacts = {
  type: "fear_greed",
  symbol: null,
  timeframe: null,
  headline: "Fear & Greed at 72 (Greed)",
  facts: {
    value: 72,
    classification: "Greed",
    at: 1_764_547_200_000,
    previousValue: 49,
    previousAt: 1_764_460_800_000,
    change: 23,
  },
};
const NEAR: InsightFacts = {
  type: "price_move",
  symbol: "NEAR/USDT",
  timeframe: "1h",
  headline: "NEAR/USDT up 7.1% in 24h",
  facts: {
    window: "24h",
    windowHours: 24,
    changePct: 7.1186,
    fromClose: 5.9,
    toClose: 6.32,
    bars: 24,
    thresholdPct: 6,
  },
};
const NEWS: InsightFacts = {
  type: "news_sentiment_shift",
  symbol: null,
  timeframe: null,
  headline: "News sentiment up 0.41 in 24h",
  facts: {
    shift: 0.41,
    recentMean: 0.29,
    previousMean: -0.12,
    recentCount: 18,
    previousCount: 9,
    windowHours: 24,
    threshold: 0.3,
  },
};

Deno.test("a past value passes with past wording, and the wording stays with its figure", () => {
  passes("NEAR had been 5.90, now it is 6.32.", NEAR);
  passes("Index at 72 (Greed) 🙂 yesterday it stood at 49.", GREED);
  passes("Index 72 → Greed. Was 49 a day ago.", GREED);
  passes(["1/2 Index 72 → Greed.", "2/2 Was 49 a day ago."], GREED);
  fails("Index 49 → Greed. Was 49 a day ago.", /49 is a past value/, GREED);
  fails("Index at 49 (Greed) 🙂 yesterday it stood at 49.", /49 is a past value/, GREED);
});

Deno.test("past wording is read in Spanish, Portuguese, Japanese, Chinese and Korean", () => {
  passes("Índice em 72; ontem estava em 49.", GREED);
  passes("Índice en 72; ayer estaba en 49.", GREED);
  passes("Sentimiento medio de 0.29 frente a -0.12 el día anterior.", NEWS);
  passes("指数は72、前日の49から上昇。", GREED);
  passes("NEARは6.32ドル、24h前は5.90ドル。", NEAR);
  passes("指数72，昨天49。", GREED);
  passes("지수 72, 어제 49.", GREED);
  fails("指数は49、前日の49から上昇。", /49 is a past value/, GREED);
  fails("指数は72、前日の49から低下。", /the words say down/, GREED);
});

Deno.test("'before' looks back only when no time to come follows it", () => {
  passes("NEAR at 6.32, from 5.90 the day before.", NEAR);
  fails(
    "NEAR tags 5.90 before the weekend.",
    /5\.90 is a past value \(fromClose\) stated as current/,
    NEAR,
  );
});

Deno.test("a figure named as a change is backed only by a change", () => {
  passes("Sentiment rose to 0.29, a shift of 0.41.", NEWS);
  fails("Sentiment rose to 0.29, a shift of 0.3.", /worded as a change, but recentMean/, NEWS);
  fails("A 0.29 swing in news sentiment.", /worded as a change, but recentMean/, NEWS);
  passes("News sentiment moved +0.41 over the day.", NEWS);
});

Deno.test("a draft that names only another asset is about that asset throughout", () => {
  fails("SOL | 24h\n• move: +7.1%\n• last: 6.32", /about SOL|SOL/, NEAR);
  fails("SOL had a day. Up 7.1% to 6.32.", /SOL/, NEAR);
  passes("NEAR | 24h\n• move: +7.1%\n• last: 6.32", NEAR);
  passes("NEAR outpaced SOL. Up 7.1% to 6.32.", NEAR);
  passes(["1/2 NEAR up 7.1% in 24h.", "2/2 SOL lagged behind. Last 6.32."], NEAR);
});

Deno.test("a ticker that opens with a digit still names its figures' asset", () => {
  const movers: InsightFacts = {
    type: "top_movers",
    symbol: null,
    timeframe: null,
    headline: "Top movers in 24h",
    facts: {
      windowHours: 24,
      symbolsCompared: 24,
      gainer1Symbol: "1000SATS/USDT",
      gainer1ChangePct: 11.4,
      gainer2Symbol: "1INCH/USDT",
      gainer2ChangePct: 6.2,
      loser1Symbol: "ICP/USDT",
      loser1ChangePct: -3.9,
    },
  };
  passes("Leaders: 1000SATS +11.4%, 1INCH +6.2%. ICP fell 3.9%.", movers);
  passes("1INCH climbed 6.2% while ICP slid 3.9%.", movers);
  fails("1INCH climbed 11.4% while ICP slid 3.9%.", /1000SATS's gainer1ChangePct/, movers);
});

Deno.test("coins traded are volume and '배' or '倍' is a ratio, in any script", () => {
  const fil: InsightFacts = {
    type: "volume_spike",
    symbol: "FIL/USDT",
    timeframe: "1h",
    headline: "FIL/USDT 1h volume 3.9x its 20-bar average",
    facts: {
      volume: 2_104_500,
      baselineMean: 540_120,
      ratio: 3.8963,
      baselineBars: 20,
      close: 4.81,
    },
  };
  passes("Roughly 2.1M coins of FIL traded in one candle, about 3.9 times usual.", fil);
  passes("FIL 거래량: 20개 캔들 평균의 3.9배, 종가 4.81달러", fil);
  passes("FILの出来高は20本の足の平均の3.9倍。", fil);
  fails("FIL 거래량: 평균의 4.9배", /4\.9배 is not in the facts/, fil);
  fails(
    "FIL volume: 21 straight candles above average.",
    /21 counts a streak of candles/,
    fil,
  );
});

Deno.test("a direction is read in Spanish and Portuguese", () => {
  fails("NEAR cae un 7.1% en 24h.", /the words say down/, NEAR);
  fails("NEAR caiu 7.1% em 24h.", /the words say down/, NEAR);
  passes("NEAR sube un 7.1% en 24h y cotiza en 6.32.", NEAR);
});

Deno.test("past wording and a direction are read in French and German", () => {
  passes("Sentiment moyen de 0.29 contre -0.12 la veille.", NEWS);
  passes("Index 72 | prev 49", GREED);
  passes("Der Index steht bei 72, gestern bei 49.", GREED);
  fails("Le sentiment se dégrade : 0.29 contre -0.12 la veille.", /the words say down/, NEWS);
  fails("Die Stimmung verschlechtert sich auf 0.29.", /the words say down/, NEWS);
  passes("Le sentiment s'améliore : 0.29 contre -0.12 la veille.", NEWS);
});

Deno.test("CJK punctuation ends a clause without a space, and the close is read in other languages", () => {
  const ada: InsightFacts = {
    type: "rsi_extreme",
    symbol: "ADA/USDT",
    timeframe: "4h",
    headline: "ADA/USDT 4h RSI(14) at 24.1: oversold",
    facts: { rsi: 24.07, rsiPeriod: 14, threshold: 30, zone: "oversold", close: 0.5123 },
  };
  passes("ADA 4H RSI 为 24.1，收盘 0.5123。", ada);
  passes("ADAの4時間足RSIは24.1、終値は0.5123。", ada);
  passes("ADA 4H RSI 24.1, 종가 0.5123", ada);
  passes("ADA: RSI en 24.1 y cierre en 0.5123.", ada);
  fails("ADA 4H RSI 为 0.5123。", /0\.5123 matches close, but the sentence speaks of rsi/, ada);
});

/** LTC led and DOT trailed the day: two assets, each with its own figures and direction. */
const LTC_DOT: InsightFacts = {
  type: "top_movers",
  symbol: null,
  timeframe: null,
  headline: "Top movers in 24h",
  facts: {
    windowHours: 24,
    symbolsCompared: 30,
    gainer1Symbol: "LTC/USDT",
    gainer1ChangePct: 9.12,
    gainer1FromClose: 80.1,
    gainer1ToClose: 87.405,
    loser1Symbol: "DOT/USDT",
    loser1ChangePct: -5.43,
    loser1FromClose: 7.2,
    loser1ToClose: 6.809,
  },
};

Deno.test("two assets alternating in one line keep their own figures and directions", () => {
  passes("LTC ripping +9.1% today, now 87.41 🔥 meanwhile DOT -5.4%", LTC_DOT);
  passes("LTC up 9.1%, last 87.41, while DOT 6.81 after -5.4%", LTC_DOT);
  fails(
    "LTC up 9.1%, now 6.81 👀 meanwhile DOT -5.4%",
    /DOT's loser1ToClose, but the words tie it to LTC/,
    LTC_DOT,
  );
  fails("LTC ripping 9.1% today 👀 meanwhile DOT up 5.4%", /the words say up/, LTC_DOT);
});

Deno.test("a mood is a direction, and a gloomy mood lifting is a rise", () => {
  passes("Headlines got less gloomy: mean sentiment 0.29 against -0.12 the day before.", NEWS);
  passes("Coverage turned kinder, a shift of +0.41 in a day.", NEWS);
  fails("Headlines got gloomier: a shift of +0.41 in a day.", /the words say down/, NEWS);
  fails("Coverage turned harsher, mean sentiment 0.29.", /the words say down/, NEWS);
  fails("Coverage is no longer upbeat, mean sentiment 0.29.", /the words say down/, NEWS);
});

Deno.test("a mean sentiment without a sign is positive", () => {
  passes("Mean sentiment -0.12 a day earlier, 0.29 now.", NEWS);
  fails("Mean sentiment 0.12 a day earlier, 0.29 now.", /0\.12 is not in the facts/, NEWS);
});

Deno.test("what a count counts may be described, and a sum in cents is a price", () => {
  passes("The mean sentiment of 18 tracked news stories came to 0.29.", NEWS);
  fails("The mean sentiment of 17 crypto headlines came to 0.29.", /17 is not in the facts/, NEWS);
  const xlm: InsightFacts = {
    type: "volume_spike",
    symbol: "XLM/USDT",
    timeframe: "1h",
    headline: "XLM/USDT 1h volume 3.2x its 20-bar average",
    facts: {
      volume: 9_310_000,
      baselineMean: 2_905_000,
      ratio: 3.2048,
      baselineBars: 20,
      close: 0.7342,
    },
  };
  passes("XLM volume ~3.2x normal on the 1H XLM is at 73 cents.", xlm);
  fails("XLM volume ~3.2x normal: $9.31M traded.", /volume is counted in coins/, xlm);
});

Deno.test("a German verb split around its figure gives the figure its direction", () => {
  passes("NEAR legt binnen 24h 7.1% zu und notiert bei 6.32.", NEAR);
  fails("NEAR gibt binnen 24h 7.1% nach.", /7\.1%: the words say down/, NEAR);
  fails("NEAR büßt 7.1% ein.", /the words say down/, NEAR);
  fails("NEAR gab 7.1% ab, Kurs 6.32.", /the words say down/, NEAR);
  // "nach" as a preposition, with no split verb's figure before it, says nothing.
  passes("Es gibt nach dem Sprung um 7.1% wenig Neues: NEAR bei 6.32.", NEAR);
});

Deno.test("a direction is read in Russian, Turkish and Indonesian", () => {
  passes("NEAR вырос на 7.1% за 24h: было 5.90, сейчас 6.32.", NEAR);
  fails("NEAR упал на 7.1% за 24h.", /the words say down/, NEAR);
  fails("NEAR %7.1 düştü, şimdi 6.32.", /the words say down/, NEAR);
  fails("NEAR turun 7.1% dalam 24h.", /the words say down/, NEAR);
  passes("NEAR naik 7.1% dalam 24h.", NEAR);
});

Deno.test("a drop with an object is no move, and an arrow speaks only up to the next asset", () => {
  passes("NEAR up 7.1% in 24h, now 6.32. Drop your questions below 👇 NEAR trades near 6.3.", NEAR);
  fails("NEAR up 7.1% in 24h. Dropped to 6.32.", /6\.32: the words say down/, NEAR);
  passes("24h ▲ LTC +9.1% ▼ DOT -5.4% LTC last at 87.41", LTC_DOT);
  fails("24h ▲ LTC +9.1% ▲ DOT 5.4%", /5\.4%: the words say up/, LTC_DOT);
  fails("24h ▼ LTC 9.1% ▼ DOT 5.4%", /9\.1%: the words say down/, LTC_DOT);
});

Deno.test("a threshold is named as one by the label before its colon or by where it flags", () => {
  passes("NEAR, 24h: +7.1% (5.90 → 6.32). Alert threshold for this window: 6.0%.", NEAR);
  passes("NEAR +7.1% over 24h (alerts fire at 6%).", NEAR);
  fails("NEAR, 24h: 6.0% (5.90 → 6.32). Alert threshold: 6.0%.", /6\.0% is the detector's/, NEAR);
  fails("Move over the window: 6.0%.", /6\.0% is the detector's thresholdPct/, NEAR);
});

Deno.test("a bare figure called a ratio is one, and 'px' and 'schließt' speak of the price", () => {
  const ldo: InsightFacts = {
    type: "volume_spike",
    symbol: "LDO/USDT",
    timeframe: "1h",
    headline: "LDO/USDT 1h volume 4.6x its 20-bar average",
    facts: {
      volume: 3_912_000,
      baselineMean: 850_400,
      ratio: 4.6002,
      baselineBars: 20,
      close: 1.7391,
    },
  };
  passes("LDO 1H: volume 3.9M vs trailing-20 mean 850.4K, ratio 4.6.", ldo);
  passes("Volumen de LDO: 4.6 veces la media de 20 velas.", ldo);
  passes("[VOL] LDO 1H ratio=4.6 px=1.7391", ldo);
  passes("LDO schließt bei 1.7391, Volumen 4.6-fach über dem Schnitt.", ldo);
  fails("LDO 1H: volume 3.9M, ratio 5.6.", /5\.6 is not in the facts/, ldo);
  fails("LDO 1H: 4.6 of 20 candles.", /4\.6 is not in the facts/, ldo);
});

Deno.test("a figure like '15M' standing alone names the insight's chart when no fact is that large", () => {
  const kas: InsightFacts = {
    type: "rsi_extreme",
    symbol: "KAS/USDT",
    timeframe: "15m",
    headline: "KAS/USDT 15m RSI(14) at 22.1: oversold",
    facts: { rsi: 22.09, rsiPeriod: 14, threshold: 30, zone: "oversold", close: 0.1187 },
  };
  passes("log 15M: KAS RSI 22.1, px 0.1187.", kas);
  passes("KAS : RSI(14) à 22.1 en 15M. Dernier cours 0.1187.", kas);
  fails("log 30M: KAS RSI 22.1.", /30M is not in the facts/, kas);
  fails("KAS: 15M traded today.", /15M is not in the facts/, kas);
  fails("KAS volume 15M.", /15M is not in the facts/, kas);
  fails("KAS market cap $15M.", /\$15M/, kas);
});

Deno.test("a price rounded roughly up across a power of ten is not the price", () => {
  const arb: InsightFacts = {
    type: "price_move",
    symbol: "ARB/USDT",
    timeframe: "1h",
    headline: "ARB/USDT up 6.1% in 24h",
    facts: {
      window: "24h",
      windowHours: 24,
      changePct: 6.1399,
      fromClose: 0.93,
      toClose: 0.9871,
      bars: 24,
      thresholdPct: 6,
    },
  };
  fails("ARB up 6.1% in 24h, last at $1.", /\$1 is not in the facts/, arb);
  passes("ARB up 6.1% in 24h, last at $0.99.", arb);
  passes("ARB up 6.1% in 24h, at 99 cents.", arb);
  passes("ARB up 6.1% in 24h and trades near $1.", arb);
});

// Insights for the tests below, built as the detectors build them.
const RSI_OVERSOLD = rsi("rsi", "ATOM/USDT", "15m", 26.4, 4.812).insight as InsightFacts;
const GOLDEN = cross("cross", "ARB/USDT", "4h", [0.4102, 0.4111, 0.4135, 0.4121, 0.4198])
  .insight as InsightFacts;
const BAND_BELOW = band("band", "OP/USDT", "1h", [1.204, 1.402, 1.331, 1.26])
  .insight as InsightFacts;
const MOOD_UP = news("news", 0.31, -0.04).insight as InsightFacts;
const MOVE_UP = move("move", "TRX/USDT", "1h", "24h", 0.2411, 0.2534).insight as InsightFacts;

Deno.test("the range of a scale is the metric's own: '0 to 100' for RSI and the index", () => {
  passes("RSI runs from 0 to 100; ATOM reads 26.4, close 4.812.", RSI_OVERSOLD);
  passes("Fear & Greed is a 0-100 gauge. It reads 72 now.", GREED);
  passes("Headline tone is scored from -1 to +1: now +0.31, before -0.04.", MOOD_UP);
  fails("RSI runs from 0 to 90; ATOM reads 26.4.", /90 is not in the facts/, RSI_OVERSOLD);
  fails("TRX is on a 0 to 100 scale, at 0.2534.", /range of a scale/, MOVE_UP);
});

Deno.test("a current value worded as past is still true; a past one worded as current is not", () => {
  passes("TRX gained 5.1% in 24h; the close was 0.2534 (before that 0.2411).", MOVE_UP);
  passes("TRX Schlusskurs 0.2534 (vorher 0.2411), plus 5.1% in 24h.", MOVE_UP);
  passes("Start of the window: 0.2411. Latest close: 0.2534.", MOVE_UP);
  fails(
    "TRX is at 0.2411 now, up 5.1% in 24h.",
    /past value \(fromClose\) stated as current/,
    MOVE_UP,
  );
});

Deno.test("a length is a setting where it names an average, a band or a count of candles", () => {
  passes("Bands on OP (20, 2): close 1.204 under the lower band at 1.26.", BAND_BELOW);
  passes("That's 24 1H candles: TRX up 5.1%, close 0.2534.", MOVE_UP);
  passes("golden cross su ARB (4H): la media a 20 è a 0.4135, quella a 50 a 0.4121.", GOLDEN);
  passes("The 20-period SMA crossed the 50-period; the two are now 0.3% apart.", GOLDEN);
  fails("golden cross su ARB: la media a 20 è a 0.4135, quella a 60 a 0.4121.", /60/, GOLDEN);
});

Deno.test("a sample size, a chart named in other words, and last place in a ranking", () => {
  passes("SENTIMENT ▲ +0.35 | now +0.31 (n=14) | prior -0.04 (n=11)", MOOD_UP);
  passes("RSI 15M de ATOM à 26.4 : zone extrême. Cours : 4.812.", RSI_OVERSOLD);
  passes("ATOM 15M级别 RSI 26.4，现价 4.812。", RSI_OVERSOLD);
  passes("Of 30 pairs, DOT brought up the rear at -5.4%.", LTC_DOT);
  fails("ATOM volume 15M traded on the candle.", /15M/, RSI_OVERSOLD);
});

Deno.test("a start and its end side by side are past and current, in any words between", () => {
  passes("TRX son 24 saatte 5.1% yükseldi: 0.2411 seviyesinden 0.2534 seviyesine.", MOVE_UP);
  passes("TRX tăng 5.1% trong 24 giờ qua, từ 0.2411 lên 0.2534.", MOVE_UP);
  passes("TRX | 24h | +5.1% | 0.2411 → 0.2534", MOVE_UP);
  // The other order is not a move told from its start: the past value stays in the past.
  fails(
    "TRX: 0.2534 → 0.2411, +5.1% in 24h.",
    /past value \(fromClose\) stated as current/,
    MOVE_UP,
  );
});

Deno.test("thresholds named as boundaries, rules or lines pass as levels, in other languages too", () => {
  passes("ATOM RSI 26.4 against a 30 boundary. Close 4.812.", RSI_OVERSOLD);
  passes("ATOM RSI 26.4, межа 30. Ціна 4.812.", RSI_OVERSOLD);
  passes("ATOM RSI 26.4, lampas na sa 30 na linya. Close 4.812.", RSI_OVERSOLD);
  fails("ATOM RSI at 30 now. Close 4.812.", /threshold, stated as a reading/, RSI_OVERSOLD);
});

Deno.test("a table's cells are read with their headers, and a scale's top with 'out of'", () => {
  passes("| Index | Now | Previous |\n|---|---|---|\n| F&G | 72 | 49 |", GREED);
  passes("Fear & Greed reads 72 out of 100, up from 49 a day earlier.", GREED);
  passes("индекс страха и жадности — 72 из 100, днём ранее было 49.", GREED);
  fails("| Index | Now | Previous |\n|---|---|---|\n| F&G | 49 | 72 |", /past value/, GREED);
});

Deno.test("key=value notes, numbered lists and video chapters read as labels, not figures", () => {
  passes("[TRX 1H] window=24h from=0.2411 to=0.2534 chg=+5.1%", MOVE_UP);
  passes("TRX on the 1H chart: 1) start of the window: 0.2411 2) latest close: 0.2534", MOVE_UP);
  passes("TRX up 5.1% in 24h\n\n0:00 Intro\n0:48 The move\n2:15 Wrap-up", MOVE_UP);
  passes("news sent: prev=-0.04 (n=11) now=+0.31 (n=14)", MOOD_UP);
  fails(
    "[TRX 1H] window=24h from=0.2411 to=0.2411",
    /past value \(fromClose\) stated as current/,
    MOVE_UP,
  );
  fails("TRX up 5.1% at 00:00 UTC", /clock time/, MOVE_UP);
});

Deno.test("a threshold the words say a reading went past is a level, in other languages too", () => {
  passes("ATOM RSI 26.4, pasado el 30: zona oversold. Cierre 4.812.", RSI_OVERSOLD);
  passes("ATOM RSI(14) 26.4，已越过 30 这条线。收盘价 4.812。", RSI_OVERSOLD);
  fails("ATOM RSI at 30, pasado el 30.", /threshold, stated as a reading/, RSI_OVERSOLD);
});

Deno.test("CSV lines under a header, band settings in brackets and a ticker's own mark", () => {
  passes("pair;tf;from close;to close\nTRX/USDT;1H;0.2411;0.2534", MOVE_UP);
  passes("Полосы Боллинджера (20, 2): OP закрылась на 1.204, ниже нижней 1.26.", BAND_BELOW);
  passes("OP 1H bb(20,2) up=1.402 mid=1.331 lo=1.26 close=1.204", BAND_BELOW);
  fails("pair;tf;from close;to close\nTRX/USDT;1H;0.2411;0.2411", /stated as current/, MOVE_UP);
  fails("Полосы (20, 3): OP 1.204.", /3/, BAND_BELOW);
});

const VOLUME_UP = volume("volume", "HOOK/USDT", "1h", 38_410_000, 9_212_000, 0.1487)
  .insight as InsightFacts;
const MOVERS = movers("movers", [
  ["PHB/USDT", 0.5021, 0.5378],
  ["BIFI/USDT", 221.7, 236.4],
  ["ALCX/USDT", 12.86, 11.93],
  ["TRU/USDT", 0.03412, 0.03184],
]).insight as InsightFacts;
const RSI_HIGH = rsi("rsi", "DIA/USDT", "4h", 76.81, 0.6143).insight as InsightFacts;

Deno.test("cells of a line split by bars or dots are clauses of their own", () => {
  passes("[move-bot] TRX | window 24h | change +5.1% | 0.2411 → 0.2534 | bars 24 on 1H", MOVE_UP);
  passes("Widget: HOOK 1H vol 4.2x avg · 0.1487", VOLUME_UP);
  passes("[movers-bot] pairs compared 24 | window 24h | ▲ PHB +7.1% | ▼ ALCX -7.2%", MOVERS);
  passes("[news-bot] sentiment +0.31 (prev -0.04) | shift +0.35 | articles 14 vs 11", MOOD_UP);
  fails("[move-bot] TRX | window 24h | change +5.1% | bars 20 on 1H", /not a setting/, MOVE_UP);
  fails("Widget: HOOK 1H vol 4.2x avg · 0.1478", /0\.1478/, VOLUME_UP);
});

Deno.test("a table may come without its rule line, and its first cell names the row", () => {
  passes("| Asset | TF | Volume | Avg | x |\n| HOOK | 1H | 38.4M | 9.2M | 4.2 |", VOLUME_UP);
  passes("| Rank | Pair | 24h |\n| ▲1 | PHB | +7.1% |\n| ▼1 | ALCX | -7.2% |", MOVERS);
  passes(
    "| Window | Articles | Avg sentiment |\n| previous 24h | 11 | -0.04 |\n| latest 24h | 14 | +0.31 |",
    MOOD_UP,
  );
  fails(
    "| Window | Articles | Avg sentiment |\n| latest 24h | 11 | -0.04 |\n| previous 24h | 14 | +0.31 |",
    /past value/,
    MOOD_UP,
  );
  fails(
    "| Asset | TF | Volume | Avg | x |\n| HOOK | 1H | 38.4M | 9.2M | 3.2 |",
    /not in the facts/,
    VOLUME_UP,
  );
});

Deno.test("a chart or a setting between an indicator and its reading does not cut them apart", () => {
  passes("Its 14-period RSI on 4H candles closed at 76.8, past the 70 line.", RSI_HIGH);
  passes("OP closed below its 1H band at 1.204 (upper 1.402, lower 1.26).", BAND_BELOW);
  passes("ARB 4H: SMA20 is at 0.4135 and SMA50 at 0.4121.", GOLDEN);
  fails("Its 14-period RSI on 4H candles closed at 74.2.", /74\.2 is not in the facts/, RSI_HIGH);
});

Deno.test("past words: 'after' a figure, Ukrainian, and a count before an average", () => {
  passes("TRX gained 5.1% in 24h, closing at 0.2534 after 0.2411.", MOVE_UP);
  passes("Latest: 14 articles averaging +0.31, after 11 averaging -0.04.", MOOD_UP);
  passes(
    "ARB 4H — golden cross: SMA20 0.4135, SMA50 0.4121. Свічкою раніше було 0.4102 і 0.4111.",
    GOLDEN,
  );
  fails("TRX gained 5.1% in 24h, closing at 0.2411 after 0.2534.", /stated as current/, MOVE_UP);
});

Deno.test("settings named apart from their average, and words that only look like units", () => {
  passes("chat: golden cross on ARB 4H just now, 20 vs 50 SMA", GOLDEN);
  passes(
    "Na ARB (4H) um golden cross: a média de 20 períodos está em 0.4135 e a de 50 em 0.4121.",
    GOLDEN,
  );
  passes("[rsi-bot] DIA | RSI(14) 76.8 | line 70 DIA trades near $0.614.", RSI_HIGH);
  passes("ARB 4H: golden cross (SMA20/SMA50) ARB is at 42 cents.", GOLDEN);
  passes("ARB 4H golden cross | SMA20 0.4135 vs SMA50 0.4121 Markets move both ways.", GOLDEN);
  passes("TRX: +5.1% in 24h, von 0.2411 auf 0.2534. Unsere Meldeschwelle liegt bei 6.0%.", MOVE_UP);
  fails("chat: golden cross on ETH 4H just now, 20 vs 50 SMA", /ETH, which this insight/, GOLDEN);
  fails(
    "TRX: +5.1% in 24h. Die Bewegung liegt bei 6.0%.",
    /thresholdPct, stated as a reading/,
    MOVE_UP,
  );
});

const FEAR = fearGreed("fg", 23, "Extreme Fear", 36).insight as InsightFacts;

Deno.test("a thread numbered without its total, sample sizes and a mean's length in brackets", () => {
  passes(
    "1/ TRX, 24h window: +5.1%.\n2/ Started at 0.2411, latest close 0.2534, over 24 bars of 1H.",
    MOVE_UP,
  );
  passes("TRX · 1H · Δ(24h) = +5.1% · px_then 0.2411 → px_last 0.2534 · n = 24", MOVE_UP);
  passes("HOOK 1H | vol 38.4M | μ(20) 9.2M | ratio 4.2 (trigger ≥ 3) | px 0.1487", VOLUME_UP);
  fails("TRX · 1H · Δ(24h) = +5.1% · n = 25", /25 is not a setting/, MOVE_UP);
});

Deno.test("past words and units in more languages", () => {
  passes("🧠 Indeks strachu i chciwości: 23 (Extreme Fear) 👀 wczoraj 36 | zmiana -13", FEAR);
  passes("Fear & Greed ngayon: 23 (Extreme Fear). Kahapon, 36. Bumaba ng 13 points.", FEAR);
  passes("مؤشر الخوف والطمع عند 23، بعد أن كان 36 أمس.", FEAR);
  passes("Indicele Fear & Greed e acum la 23, față de 36 ieri.", FEAR);
  passes("TRX pushed forward: 0.2411 when this 24h stretch began, 0.2534 now.", MOVE_UP);
  fails("Fear & Greed ngayon: 36. Kahapon, 23.", /past value/, FEAR);
  fails("Fear & Greed ngayon: 23. Kahapon, 36. Tumaas ng 13 points.", /went the other way/, FEAR);
  fails("TRX gave ground: 0.2411 when this 24h stretch began, 0.2534 now.", /other way/, MOVE_UP);
});

Deno.test("streaks and dates in other languages are not figures of the insight", () => {
  fails("TRX +5.1% en 24h. Ya van 24 velas seguidas en la misma dirección.", /streak/, MOVE_UP);
  fails("TRX +5.1% en 24h. Datos al 3 de diciembre.", /date/, MOVE_UP);
});

Deno.test("more languages: ratios and candles named first, averages, counts and past words", () => {
  passes(
    "Kiasi cha HOOK kwenye mshumaa wa 1H: 38.4M, mara 4.2 ya wastani wa mishumaa 20 (9.2M).",
    VOLUME_UP,
  );
  passes("HOOK 1H والیوم 38.4M، جو پچھلی 20 کینڈلز کی اوسط 9.2M کا 4.2 گنا ہے۔", VOLUME_UP);
  passes(
    "ARB marca un golden cross en 4H: la media de 20 está en 0.4135 y la de 50 en 0.4121.",
    GOLDEN,
  );
  passes("**TRX UP 5.1%** (24h)\n**Was:** 0.2411\n**Now:** 0.2534", MOVE_UP);
  passes("Indeks Fear & Greed sekarang 23 (Extreme Fear), turun 13 poin dari 36 kemarin.", FEAR);
  passes("Na prethodnom očitanju bio je 36, a sada je indeks na 23.", FEAR);
  passes(
    "Il sentiment migliora: media +0.31 (14 articoli), contro -0.04 del giorno prima (11 articoli).",
    MOOD_UP,
  );
  fails("**TRX UP 5.1%** (24h)\n**Was:** 0.2534\n**Now:** 0.2411", /stated as current/, MOVE_UP);
  fails("Il sentiment peggiora: media +0.31 (14 articoli).", /other way/, MOOD_UP);
});

Deno.test("an average's length given in days or weeks must be the chart's candles", () => {
  fails("TRX 1H: measured against the 20-week average.", /counts 168h candles/, MOVE_UP);
  passes("ARB 4H: the 20-period average crossed the 50.", GOLDEN);
});

Deno.test("held-out sets z and aa: averages named after their figure, sigmas, past words", () => {
  passes(
    "For HOOK, the last 1H candle traded 38.4M tokens, 4.2 times the 9.2M average.",
    VOLUME_UP,
  );
  passes(
    "HOOK 1H: 38.4M against 9.2M; the bot flags at 3 times the average; this came in at 4.2.",
    VOLUME_UP,
  );
  passes(
    "Közérthetően: TRX 24h alatt 5.1%-kal emelkedett. Korábban 0.2411 volt, most 0.2534.",
    MOVE_UP,
  );
  passes("— Index?\n— 23. Extreme Fear.\n— Yesterday?\n— 36, so down 13.", FEAR);
  passes("Vriendelike herinnering: Nou 23 (Extreme Fear), gister 36.", FEAR);
  passes("No gráfico de 15M, o IFR(14) marca 26.4, zona oversold (linha de 30).", RSI_OVERSOLD);
  fails("Közérthetően: most 0.2411, korábban 0.2534 volt.", /stated as current/, MOVE_UP);
});

Deno.test("held-out sets ad and ae: start labels, formulas, clock words and level words", () => {
  const up = move("x", "XNO/USDT", "1h", "24h", 13.46, 14.58).insight;
  passes("Start: XNO closed at 13.46 USDT.\nEnd: 24h later it closed at 14.58 USDT.", up);
  passes("XNO, last 24h\n• Starting close: 13.46\n• Latest close: 14.58\n• Net change: +8.3%", up);
  passes("XNO: Plus von 8.3%. Der Kurs steht jetzt bei 14.58 USDT, nach 13.46 zu Beginn.", up);
  fails("Start: XNO closed at 14.58 USDT.\nEnd: it closed at 13.46 USDT.", /stated as current/, up);
  const mood = news("n", 0.21, -0.13).insight;
  passes("Cambio = +0.21 − (-0.13) = +0.34", mood);
  passes("Der Wert lag zuletzt bei +0.21 nach -0.13 am Vortag.", mood);
  fails("Der Wert lag zuletzt bei +0.21, um 9 am.", /clock time/, mood);
  const spike = volume("v", "USTC/USDT", "1h", 48_120_000, 11_240_000, 0.01873).insight;
  passes("Rasio = volume ÷ rata-rata = 4.3.", spike);
  passes("KAVA 1H volume: x = 48.1M, μ = 11.2M, x/μ = 4.3.", spike);
  const above = band("b", "XNO/USDT", "1h", [14.58, 14.31, 13.72, 13.13]).insight;
  passes("One standard deviation = (upper − middle) ÷ 2.", above);
  passes("• Settings: 20 periods, 2 std dev XNO is at 14.58 USDT.", above);
  const hot = rsi("r", "WING/USDT", "4h", 77.64, 11.37).insight;
  passes("WING 4H级别RSI(14)读数77.6，越过70关口", hot);
  fails("WING 4H级别RSI(14)读数70", /threshold/, hot);
});

Deno.test("held-out sets ad and ae: band sides in more words, ranks and German streaks", () => {
  const above = band("b", "CREAM/USDT", "1h", [16.48, 16.29, 15.62, 14.95]).insight;
  passes("CREAM closed a 1H candle at 16.48, above the upper Bollinger band (20, 2).", above);
  fails(
    "CREAM closed a 1H candle at 16.48, below the lower Bollinger band (20, 2).",
    /deny/,
    above,
  );
  fails("CREAM breaks below its Bollinger band", /deny/, above);
  fails("CREAM punches through the lower Bollinger band on the 1H", /deny/, above);
  fails("CREAM ended at 16.48, outside its Bollinger envelope on the downside.", /deny/, above);
  fails("📢 CREAM（1H足）ボリンジャーバンド下抜け", /deny/, above);
  fails("CREAM, 1H grafikte Bollinger bandının altında kapanış yaptı", /deny/, above);
  passes("CREAM, 1H grafikte Bollinger bandının üzerinde kapanış yaptı", above);
  const down = move("m", "UNFI/USDT", "1h", "4h", 4.1862, 3.9917).insight;
  fails("UNFI -4.6% in 4h. It now ranks No. 4 by market cap.", /rank/, down);
  fails("UNFI -4.6% in 4h. Das ist die 4. Kerze in Folge.", /streak/, down);
});

Deno.test("held-out sets af and ag: definitions, leaders, tables, fields and past words", () => {
  const spike = volume("v", "COOKIE/USDT", "1h", 12_480_000, 2_910_000, 0.2358).insight;
  passes("A: A candle trading at least 3x its 20-candle average. COOKIE came in at 4.3x.", spike);
  const hot = rsi("r", "ACX/USDT", "4h", 78.94, 0.4127).insight;
  passes("ACX 4H RSI(14) 读数 78.9，已越过 70 的阈值，处于 overbought 区间。", hot);
  const above = band("b", "BANANA/USDT", "1h", [21.37, 21.08, 20.21, 19.34]).insight;
  passes("BB BREAK BANANA 1H: close 21.37 above band (21.08/19.34).", above);
  passes(
    "| close | upper | middle | lower | σ |\n|---|---|---|---|---|\n| 21.37 | 21.08 | 20.21 | 19.34 | 2.7 |",
    above,
  );
  const up = move("m", "ORCA/USDT", "1h", "24h", 11.87, 12.84).insight;
  passes(
    "STATUS :: ORCA\nchange ...... +8.2%\nfrom ........ 11.87\nto .......... 12.84\ncandles ..... 24 x 1H",
    up,
  );
  fails("STATUS :: ORCA\nfrom ........ 12.84\nto .......... 11.87", /stated as current/, up);
  const golden =
    cross("c", "PENGU/USDT", "4h", [0.01121, 0.01124, 0.01131, 0.01127, 0.01197]).insight;
  passes("cross.tf = 4H\nsma.fast = 0.01131 (was 0.01121)\nlast = 0.01197", golden);
  passes("هشدار PENGU: میانگین 20 روی 0.01131 و میانگین 50 روی 0.01127 قرار دارد.", golden);
  passes("1/2 | | prev | now |\n|---|---|---|\n| SMA20 | 0.01121 | 0.01131 |", golden);
  const mood = news("n", 0.23, -0.14).insight;
  passes(
    "This window reads mean +0.23, count 14; the previous window reads mean -0.14, count 11.",
    mood,
  );
  passes("Sentiment se za posledních 24 hodin zlepšil z -0.14 na +0.23, posun o 0.37.", mood);
  passes("Stand-up: sentimentul s-a îmbunătățit, de la -0.14 la +0.23 în ultimele 24 ore.", mood);
  passes("A: The average rose by 0.37, more than the 0.3 shift we flag.", mood);
  const fear = fearGreed("f", 17, "Extreme Fear", 31).insight;
  passes("Diário: índice em 17 (Extreme Fear); caiu de 31.", fear);
  passes("О: 17, «Extreme Fear»; упал на 14 с 31.", fear);
  passes("מדד הפחד והחמדנות עומד כעת על 17, ירידה של 14 נקודות מהקריאה הקודמת (31).", fear);
  passes("恐惧贪婪指数 17（Extreme Fear），较上次 31 下降 14 点", fear);
});

Deno.test("held-out sets ah and ai: references, pairs in brackets, more past words and scripts", () => {
  const up = move("m", "RAY/USDT", "1h", "24h", 10.84, 11.73).insight;
  passes("Last close: 11.73 USDT (reference close: 10.84).", up);
  passes("| Metric | Value |\n|---|---|\n| Start close | 10.84 |\n| Latest close | 11.73 |", up);
  const above = band("b", "RAY/USDT", "1h", [11.73, 11.51, 11.02, 10.53]).insight;
  passes("RAY/USDT 1H 收于 11.73，突破上轨（布林带 20, 2）。上轨 11.51，中轨 11.02。", above);
  passes("RAY closed at 11.73, above its upper Bollinger band (BB 20, 2). Upper 11.51.", above);
  passes("RAY ปิดเหนือเส้นบนของ Bollinger Band บนกราฟ 1H ที่ 11.73 USDT (เส้นกลาง 11.02)", above);
  fails("RAY/USDT 1H 收于 11.73，跌破下轨。", /deny/, above);
  const spike = volume("v", "TURBO/USDT", "1h", 4_810_000_000, 1_120_000_000, 0.004213).insight;
  passes("TURBO 1H volume came in at 4.3x its 20-bar average, above the 3x level we flag.", spike);
  const mood = news("n", 0.19, -0.16).insight;
  passes("Quick correction, kindly: the change is +0.35. It is +0.19 now against -0.16.", mood);
  passes("Hisia zimepanda kwa 0.35 ndani ya saa 24: wastani sasa ni +0.19 kutoka -0.16.", mood);
  const fear = fearGreed("f", 16, "Extreme Fear", 29).insight;
  passes("l'indice Fear & Greed est à 16 (Extreme Fear), il était à 29, donc -13 points", fear);
  passes("Indeks strachu i chciwości: 16 (Extreme Fear), spadek o 13 pkt z 29.", fear);
});

Deno.test("held-out sets aj and ak: thresholds reached, ratios of a mean, dimmed marks, bands", () => {
  const mood = news("n", 0.24, -0.13).insight;
  passes(
    "News sentiment ▲ 0.37\nNow: +0.24 · Before: -0.13\nFlagged when the shift reaches 0.3",
    mood,
  );
  passes("Stimmung aufgehellt: Schnitt +0.24 in den letzten 24 Stunden nach -0.13 davor.", mood);
  passes("Тон улучшился: среднее за 24 ч — +0.24 (14 статей), до этого — -0.13.", mood);
  const greed = fearGreed("g", 79, "Extreme Greed", 66).insight;
  passes("Legend: needle = current reading (79); faded needle = previous (66).", greed);
  const spike = volume("v", "UFT/USDT", "1h", 7_410_000, 1_760_000, 0.3127).insight;
  passes(
    "Obs. UFT 1H: V = 7.4M; baseline mean (n = 20) = 1.8M; V/mean = 4.2; flag level = 3x.",
    spike,
  );
  const above = band("b", "VANA/USDT", "1h", [21.37, 21.02, 20.41, 19.8]).insight;
  fails("BB break | VANA 1H\nClose 21.37 < lower band", /deny/, above);
  fails("VANA 1H 볼린저 밴드 하단 이탈 🚨 종가 21.37", /deny/, above);
  passes("VANA 1H 볼린저 밴드 상단 이탈 🚨 종가 21.37", above);
});

Deno.test("a close compared with a band is checked against the band it names", () => {
  const inside = band("b", "VANA/USDT", "1h", [20.5, 21.02, 20.41, 19.8]).insight;
  passes("Close 20.5 > lower band, < upper band", inside);
  fails("Close 20.5 > upper band", /deny/, inside);
});

const SPIKE = volume("v", "USTC/USDT", "1h", 48_120_000, 11_240_000, 0.01873)
  .insight as InsightFacts;
const MOOD = news("n", 0.21, -0.13).insight as InsightFacts;
const FEAR_23 = fearGreed("fg", 23, "Extreme Fear", 36).insight as InsightFacts;

Deno.test("a threshold compared with or needed by a move is a level, not a reading", () => {
  passes("TRX moved 5.1% in 24h, less than the 6% a 24h move needs.", MOVE_UP);
  passes("USTC: divide one by the other and you get 4.3, above the 3 cut-off.", SPIKE);
  passes("An RSI line sits at 76.81, outside the 70 guide.", RSI_HIGH);
  passes("Its 4H RSI (14) closed at 76.81, past the 70 boundary.", RSI_HIGH);
  fails("An RSI line ending at 70, outside the 70 guide line.", /70 is the detector's/, RSI_HIGH);
  fails("TRX moved 6% in 24h.", /6% is worded as a change, but thresholdPct/, MOVE_UP);
});

Deno.test("a decimal before M is millions, and a norm is an average", () => {
  passes("The 1H candle closed at 0.01873 on 48.1M in volume, 4.3 times average.", SPIKE);
  passes("USTC printed 48.1M units, 4.3 times its 20-bar norm of 11.2M.", SPIKE);
  fails("USTC printed 48.1M units, 4.3 times its 20-bar norm of 14.2M.", /14\.2M/, SPIKE);
});

Deno.test("two lengths of the insight's own, side by side, are its settings", () => {
  passes("ARB: the 20 and the 50 crossed, fast 0.4135, slow 0.4121.", GOLDEN);
  fails("ARB: the fast average is at 20 now.", /20 is the setting fastPeriod/, GOLDEN);
});

Deno.test("small number words heading a list or joined to a noun are not figures", () => {
  passes(
    "Two bars: sentiment of 11 articles before (-0.13) and of 14 in the latest one (+0.21).",
    MOOD,
  );
  passes("Two-panel chart: DIA closed at 0.6143, RSI 76.81.", RSI_HIGH);
  fails("TRX up six percent in 24h.", /6% is the detector's|not in the facts/, MOVE_UP);
  // The count of the latest window is its own, not the earlier one's.
  fails("Sentiment of 11 articles before (-0.13) and of 11 in the latest one (+0.21).", /11/, MOOD);
});

Deno.test("a past figure after a comparison and its noun, or after Romanian 'de la'", () => {
  passes("Fear-&-Greed-Index bei 23, minus 13 Punkte gegenüber dem letzten Wert von 36.", FEAR_23);
  passes("Indicele Fear & Greed a coborât la 23 (Extreme Fear), de la 36.", FEAR_23);
  fails(
    "Fear-&-Greed-Index bei 23, plus 13 Punkte gegenüber dem letzten Wert von 36.",
    /13/,
    FEAR_23,
  );
  fails(
    "Indicele Fear & Greed a urcat la 23 (Extreme Fear), de la 36.",
    /went the other way/,
    FEAR_23,
  );
  fails("Indicele Fear & Greed este la 36.", /36 is a past value/, FEAR_23);
});

Deno.test("a window takes the direction its words give the change of that span", () => {
  passes("סנטימנט החדשות השתפר במהלך 24 השעות האחרונות.", MOOD);
  fails("סנטימנט החדשות הורע במהלך 24 השעות האחרונות.", /the words say down over 24/, MOOD);
  fails("News mood soured over the last 24 hours.", /the words say down over 24/, MOOD);
  passes("News mood brightened over the last 24 hours.", MOOD);
});

const TRX_4H = move("m4", "TRX/USDT", "1h", "4h", 0.2411, 0.2534).insight as InsightFacts;

Deno.test("a chart named after its resolution or after a candle word does not set a span", () => {
  passes(
    "A 5.1% rise over a 4h interval (4 candles at 1H resolution), from 0.2411 to 0.2534.",
    TRX_4H,
  );
  passes("TRX ▲ 5.1% за 4h, цена 0.2411 → 0.2534 (свечи 1H).", TRX_4H);
  fails("TRX ▲ 5.1% за 1h, цена 0.2411 → 0.2534.", /over 4h, but the words say 1h/, TRX_4H);
});

Deno.test("an ellipsis joins a move's two ends, and an answer takes its question as its label", () => {
  passes("TRX pushes on! 0.2411... 0.2534... that's +5.1% in 4h!", TRX_4H);
  fails(
    "TRX pushes on! 0.2534... 0.2411... that's +5.1% in 4h!",
    /0\.2411 is a past value/,
    TRX_4H,
  );
  passes("Q: Opening? A: 0.2411. Q: Latest? A: 0.2534. Q: Move? A: +5.1% in 4h.", TRX_4H);
  fails("Q: Opening? A: 0.2534. Q: Latest? A: 0.2411.", /0\.2411 is a past value/, TRX_4H);
});

Deno.test("a sentence naming both average lengths names the pair; ticked items are clauses", () => {
  passes("Die 20-gemiddelde staan op 0.4135, die 50-gemiddelde op 0.4121.", GOLDEN);
  passes("The quick one (20) says 0.4135, the slow one (50) says 0.4121.", GOLDEN);
  fails("The quick one is at 20 now.", /20 is the setting fastPeriod/, GOLDEN);
  passes("✓ RSI 76.81 ✓ zone overbought ✓ close 0.6143", RSI_HIGH);
  passes(
    "Trading activity in USTC reached 48.1M on one 1H candle, 4.3 times the 11.2M norm.",
    SPIKE,
  );
});

Deno.test("settings, levels and past words of more languages; 'Sure thing!' answers", () => {
  passes("RSI ya vipindi 14 iko 76.81. Hali: overbought, mstari ni 70.", RSI_HIGH);
  passes("RSI de 14 períodes a 76.81, més enllà del llindar de 70.", RSI_HIGH);
  passes("DIA (4H): RSI(14) rāda 76.81; robeža 70.", RSI_HIGH);
  passes("L'indice Fear & Greed è a 23, sceso di 13 punti da 36.", FEAR_23);
  passes("Die indeks staan op 23, teenoor 36 voorheen.", FEAR_23);
  fails("Sentiment +0.21 versus -0.13 before: a negative shift of 0.34.", /says? down/, MOOD);
  passes("Sure thing! TRX moved +5.1% in 24h.", MOVE_UP);
  fails("Sure thing: TRX doubles from here.", /Sure thing/, MOVE_UP);
  fails("Dit gaan verder styg, koop nou!", /koop nou/, MOVE_UP);
});

Deno.test("direction words of more languages are read against the move", () => {
  passes("TRX: az árfolyam emelkedett, 0.2411 → 0.2534, azaz +5.1% (4h).", TRX_4H);
  fails("TRX: az árfolyam süllyedt, 0.2411 → 0.2534, azaz +5.1% (4h).", /say down/, TRX_4H);
  fails("TRX on laskenut 4h aikana, 0.2411 → 0.2534 (muutos +5.1%).", /say down/, TRX_4H);
  fails("TRX je pao s 0.2411 na 0.2534, to jest +5.1% u 4h.", /say down/, TRX_4H);
  fails("TRX, field notes: a 4h descent of 5.1%.", /say down/, TRX_4H);
});

const BAND_15M = band("b15", "OP/USDT", "15m", [0.8812, 0.9345, 0.9177, 0.9009])
  .insight as InsightFacts;
const MOVE_COINS = volume("mv", "MOVE/USDT", "4h", 88_400_000, 21_050_000, 0.1203)
  .insight as InsightFacts;

Deno.test("a start and its end told apart on one line are the move's two ends", () => {
  passes("Opening level 0.2411; closing level 0.2534. TRX, +5.1% in 24h.", MOVE_UP);
  passes("Q: Where did TRX start the 24h window? A: 0.2411. Q: And the end? A: 0.2534.", MOVE_UP);
  // Czech, Polish and Slovak "z" is "from", not a z-score; "sviečky 1H" names the chart.
  passes("Cena TRX stúpla za 24h o 5.1%, z 0.2411 na 0.2534 (sviečky 1H).", MOVE_UP);
  // A current value replaced by the past one leaves no end after it.
  fails("Opening level 0.2411; closing level 0.2411.", /stated as current/, MOVE_UP);
  // A question on a line of its own states what it asks about.
  fails(
    "Q: Is TRX really at 0.2411?\nA: Yes, the latest close is 0.2534.",
    /stated as current/,
    MOVE_UP,
  );
  fails("Precio anterior 0.2411, precio actual 0.2411.", /stated as current/, MOVE_UP);
});

Deno.test("two lists, of assets and of as many figures, pair up in order", () => {
  passes("PHB and BIFI climbing (+7.1%, +6.6%); ALCX and TRU sliding (-7.2%, -6.7%).", MOVERS);
  fails("PHB and BIFI climbing (+6.6%, +7.1%).", /the words tie it to/, MOVERS);
  passes("Top two: PHB +7.1%, BIFI +6.6%. Bottom 2: ALCX -7.2%, TRU -6.7%.", MOVERS);
  fails("Top 3: PHB +7.1%, BIFI +6.6%.", /3 is a rank or date/, MOVERS);
});

Deno.test("multiples, labels and the candles a baseline averages, in more languages", () => {
  passes("USTC: volum 48.1M pe o lumânare 1H, de 4.3 ori media (11.2M).", SPIKE);
  passes("USTC 1H: 48.1M, дунджаас (11.2M) 4.3 дахин их.", SPIKE);
  passes("USTC 1H volume 48.1M, 4.3 volte la media (11.2M) delle 20 precedenti.", SPIKE);
  passes("One 1H USTC candle took in 48.1M where the last 20 averaged 11.2M.", SPIKE);
  passes("USTC VOLUME SPIKE STOP 48.1M ON ONE 1H CANDLE STOP CLOSE 0.01873 STOP", SPIKE);
  passes("[bot] USTC 1H vol=48.1M avg(20)=11.2M ratio=4.3 thr=3 close=0.01873", SPIKE);
  fails("[bot] USTC 1H vol=48.1M avg(20)=11.2M ratio=3 thr=3", /threshold/, SPIKE);
  passes("OP 15M BOLLINGER (20, 2). Close: 0.8812 (below).", BAND_15M);
  passes("Volume: 88.4M MOVE vs 21.1M MOVE on average.", MOVE_COINS);
  passes("Meán meoin: -0.13 roimhe, +0.21 anois; athrú +0.34 thar 24 uair an chloig.", MOOD);
  passes("Sentimento médio +0.21 (14 notícias) contra -0.13 (11 notícias).", MOOD);
  passes("DIA, 4H: RSI(14) = 76.81 (overbought), шек 70.", RSI_HIGH);
  passes("डर र लोभ सूचकांक 23, पहिले 36.", FEAR_23);
  fails("डर र लोभ सूचकांक 36.", /past value/, FEAR_23);
});

Deno.test("direction words of Spanish, Japanese, Slovak, Zulu and Khmer", () => {
  fails("TRX, rebajado un 5.1% en 24h.", /say down/, MOVE_UP);
  passes("TRX, revalorizado un 5.1% en 24h.", MOVE_UP);
  fails("TRX は 24h で 5.1% 下がった。", /say down/, MOVE_UP);
  fails("TRX YEHLE 5.1% NGAPHAKATHI KWE 24h.", /say down/, MOVE_UP);
  fails("TRX បានធ្លាក់ 5.1% ក្នុងរយៈពេល 24h។", /say down/, MOVE_UP);
  passes("Cena TRX stúpla o 5.1% za 24h.", MOVE_UP);
});

const CROSS_UP = cross("cu", "ARB/USDT", "4h", [0.4102, 0.4111, 0.4135, 0.4121, 0.4198])
  .insight as InsightFacts;
const RED_MOVE = move("red", "RED/USDT", "1h", "24h", 0.2811, 0.3062).insight as InsightFacts;

Deno.test("labels, multiples and windows named the short way", () => {
  passes("vol_spike sym=USTC/USDT tf=1H vol=48.1M base_n=20 base_mean=11.2M x=4.3", SPIKE);
  passes("Movers on x: +7.1%, +6.6%, -7.2%.", MOVERS);
  passes("USTC 1H volume 48.1M exceeded the 3x alert multiple (actual 4.3x).", SPIKE);
  passes("Ìwọ̀n USTC 48.1M, ìlọ́po 4.3 ti àròpín 11.2M.", SPIKE);
  passes("Mood moved from -0.13 to +0.21, comparing the latest 24 hours with the 24 before.", MOOD);
  passes("Media ultimelor 24 de ore este +0.21, față de -0.13 anterior.", MOOD);
  passes("Średnia z ostatnich 24 godzin to +0.21 wobec -0.13 wcześniej.", MOOD);
  passes("Snitt +0.21 för de senaste 24 timmarna mot -0.13 dygnet innan.", MOOD);
  passes("Matsakaicin labarai 14 a cikin awanni 24 ya kai +0.21.", MOOD);
  passes("Averaged over 14 recent pieces the score is +0.21.", MOOD);
  passes("Nasa 23 ngayon ang index, mula sa 36 sa nakaraang reading.", FEAR_23);
});

Deno.test("a ticker that is also a word says no direction; a pair without its slash names its coin", () => {
  passes("RED jumps 8.9% in 24h, from 0.2811 to 0.3062.", RED_MOVE);
  passes("RED/USDT │ 1H │ Δ24h +8.9% │ 0.2811 → 0.3062", RED_MOVE);
  fails("RED har fallit 8.9% på 24h.", /say down/, RED_MOVE);
  fails("ETHUSDT ▲ 8.9% (24h) | now 0.3062", /tie it to ETH/, RED_MOVE);
  passes("REDUSDT ▲ 8.9% (24h) | now 0.3062", RED_MOVE);
});

Deno.test("the two lengths and the candle before, in Turkish and Chinese", () => {
  passes(
    "ARB 4H grafiğinde 20 ve 50 periyotluk ortalamalar kesişti: şimdi 0.4135 ve 0.4121.",
    CROSS_UP,
  );
  passes("ARB 4H：20周期均线为0.4135，前一根K线为0.4102。", CROSS_UP);
});

const LINEA_4H = move("linea-4h", "LINEA/USDT", "1h", "4h", 0.02471, 0.02583).insight;
const SOON_24H = move("soon-24h", "SOON/USDT", "1h", "24h", 2.2137, 2.4061).insight;
const PUMP_1H = move("pump-1h", "PUMP/USDT", "15m", "1h", 0.004698, 0.004589).insight;
const MYX_24H = move("myx-24h", "MYX/USDT", "1h", "24h", 14.62, 13.41).insight;
const PUMP_SPIKE = volume("pump-vol", "PUMP/USDT", "1h", 2_184_000_000, 512_600_000, 0.004612)
  .insight;
const SOON_HOT = rsi("soon-rsi", "SOON/USDT", "4h", 76.92, 2.4061).insight;
const LETTER_MOVERS = movers("movers-t", [
  ["PUMP/USDT", 0.004187, 0.004612],
  ["BROCCOLI/USDT", 0.03054, 0.03341],
  ["OPEN/USDT", 0.5342, 0.4918],
  ["T/USDT", 0.01527, 0.01413],
]).insight;
const FG_17 = fearGreed("fg-17", 17, "Extreme Fear", 33).insight;

Deno.test("a ticker that is also a word is neither a level nor a time to come", () => {
  fails(
    "LINEA rose 4.0% in 4h.",
    /4\.0% is the detector's thresholdPct, stated as a reading/,
    LINEA_4H,
  );
  passes("LINEA rose 4.5% in 4h, past the 4.0% line.", LINEA_4H);
  passes("SOON/USDT is up 8.7% over the last 24h, trading at 2.4061.", SOON_24H);
  passes("Noting for myself: SOON RSI hit 76.9 on the 4H.", SOON_HOT);
  fails("SOON is up 8.7% in 24h and goes higher soon.", /prediction/, SOON_24H);
  // Glued to Japanese, the ticker is still a coin and not the word "pump".
  passes("【価格変動】PUMPが1hで-2.3%、0.004698から0.004589へ下落しました。", PUMP_1H);
});

Deno.test("a ticker of one capital names its coin", () => {
  passes("24H MOVERS ▲ PUMP +10.2% · BROCCOLI +9.4% ▼ OPEN -7.9% · T -7.5%", LETTER_MOVERS);
  fails("▼ OPEN -7.5% · T -7.9%", /tie it to/, LETTER_MOVERS);
});

Deno.test("volume words: a candle that closed, the last 20, Zulu's hyphens, a level of another figure", () => {
  passes("The 1H candle that just closed did 2.2B, against a 20-bar mean of 512.6M.", PUMP_SPIKE);
  passes("📏 average of the last 20: 512.6M", PUMP_SPIKE);
  passes(
    "Umthamo we-PUMP eshadini le-1H ufinyelele ku-2.2B, okuyizikhathi ezingu-4.3 " +
      "zesilinganiso samakhandlela angu-20 adlule (512.6M). Intengo yokuvala ingu-0.004612.",
    PUMP_SPIKE,
  );
  fails(
    "PUMP için son mumda 2.2B hacim geldi; bu, 512.6M seviyesinin 3 katı.",
    /thresholdRatio, stated as a reading/,
    PUMP_SPIKE,
  );
});

Deno.test("an RSI's period and limit in Hindi and Amharic; a reading is not the line beside it", () => {
  passes("SOON के 4H चार्ट पर 14-पीरियड RSI अभी 76.9 है, यानी 70 की सीमा के पार।", SOON_HOT);
  passes("የSOON 4H ገበታ ላይ RSI (14) 76.9 ደርሷል፤ ይህም ከ70 ወሰን አልፏል።", SOON_HOT);
  fails(
    "By RSI(14), yes: the reading is 70 and the overbought line is 70.",
    /70 is the detector's threshold, stated as a reading/,
    SOON_HOT,
  );
});

Deno.test("past values in German, Quechua, Tamil, Georgian, Afrikaans and Tok Pisin", () => {
  passes(
    "SOON hat im 24h-Fenster 8.7% zugelegt. Kurs 2.4061, zu Beginn des Fensters 2.2137.",
    SOON_24H,
  );
  passes(
    "Willakuykunaqa 24 horaspi allinman tukurqan: kunan +0.31, ñawpaq p'unchawpi -0.04 karqan.",
    MOOD_UP,
  );
  passes("Fear & Greed குறியீடு இப்போது 17; முந்தைய அளவீடு 33.", FG_17);
  passes("Fear & Greed ინდექსი ახლა 17-ზეა; წინა მაჩვენებელი 33 იყო.", FG_17);
  passes("Die Fear & Greed-indeks staan nou op 17, af van 33 by die vorige lesing.", FG_17);
  passes("Fear & Greed indeks i stap long 17 nau. Bipo em i stap long 33.", FG_17);
  fails(
    "Die Fear & Greed-indeks staan nou op 17, op van 33 by die vorige lesing.",
    /say up/,
    FG_17,
  );
});

Deno.test("direction words: a bare 'rip', Greek, Swedish, Bengali, Maori and Tok Pisin", () => {
  fails("Watched MYX rip 8.3% in 24h.", /say up/, MYX_24H);
  fails("Το κλίμα χειροτέρεψε: +0.31 από -0.04, μεταβολή +0.35.", /say down/, MOOD_UP);
  fails("Nyhetsstämningen har mörknat: +0.31 mot -0.04 dygnet innan.", /say down/, MOOD_UP);
  fails("গড় সেন্টিমেন্ট -0.04 থেকে কমে +0.31 হয়েছে।", /say down/, MOOD_UP);
  fails(
    "Kua heke te utu o MYX mā te 9.0% i roto i te 24h.",
    /say down/,
    move("m", "MYX/USDT", "1h", "24h", 13.41, 14.62).insight,
  );
  fails("Bipo em i stap long 33, olsem na em i go antap 16 poin.", /say up/, FG_17);
});

const HEMI_GOLDEN =
  cross("hemi-golden", "HEMI/USDT", "4h", [0.04188, 0.04196, 0.04219, 0.04207, 0.04331])
    .insight;
const TOSHI_ABOVE =
  band("toshi-above", "TOSHI/USDT", "1h", [0.0007012, 0.0006958, 0.0006781, 0.0006604])
    .insight;
const TRUMP_SPIKE = volume("trump-vol", "TRUMP/USDT", "1h", 1_512_000, 356_900, 5.871).insight;
const WIN_HOT = rsi("win-rsi", "WIN/USDT", "4h", 73.18, 0.00003164).insight;
const FG_19 = fearGreed("fg-19", 19, "Extreme Fear", 36).insight;
const MOOD_29 = news("mood-29", 0.29, -0.06).insight;

Deno.test("a value one bar before, a band envelope's sigma and a Japanese pair of band settings", () => {
  passes("The 20-period SMA sits at 0.04219, one bar after reading 0.04188.", HEMI_GOLDEN);
  fails("The 20-period SMA sits at 0.04188.", /0\.04188/, HEMI_GOLDEN);
  passes(
    "TOSHI closed 2.6 standard deviations above its 20-bar mean of 0.0006781, outside the 2-sigma " +
      "envelope that runs from 0.0006604 to 0.0006958.",
    TOSHI_ABOVE,
  );
  passes(
    "TOSHIの1H足はボリンジャーバンド（20、2σ）の上限を上抜けて0.0007012で引けました。",
    TOSHI_ABOVE,
  );
});

Deno.test("bars counted at a clause's end, a length labelled 'len', a table's 'alert at' row", () => {
  passes(
    "TRUMP put up 1.5M on its latest 1H bar, roughly 4.2 times a normal bar going by the last 20.",
    TRUMP_SPIKE,
  );
  passes("| TRUMP 1H | value |\n|---|---|\n| multiple | 4.2x |\n| alert at | 3x |", TRUMP_SPIKE);
  fails(
    "| TRUMP 1H | value |\n|---|---|\n| multiple | 3x |",
    /thresholdRatio, stated as a reading/,
    TRUMP_SPIKE,
  );
  passes("rsi_extreme | sym=WIN | tf=4H | len=14 | rsi=73.2 | bound=70", WIN_HOT);
  passes("Ìwọ̀n TRUMP jẹ́ 1.5M, ìlọ́po 4.2 ti àròpín àbẹ́là 20 tó ṣáájú rẹ̀ (356.9K).", TRUMP_SPIKE);
  passes(
    "TRUMP வர்த்தக அளவு 1.5M; முந்தைய 20 மெழுகுவர்த்திகளின் சராசரியான 356.9K-ஐ விட 4.2 மடங்கு.",
    TRUMP_SPIKE,
  );
});

Deno.test("limits, past words and hours in Maori, Georgian, Quechua, Zulu, Guarani, Khmer and more", () => {
  passes("Ko 73.2 te RSI o WIN i te tūtohi 4H (ko 70 te paepae).", WIN_HOT);
  passes("WIN-ის RSI 4H გრაფიკზე არის 73.2 (ზღვარი 70).", WIN_HOT);
  passes("WIN nisqapa RSI nisqan 4H siq'ipi 73.2 kachkan (saywan 70).", WIN_HOT);
  passes(
    "Isilinganiso emahoreni angu-24 adlule sithi +0.29, kanti ngaphambi kwalokho besithi -0.06.",
    MOOD_29,
  );
  passes(
    "Marandukuéra temiandu: +0.29 ko'ã 24 aravo pahápe, -0.06 umi 24 aravo mboyvegua.",
    MOOD_29,
  );
  passes("មធ្យម +0.29 ក្នុងរយៈពេល 24 ម៉ោងចុងក្រោយ ធៀបនឹង -0.06 ពីមុន។", MOOD_29);
  passes("Qorxu və Tamah indeksi 19: əvvəlki 36 göstəricisindən 17 bənd azalıb.", FG_19);
  passes("डर र लोभ सूचकाङ्क 19 पुगेको छ; अघिल्लो रिडिङ 36 भन्दा 17 अंकले घट्यो।", FG_19);
  passes(
    "Kipimo cha Fear & Greed kiko 19, kimeshuka kwa pointi 17 kutoka usomaji uliopita wa 36.",
    FG_19,
  );
});

Deno.test("a past word right before the next figure labels that one, but an arrow does not", () => {
  fails("Mood meter 36 → Extreme Fear (prior reading 36, change -17)", /36 is a past value/, FG_19);
  passes("Mood meter 19 → Extreme Fear (prior reading 36, change -17)", FG_19);
  passes("Mood moved +0.35 (-0.06 → +0.29) between the previous 24h and the last 24h.", MOOD_29);
});

Deno.test("direction words: brightened, for the worse, and Italian, Thai, Hebrew, Azerbaijani, Nepali", () => {
  fails(
    "News mood brightened: sentiment moved from +0.11 to -0.24.",
    /say/,
    news("m", -0.24, 0.11).insight,
  );
  fails(
    "Q: Did the headlines change tone? A: Yes, for the worse: from -0.06 to +0.29 (+0.35).",
    /say down/,
    MOOD_29,
  );
  fails(
    "L'indice è a 19, in rialzo di 17 punti rispetto alla lettura precedente di 36.",
    /say up/,
    FG_19,
  );
  fails("ดัชนี Fear & Greed อยู่ที่ 19 เพิ่มขึ้น 17 จุดจากค่าก่อนหน้า 36", /say up/, FG_19);
  fails(
    "מדד הפחד והחמדנות עומד על 19, עלייה של 17 נקודות לעומת הקריאה הקודמת, 36.",
    /say up/,
    FG_19,
  );
  fails("Qorxu və Tamah indeksi 19: əvvəlki 36 göstəricisindən 17 bənd artıb.", /say up/, FG_19);
  fails("डर र लोभ सूचकाङ्क 19 पुगेको छ; अघिल्लो रिडिङ 36 भन्दा 17 अंकले बढ्यो।", /say up/, FG_19);
});

const GNO_24H = move("gno-24h", "GNO/USDT", "1h", "24h", 124.37, 133.62).insight;
const AMP_SPIKE = volume("amp-vol", "AMP/USDT", "1h", 412_800_000, 97_400_000, 0.003004).insight;
const GNO_ABOVE = band("gno-above", "GNO/USDT", "1h", [133.62, 132.47, 129.15, 125.83]).insight;
const AMP_GOLDEN =
  cross("amp-golden", "AMP/USDT", "4h", [0.002853, 0.002861, 0.002879, 0.002868, 0.003004])
    .insight;
const MOOD_DOWN = news("mood-down", -0.22, 0.17).insight;
const FG_21 = fearGreed("fg-21", 21, "Extreme Fear", 33).insight;

Deno.test("the latest value narrated with 'was' is the current one", () => {
  passes(
    "The pair's latest close was 133.62 USDT, up from 124.37 USDT at the start of the 24h window.",
    GNO_24H,
  );
  fails(
    "The pair's latest close was 124.37 USDT, up from 124.37 USDT.",
    /124\.37 is a past value/,
    GNO_24H,
  );
  passes(
    "El último cierre fue de 133.62 USDT, frente a 124.37 USDT al inicio de la ventana.",
    GNO_24H,
  );
  fails("El último cierre fue de 124.37 USDT, frente a 124.37 USDT.", /past value/, GNO_24H);
  fails("24h前の終値124.37 USDTから、直近の終値は124.37 USDTに。", /past value/, GNO_24H);
});

Deno.test("snake-case keys, a multiplier, a minimum and a threshold worded as the change it stands for", () => {
  passes(
    "vol_spike | AMP/USDT | tf=1H | baseline_mean=97.4M | baseline_bars=20 | ratio=4.2",
    AMP_SPIKE,
  );
  passes("bb_breakout pair=GNO/USDT tf=1H close=133.62 upper=132.47 length=20 mult=2", GNO_ABOVE);
  passes("news_sentiment recent_mean=-0.22 prior_mean=+0.17 shift=-0.39 min_shift=0.3", MOOD_DOWN);
  passes("That 0.39 drop clears the 0.3 shift we treat as notable.", MOOD_DOWN);
  passes("📰 news sentiment ⬇️ 0.39 | alert fires at a 0.3 swing", MOOD_DOWN);
  fails("📰 news sentiment ⬇️ a 0.3 swing", /threshold/, MOOD_DOWN);
  passes("event=price_move pair=GNO/USDT window=24h from=124.37 to=133.62 change=+7.4%", GNO_24H);
});

Deno.test("gaps, sigmas, ratios and candles named in Thai, Portuguese, Georgian, Lithuanian, Maori and German", () => {
  passes(
    "AMP กราฟ 4H เกิด golden cross: SMA 20 อยู่ที่ 0.002879 และ SMA 50 อยู่ที่ 0.002868 ห่างกัน 0.4%",
    AMP_GOLDEN,
  );
  passes(
    "GNO fechou em 133.62, acima da banda superior; o fechamento ficou a 2.7 desvios-padrão dela.",
    GNO_ABOVE,
  );
  passes(
    "A close outside the envelope is rare, since the bands sit 2 standard deviations from a " +
      "20-period average. GNO closed above it at 133.62.",
    GNO_ABOVE,
  );
  passes(
    "AMP: ბოლო 1H სანთელზე მოცულობა 412.8M, წინა 20 სანთლის საშუალო 97.4M. კოეფიციენტი: 4.2.",
    AMP_SPIKE,
  );
  passes("AMP apimtis 412.8M, ankstesnių 20 žvakių vidurkis 97.4M. Santykis: 4.2.", AMP_SPIKE);
  passes("Ko te toharite o ngā kānara 20 o mua he 97.4M. Arā, 4.2 te whakarea.", AMP_SPIKE);
  passes(
    "Die letzte 1H-Kerze kam auf 412.8M, der Schnitt der 20 Kerzen davor lag bei 97.4M. Faktor 4.2.",
    AMP_SPIKE,
  );
  passes(
    "Grootste stijgers over 24 uur: AMP (+7.4%, van 124.37 naar 133.62) en GNO.",
    movers("m", [
      ["AMP/USDT", 124.37, 133.62],
      ["GNO/USDT", 1, 1.05],
      ["FLR/USDT", 1, 0.9],
      ["CRO/USDT", 1, 0.93],
    ]).insight,
  );
});

Deno.test("past words in Armenian, Malagasy, Basque, Nepali, Igbo and Icelandic", () => {
  passes(
    "AMP-ի 4H գրաֆիկում SMA(20)-ը (0.002879) հատեց SMA(50)-ը (0.002868)։ Նախորդ մոմի վրա դրանք 0.002853 և 0.002861 էին։",
    AMP_GOLDEN,
  );
  passes("-0.22 ny salan'isa tao anatin'ny 24 ora farany, raha +0.17 kosa teo aloha.", MOOD_DOWN);
  passes("Azken 24 orduetako batez bestekoa -0.22 da; aurreko 24 orduetan +0.17.", MOOD_DOWN);
  passes("पछिल्लो 24 घण्टामा औसत भाव -0.22 छ, त्यसअघिको 24 घण्टामा +0.17 थियो।", MOOD_DOWN);
  passes("Ọnụọgụ Fear & Greed dị ugbu a na 21; ọ dara site na 33 n'ọgụgụ gara aga.", FG_21);
  passes(
    "Fear & Greed-vísitalan stendur í 21 og hefur lækkað um 12 stig frá síðustu mælingu, sem var 33.",
    FG_21,
  );
  fails("Fear & Greed-vísitalan stendur í 21 og hefur hækkað um 12 stig.", /say up/, FG_21);
  fails("Volume came in at roughly 12mln.", /not in the facts/, AMP_SPIKE);
});

const BRETT_SPIKE =
  volume("brett-vol", "BRETT/USDT", "1h", 186_400_000, 41_900_000, 0.03976).insight;
const AIOZ_ABOVE = band("aioz-above", "AIOZ/USDT", "1h", [0.2447, 0.2419, 0.2352, 0.2285]).insight;
const MOOD_36 = news("mood-36", 0.29, -0.07).insight;
const FG_19B = fearGreed("fg-19b", 19, "Extreme Fear", 34).insight;

Deno.test("a multiple's base, a label before the next figure, and key=value fields kept apart", () => {
  passes(
    "BRETT printed 186.4M, roughly 4.4 times the 41.9M it averaged over the 20 candles before it.",
    BRETT_SPIKE,
  );
  passes(
    "bb_break sym=AIOZ tf=1H close=0.2447 upper=0.2419 mid=0.2352 lower=0.2285 sigmas=2.8 period=20 k=2",
    AIOZ_ABOVE,
  );
  passes(
    "news_shift dir=up shift=+0.36 recent_mean=+0.29 prev_mean=-0.07 window_h=24 min_shift=0.3",
    MOOD_36,
  );
  passes(
    "top_movers gainers=GIGA +14.0%, DCR +8.8% losers=BRETT -7.9%",
    movers("m", [
      ["GIGA/USDT", 1, 1.14],
      ["DCR/USDT", 1, 1.088],
      ["BRETT/USDT", 1, 0.921],
      ["HNT/USDT", 1, 0.941],
    ]).insight,
  );
});

Deno.test("a threshold named before its copula, a hyphenated case ending before a limit", () => {
  passes("GNO subió un 7.4% en 24h. El umbral de alerta para ese plazo es del 6.0%.", GNO_24H);
  fails("GNO subió un 6.0% en 24h.", /thresholdPct/, GNO_24H);
  passes(
    "GIGA-এর 1H চার্টে RSI এখন 77.9; 70-এর সীমা ধরলে এটি overbought।",
    rsi("g", "GIGA/USDT", "1h", 77.85, 0.0087).insight,
  );
  passes(
    "XDC-ის 4H გრაფიკზე RSI(14) ახლა 76.8-ს უდრის, ანუ 70-ის ზღვარს მიღმაა.",
    rsi("x", "XDC/USDT", "4h", 76.8, 0.0615).insight,
  );
});

Deno.test("past and compared values in Italian, Dutch, Irish, Chinese, Amharic, Hebrew, Guarani and Hawaiian", () => {
  passes("Indice Fear & Greed a 19: giù di 15 punti rispetto a 34.", FG_19B);
  fails("Indice Fear & Greed a 19: su di 15 punti rispetto a 34.", /say up/, FG_19B);
  passes(
    "De Fear & Greed-index staat op 19, een daling van 15 punten ten opzichte van 34.",
    FG_19B,
  );
  passes("新闻情绪回暖：过去24小时平均情绪得分为+0.29，此前24小时为-0.07。", MOOD_36);
  passes("ባለፉት 24 ሰዓታት አማካዩ +0.29 ሲሆን፣ ከዚያ በፊት በነበሩት 24 ሰዓታት -0.07 ነበር።", MOOD_36);
  passes("מדד הפחד והחמדנות עומד על 19, ירידה מ-34 בקריאה הקודמת.", FG_19B);
  passes("Fear & Greed ko'ágã oĩ 19-pe; ojepapa mboyve oĩ va'ekue 34-pe.", FG_19B);
  passes("Ua emi ka helu Fear & Greed i ka 19, mai ka 34 ma mua.", FG_19B);
  passes(
    "Thrasnaigh an SMA20 (0.002879) an SMA50 (0.002868). Bhí siad ag 0.002853 agus 0.002861 ar an gcoinneal roimhe sin.",
    AMP_GOLDEN,
  );
});

const BSV_24H = move("bsv-24h", "BSV/USDT", "1h", "24h", 29.84, 32.17).insight;
const FUN_SPIKE = volume("fun-vol", "FUN/USDT", "1h", 412_600_000, 96_300_000, 0.008473).insight;
const WBT_24H = move("wbt-24h", "WBT/USDT", "1h", "24h", 43.87, 46.92).insight;
const MOOD_31 = news("mood-31", 0.31, -0.04).insight;
const FG_23 = fearGreed("fg-23", 23, "Extreme Fear", 39).insight;

Deno.test("Hindi: 'the last 24h' is a window, and 'X से' (from X) puts X in the past", () => {
  passes("BSV पिछले 24h में 7.8% चढ़ा, 29.84 से बढ़कर 32.17 पर पहुँचा।", BSV_24H);
  fails("BSV पिछले 24h में 7.8% चढ़ा, 29.84 से बढ़कर 29.84 पर पहुँचा।", /29\.84 is a past value/, BSV_24H);
});

Deno.test("heavy arrows, thresholds beside a comparison, candles and periods in Arabic, Welsh and Bengali", () => {
  passes("🟢 WBT 📈 +7.0% in 24h | 43.87 ➜ 46.92 🚀", WBT_24H);
  fails("🟢 WBT 📈 +7.0% in 24h | 43.87 ➜ 43.87 🚀", /past value/, WBT_24H);
  passes(
    "The token rose from 43.87 to 46.92, a bigger move than the 6.0% our scanner flags.",
    WBT_24H,
  );
  passes(
    "ارتفع حجم تداول FUN إلى 412.6M، أي 4.3 ضعف متوسط الشموع الـ20 السابقة البالغ 96.3M.",
    FUN_SPIKE,
  );
  passes(
    "Cyfaint FUN oedd 412.6M, 4.3 gwaith cyfartaledd y 20 cannwyll flaenorol (96.3M).",
    FUN_SPIKE,
  );
  passes(
    "FUN-এর 4H চার্টে 14-পিরিয়ড RSI এখন 26.9, যা 30-এর সীমা পেরিয়ে গেছে।",
    rsi("f", "FUN/USDT", "4h", 26.9, 0.0085).insight,
  );
  passes(
    "La media mobile a 20 periodi è a 31.29, quella a 50 a 31.21.",
    cross("b", "BSV/USDT", "4h", [31.06, 31.12, 31.29, 31.21, 32.17]).insight,
  );
});

Deno.test("past words in Vietnamese, Zulu and Mongolian; Ukrainian growth; Amharic full stops", () => {
  passes(
    "Điểm trung bình từ -0.04 (11 bài, 24 giờ trước đó) lên +0.31 (14 bài, 24 giờ gần nhất).",
    MOOD_31,
  );
  passes("Isilinganiso samanje: +0.31; esangaphambili: -0.04.", MOOD_31);
  passes("Айдас ба шуналын индекс 23 байна; өмнөх 39 утгаас 16 пунктээр буурсан.", FG_23);
  fails("Індекс: 23. Попереднє значення 39, тож зростання становить 16 пунктів.", /say up/, FG_23);
  passes(
    "MNT 4H ገበታ ላይ golden cross ታይቷል፦ SMA20 1.1468፣ SMA50 1.1452። የመዝጊያ ዋጋ 1.1842 USDT ነው።",
    cross("m", "MNT/USDT", "4h", [1.1431, 1.1447, 1.1468, 1.1452, 1.1842]).insight,
  );
});

Deno.test("a refused prediction is quoted as the draft wrote it, the coin's name included", () => {
  const moon = move("moon-24h", "MOON/USDT", "1h", "24h", 0.2, 0.22).insight;
  const reason = verdict("MOON is up 10.0% in 24h. We see MOON higher next week.", moon) ?? "";
  assert.match(reason, /"We see MOON higher"/);
  assert.doesNotMatch(reason, /QQQQ/);
});
