import assert from "node:assert/strict";
import { readFigures } from "./_read.ts";

const kinds = (text: string) => readFigures(text).map((f) => [f.text, f.kind, f.unit]);

Deno.test("readFigures tells values, windows, settings, ordinals, dates and times apart", () => {
  assert.deepEqual(kinds("up 5.2% in 24h, RSI(14) at 78.4"), [
    ["5.2%", "value", "pct"],
    ["24h", "window", "plain"],
    ["14", "setting", "plain"],
    ["78.4", "value", "plain"],
  ]);
  assert.deepEqual(kinds("a 20-day high since 3/12 at 00:00 UTC, the 3rd"), [
    ["20-day", "window", "plain"],
    ["3/12", "date", "plain"],
    ["00:00 UTC", "time", "plain"],
    ["3rd", "ordinal", "plain"],
  ]);
  assert.deepEqual(kinds("since the 24th, SMA20 and a 20-candle average"), [
    ["24th", "date", "plain"],
    ["20", "setting", "plain"],
    ["20", "setting", "plain"],
  ]);
});

Deno.test("readFigures reads units and scale into the value", () => {
  const [bps, cents, millions, ratio] = readFigures("12 bps, 52 cents, $1.2M, 3.9x");
  assert.equal(bps.value, 0.12);
  assert.equal(bps.unit, "pct");
  assert.equal(cents.value, 0.52);
  assert.equal(cents.unit, "money");
  assert.equal(millions.value, 1_200_000);
  assert.equal(millions.tolerance, 50_000);
  assert.equal(millions.significant, 2);
  assert.equal(ratio.unit, "ratio");
});

Deno.test("readFigures reads a glued window on a chart and a glued ratio", () => {
  assert.deepEqual(kinds("on the 15M chart, volume x10"), [
    ["15M", "window", "plain"],
    ["10", "value", "ratio"],
  ]);
});

Deno.test("readFigures tells a chart's timeframe from a span, and reads month-name dates", () => {
  const windows = readFigures("in 4h on the 1h chart, on the 4H, over 24 hours, 15m candles")
    .map((f) => [f.text, f.hours, f.label]);
  assert.deepEqual(windows, [
    ["4h", 4, false],
    ["1h", 1, true],
    ["4H", 4, true],
    ["24 hours", 24, false],
    ["15m", 0.25, true],
  ]);
  assert.deepEqual(kinds("on March 27, Dec 3rd, 27 March, the 1st of May, May 2024"), [
    ["March 27", "date", "plain"],
    ["Dec 3rd", "date", "plain"],
    ["27 March", "date", "plain"],
    ["1st of May", "date", "plain"],
    ["May 2024", "date", "plain"],
  ]);
});

Deno.test("readFigures reads a unit letter glued to another script as a window", () => {
  assert.deepEqual(kinds("ETHは4時間前、12h前は3,100ドル、1D足で"), [
    ["4時間", "window", "plain"],
    ["12h", "window", "plain"],
    ["3,100", "value", "plain"],
    ["1D", "window", "plain"],
  ]);
  assert.equal(readFigures("1D足で").at(0)?.label, true);
});

Deno.test("readFigures reads a pair of average lengths as settings, not a date", () => {
  assert.deepEqual(kinds("the 9/21 EMA cross, EMA 9/21, the 9/21 cross, since 9/21"), [
    ["9", "setting", "plain"],
    ["21", "setting", "plain"],
    ["9", "setting", "plain"],
    ["21", "setting", "plain"],
    ["9", "setting", "plain"],
    ["21", "setting", "plain"],
    ["9/21", "date", "plain"],
  ]);
});

Deno.test("readFigures reads ranks, streaks and candles counted in other scripts", () => {
  assert.deepEqual(kinds("the #3 coin, 7 straight candles, 5 red days, 30개 캔들, 14本の足"), [
    ["3", "ordinal", "plain"],
    ["7", "date", "plain"],
    ["5", "date", "plain"],
    ["30", "setting", "plain"],
    ["14", "setting", "plain"],
  ]);
  assert.deepEqual(readFigures("30 candles and 30개 캔들").map((f) => f.bars), [true, true]);
  assert.equal(readFigures("RSI(14)")[0].bars, undefined);
});

Deno.test("readFigures reads 'times' in Korean, Japanese and Chinese as a ratio", () => {
  assert.deepEqual(kinds("평균의 2.7배, 平均の2.7倍"), [
    ["2.7배", "value", "ratio"],
    ["2.7倍", "value", "ratio"],
  ]);
});

Deno.test("readFigures reads a streak however it is worded, and candles in Latin languages", () => {
  const streaks = readFigures(
    "a 11-candle streak, 6 bars in a row, streak now 13 candles long, 8 hours running",
  );
  assert.deepEqual(streaks.map((f) => [f.text, f.kind, f.streak]), [
    ["11", "date", true],
    ["6", "date", true],
    ["13", "date", true],
    ["8", "date", true],
  ]);
  // "Streak" without a count of candles after it leaves settings alone.
  assert.deepEqual(kinds("streak aside, RSI(14) at 22"), [
    ["14", "setting", "plain"],
    ["22", "value", "plain"],
  ]);
  assert.deepEqual(
    readFigures("média das últimas 30 velas, 30 bougies, 30 Kerzen").map((f) => [f.kind, f.bars]),
    [["setting", true], ["setting", true], ["setting", true]],
  );
});

Deno.test("readFigures reads a dash glued to a word before a whole number as a hyphen", () => {
  assert.deepEqual(kinds("the trailing-20 mean, a rolling 30 average, RSI-14"), [
    ["20", "setting", "plain"],
    ["30", "setting", "plain"],
    ["14", "setting", "plain"],
  ]);
  assert.deepEqual(readFigures("ETH-3.2% SOL+1.5% top-10 24hで-9.8%").map((f) => f.sign), [
    -1,
    1,
    0,
    0,
    -1,
  ]);
});

Deno.test("readFigures reads ratios, hours and days in other languages, and 根 as candles", () => {
  assert.deepEqual(
    readFigures("5.8 veces, 3.1 vezes, 2.4 fois, 4.6-fach, 4 kali, 3 kat, 2 раза").map((f) =>
      f.unit
    ),
    ["ratio", "ratio", "ratio", "ratio", "ratio", "ratio", "ratio"],
  );
  assert.deepEqual(
    readFigures("24 horas, 24 saat, 24 jam, 24 часа, 7 días, 7 jours, 3 Tage").map((f) => f.hours),
    [24, 24, 24, 24, 168, 168, 72],
  );
  assert.deepEqual(readFigures("20根均量").map((f) => [f.kind, f.bars]), [["setting", true]]);
  assert.deepEqual(kinds("ICP 4H RSI14=76.5"), [
    ["4H", "window", "plain"],
    ["14", "setting", "plain"],
    ["76.5", "value", "plain"],
  ]);
  assert.equal(readFigures("4H RSI14")[0].label, true);
});

Deno.test("readFigures reads '×4.5' as a multiple, but not the count in '24 × 1H'", () => {
  assert.deepEqual(kinds("vol 9.4M | avg 2.1M | ×4.5"), [
    ["9.4M", "value", "plain"],
    ["2.1M", "value", "plain"],
    ["4.5", "value", "ratio"],
  ]);
  assert.notDeepEqual(kinds("24 × 1H candles").at(-1)?.[2], "ratio");
  assert.deepEqual(kinds("Ο κινητός μέσος των 20 περιόδων είναι στο 0.3869")[0].slice(0, 2), [
    "20",
    "setting",
  ]);
});
