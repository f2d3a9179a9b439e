import assert from "node:assert/strict";
import { checkDraft, type InsightFacts } from "./mod.ts";
import { contradictedStates } from "./_states.ts";

const verdict = (text: string, insight: InsightFacts) =>
  checkDraft([text], { platform: "discord", insight, disclaimer: "", linkAllowlist: [] }).reason;
const passes = (text: string, insight: InsightFacts) =>
  assert.equal(verdict(text, insight), null, text);
const fails = (text: string, pattern: RegExp, insight: InsightFacts) =>
  assert.match(verdict(text, insight) ?? "passed", pattern, text);

const OVERSOLD: InsightFacts = {
  type: "rsi_extreme",
  symbol: "FIL/USDT",
  timeframe: "1h",
  headline: "FIL/USDT 1h RSI(14) at 22.4: oversold",
  facts: { rsi: 22.41, rsiPeriod: 14, threshold: 30, zone: "oversold", close: 4.812 },
};
const DEATH_CROSS: InsightFacts = {
  type: "ma_cross",
  symbol: "DOT/USDT",
  timeframe: "4h",
  headline: "DOT/USDT 4h death cross: SMA20 crossed below SMA50",
  facts: {
    cross: "death",
    fastPeriod: 20,
    slowPeriod: 50,
    fast: 6.402,
    slow: 6.455,
    prevFast: 6.47,
    prevSlow: 6.46,
    close: 6.21,
  },
};
const ABOVE_BAND: InsightFacts = {
  type: "bollinger_breakout",
  symbol: "NEAR/USDT",
  timeframe: "1h",
  headline: "NEAR/USDT 1h closed above its upper Bollinger band (20, 2)",
  facts: {
    side: "above",
    close: 6.91,
    upper: 6.74,
    middle: 6.42,
    lower: 6.1,
    sigmas: 3.0625,
    bbPeriod: 20,
    bbStdDev: 2,
  },
};

Deno.test("an RSI zone named in words must be the side the RSI is on", () => {
  fails("FIL's RSI reads 22.4, deep in overbought land.", /deny "overbought"/, OVERSOLD);
  fails("FILの1H足RSIは22.4で買われすぎ。", /deny "overbought"/, OVERSOLD);
  passes("FIL's RSI reads 22.4: oversold.", OVERSOLD);
  passes("FIL's RSI reads 22.4, nowhere near overbought.", OVERSOLD);
  passes("FIL's RSI reads 22.4; a month ago it was overbought.", OVERSOLD);
  passes("If FIL ever turned overbought the picture would change. RSI 22.4.", OVERSOLD);
});

Deno.test("a cross named in words must be the one the averages made", () => {
  fails(
    "Bullish crossover on DOT: SMA20 at 6.402.",
    /deny a golden cross \(the averages made a death cross\)/,
    DEATH_CROSS,
  );
  fails(
    "DOT 4H golden cross, fast MA 6.402.",
    /deny a golden cross \(the averages made a death cross\)/,
    DEATH_CROSS,
  );
  passes("DOT 4H death cross, fast MA 6.402 under the slow at 6.455.", DEATH_CROSS);
  passes("The 20/50 cross on DOT printed bearish; the fast MA sits at 6.402.", DEATH_CROSS);
  passes("Not a golden cross: DOT's fast MA fell to 6.402.", DEATH_CROSS);
});

Deno.test("a close said to be above or below a band must be on that side", () => {
  fails("NEAR closed under the upper band at 6.91.", /deny "closed under the upper"/, ABOVE_BAND);
  fails("NEAR sits inside the upper band, at 6.91.", /deny/, ABOVE_BAND);
  passes("NEAR closed above the upper band at 6.91.", ABOVE_BAND);
  passes("NEAR broke through the upper band and closed at 6.91.", ABOVE_BAND);
  passes("NEAR at 6.91. A close back below the upper band would undo the breakout.", ABOVE_BAND);
  passes("NEAR at 6.91; if it closes under the upper band again, the signal lapses.", ABOVE_BAND);
});

Deno.test("a count of sigmas is on the side of the mean its words say", () => {
  fails("NEAR closed 3.1σ below its mid band.", /the words say down, but sigmas/, ABOVE_BAND);
  fails("NEAR ended 3.1 standard deviations under its mean.", /the words say down/, ABOVE_BAND);
  passes("NEAR closed 3.1σ above its mid band of 6.42.", ABOVE_BAND);
  passes("NEAR slipped late but still closed 3.1 sigmas over the mean.", ABOVE_BAND);
});

Deno.test("a band's side is read after any verb of a move, and in a terse break", () => {
  fails(
    "NEAR fell out the bottom of the band, close 6.91.",
    /deny "fell out the bottom"/,
    ABOVE_BAND,
  );
  fails("NEAR dipped below the middle band: 6.91.", /deny "dipped below the middle"/, ABOVE_BAND);
  fails("BB BREAKDOWN | NEAR 1H | close 6.91", /deny "BREAKDOWN"/, ABOVE_BAND);
  fails("NEAR 1H broke down through the bands, close 6.91", /deny "broke down"/, ABOVE_BAND);
  passes("NEAR popped out the top of the band, close 6.91.", ABOVE_BAND);
  passes("NEAR peeked its head over the upper band: 6.91.", ABOVE_BAND);
  passes("BB BREAK UP | NEAR 1H | close 6.91", ABOVE_BAND);
  passes("NEAR at 6.91; if it breaks down, the signal lapses.", ABOVE_BAND);
  // A rank is no band: "the top 10".
  assert.deepEqual(contradictedStates("NEAR slipped below the top 10 by volume.", ABOVE_BAND), []);
});

Deno.test("a band's side is read in Spanish, Portuguese, French and German", () => {
  fails(
    "NEAR cerró por debajo de la banda inferior en 6.91.",
    /deny "por debajo de la banda inferior"/,
    ABOVE_BAND,
  );
  fails(
    "NEAR schließt unter dem unteren Band bei 6.91.",
    /deny "unter dem unteren Band"/,
    ABOVE_BAND,
  );
  passes("NEAR cerró por encima de la banda superior en 6.91.", ABOVE_BAND);
  passes("NEAR clôture au-dessus de la bande de Bollinger supérieure, à 6.91.", ABOVE_BAND);
  passes("NEAR notiert über dem oberen Band, Kurs 6.91.", ABOVE_BAND);
  // A band, not the close, said to sit below another.
  passes("A banda inferior fica abaixo da banda média; NEAR fechou em 6.91.", ABOVE_BAND);
});

Deno.test("a terse cell or a band named without its line still gives the close's side", () => {
  passes("NEAR · above upper band · 6.91 USDT · 1H", ABOVE_BAND);
  passes("NEAR 1H closes above Bollinger band | 6.91 vs band 6.74 / 6.1", ABOVE_BAND);
  fails("NEAR · below lower band · 6.91 USDT · 1H", /deny/, ABOVE_BAND);
  fails("NEAR just closed below its 1H band at 6.91.", /deny/, ABOVE_BAND);
  passes("NEAR (1H): έκλεισε στα 6.91, πάνω από την άνω ζώνη Bollinger (20, 2).", ABOVE_BAND);
  fails(
    "NEAR (1H): έκλεισε στα 6.91, κάτω από την κάτω ζώνη Bollinger (20, 2).",
    /deny/,
    ABOVE_BAND,
  );
});

Deno.test("a band's side is read in Dutch, Italian, Polish and Swedish", () => {
  fails(
    "NEAR sloot op 6.91, onder de onderste Bollinger-band.",
    /deny "onder de onderste/,
    ABOVE_BAND,
  );
  fails("NEAR (1H): zamknięcie 6.91 pod dolną wstęgą Bollingera.", /deny "pod dolną/, ABOVE_BAND);
  fails(
    "NEAR stängde på 6.91, under det nedre bandet.",
    /deny "under det nedre bandet"/,
    ABOVE_BAND,
  );
  fails("NEAR ha chiuso a 6.91, sotto la banda inferiore.", /deny "sotto la banda/, ABOVE_BAND);
  passes("NEAR sloot op 6.91, boven de bovenste Bollinger-band.", ABOVE_BAND);
  passes("NEAR (1H): zamknięcie 6.91 nad górną wstęgą Bollingera.", ABOVE_BAND);
  passes("NEAR stängde på 6.91, över det övre bandet.", ABOVE_BAND);
});

Deno.test("a side read by two patterns is reported once", () => {
  assert.equal(
    contradictedStates("NEAR closed under the lower band at 6.91.", ABOVE_BAND).length,
    1,
  );
});

const BELOW_BAND: InsightFacts = {
  ...ABOVE_BAND,
  headline: "NEAR/USDT 1h closed below its lower Bollinger band (20, 2)",
  facts: { ...ABOVE_BAND.facts, side: "below", close: 5.9, sigmas: -3.0625 },
};

Deno.test("a band's side in Ukrainian, Czech, Hebrew, Persian, Thai, Samoan and terse breaks", () => {
  for (
    const text of [
      "NEAR (1H): свічка закрилася нижче нижньої смуги Боллінджера.",
      "NEAR na grafu 1H uzavřel pod dolním Bollingerovým pásmem.",
      "NEAR בגרף 1H נסגר מתחת לרצועה התחתונה של בולינגר.",
      "NEAR در تایم‌فریم 1H زیر باند پایینی بولینگر بسته شد.",
      "📊 NEAR กราฟ 1H ปิดหลุดกรอบล่างของ Bollinger Band",
      "O le NEAR na tapuni i lalo ifo o le fusi pito i lalo o le Bollinger.",
      "NEAR 1H BB(20,2) ▼ below lower",
      "NEAR 1H BB BREAK ↓",
      "A: 3.1 standard deviations from the 20-period mean, on the downside.",
    ]
  ) {
    fails(text, /the facts deny/, ABOVE_BAND);
    passes(text, BELOW_BAND);
  }
  fails("NEAR (1H): свічка закрилася вище верхньої смуги Боллінджера.", /deny/, BELOW_BAND);
  fails("NEAR na grafu 1H uzavřel nad horním Bollingerovým pásmem.", /deny/, BELOW_BAND);
  fails("O le NEAR na tapuni i luga aʻe o le fusi pito i luga o le Bollinger.", /deny/, BELOW_BAND);
  fails("NEAR 1H BB BREAK ↑", /deny/, BELOW_BAND);
});

Deno.test("a band's side in Japanese, Urdu, Tagalog, Irish, Uzbek and Hausa, and Thai read after NFKC", () => {
  for (
    const text of [
      "NEARの1H足はボリンジャーバンド（20、2σ）の下限を下抜けて引けました。",
      "NEAR کا 1H چارٹ پر کلوز رہا، جو بولنگر بینڈ سے نیچے ہے۔",
      "Nagsara ang NEAR sa 1H chart, sa ilalim ng lower Bollinger band.",
      "Dhún NEAR ar an gcairt 1H, faoi bhun an bhanna íochtaraigh Bollinger.",
      "NEAR 1H grafigida yopildi — Bollinger quyi chizig'idan pastda.",
      "NEAR ya rufe a kan taswirar 1H, ƙasa da layin ƙasa na Bollinger.",
      "NEAR กราฟ 1H ปิดต่ำกว่าเส้นล่างของ Bollinger Bands",
    ]
  ) {
    fails(text, /the facts deny/, ABOVE_BAND);
    passes(text, BELOW_BAND);
  }
  for (
    const text of [
      "NEARの1H足は上限を上抜けて引けました。",
      "Nagsara ang NEAR, lampas sa upper Bollinger band.",
      "Dhún NEAR, os cionn an bhanna uachtaraigh Bollinger.",
      "NEAR ya rufe, sama da layin sama na Bollinger.",
    ]
  ) fails(text, /the facts deny/, BELOW_BAND);
});

Deno.test("a band's side in Turkish and Urdu named by the band's own line", () => {
  fails("NEAR 1H grafikte kapandı; bu, Bollinger alt bandının altında.", /deny/, ABOVE_BAND);
  passes("NEAR 1H grafikte kapandı; bu, Bollinger alt bandının altında.", BELOW_BAND);
  fails("NEAR نے کلوز کیا، جو بولنگر بینڈ کی نچلی حد سے نیچے ہے۔", /deny/, ABOVE_BAND);
  fails("NEAR 4H grafikte kapandı; bu, Bollinger üst bandının üzerinde.", /deny/, BELOW_BAND);
  fails("NEAR نے کلوز کیا، جو بولنگر بینڈ کی اوپری حد سے اوپر ہے۔", /deny/, BELOW_BAND);
});

Deno.test("a band's side after an arrow emoji, in Urdu by its edge, and in Chinese with the band's name", () => {
  fails("📊 NEAR · 1H · close 6.91 🔽 under the lower band", /deny/, ABOVE_BAND);
  fails("NEAR کی 1H کینڈل بند ہوئی، جو بولنجر بینڈ کے نچلے کنارے سے نیچے ہے۔", /deny/, ABOVE_BAND);
  fails("NEAR 1H收盘，跌破布林带下轨。", /deny/, ABOVE_BAND);
  passes("NEAR 1H收盘，突破布林带上轨。", ABOVE_BAND);
  fails("NEAR کی کینڈل بند ہوئی، جو بولنجر بینڈ کے اوپری کنارے سے اوپر ہے۔", /deny/, BELOW_BAND);
});
