import assert from "node:assert/strict";
import { createSampleExchange } from "./sample.ts";

const HOUR = 3_600_000;
const near = (actual: number, expected: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= Math.abs(expected) * 1e-9,
    `${what}: ${actual} != ${expected}`,
  );

Deno.test("the first BTC/USDT 1h candle is the CSV's first row, with microseconds turned into ms", async () => {
  const candles = await createSampleExchange().candles("BTC/USDT", "1h", 1000);
  assert.equal(candles.length, 744);
  assert.deepEqual(candles[0], {
    openTime: 1735689600000,
    open: 93576.0,
    high: 94509.42,
    low: 93489.03,
    close: 94401.14,
    volume: 755.9901,
  });
  assert.equal(candles.at(-1)?.openTime, Date.UTC(2025, 0, 31, 23));
});

Deno.test("BTC/USDT 15m candles come from the 2020 recording, read as UTC", async () => {
  const candles = await createSampleExchange().candles("BTC/USDT", "15m", 1000);
  assert.equal(candles.length, 1000);
  assert.deepEqual(candles[0], {
    openTime: Date.UTC(2020, 0, 8, 1, 30),
    open: 8416.26,
    high: 8428.16,
    low: 8371.0,
    close: 8379.13,
    volume: 1464.187697,
  });
});

Deno.test("LTC/USDT 1m candles are merged into proper 1h and 15m candles", async () => {
  const sample = createSampleExchange();
  const hourly = await sample.candles("LTC/USDT", "1h", 1000);
  assert.equal(hourly.length, 48);
  const first = hourly[0];
  assert.deepEqual({ ...first, volume: 0 }, {
    openTime: 1604793600000,
    open: 58.9,
    high: 59.8,
    low: 58.52,
    close: 59.63,
    volume: 0,
  });
  near(first.volume, 52234.39714, "volume of the first hour");
  const quarters = await sample.candles("LTC/USDT", "15m", 1000);
  assert.equal(quarters.length, 192);
  assert.deepEqual({ ...quarters[1], volume: 0 }, {
    openTime: 1604794500000,
    open: 58.93,
    high: 59.44,
    low: 58.82,
    close: 59.41,
    volume: 0,
  });
  near(quarters[1].volume, 11574.3611, "volume of the second quarter hour");
});

Deno.test("candles() returns the latest `limit` candles, oldest first", async () => {
  const candles = await createSampleExchange().candles("BTC/USDT", "1h", 3);
  assert.deepEqual(candles.map((c) => c.openTime), [
    Date.UTC(2025, 0, 31, 21),
    Date.UTC(2025, 0, 31, 22),
    Date.UTC(2025, 0, 31, 23),
  ]);
});

Deno.test("tickers are derived from the last 24 hours of candles", async () => {
  const [btc, ltc] = await createSampleExchange().tickers(["BTC/USDT", "LTC/USDT"]);
  assert.equal(btc.symbol, "BTC/USDT");
  assert.equal(btc.last, 102429.56);
  assert.equal(btc.at, Date.UTC(2025, 1, 1));
  near(btc.quoteVolume, 2279965859.369884, "BTC quote volume");
  near(btc.changePct!, -2.189949976576292, "BTC change");
  assert.equal(ltc.last, 59.23);
  assert.equal(ltc.at, 1604966400000);
  near(ltc.quoteVolume, 59496572.69607339, "LTC quote volume");
  near(ltc.changePct!, -2.9016393442623003, "LTC change");
});

Deno.test("topSymbols() ranks the sample's symbols by quote volume and filters by quote", async () => {
  const sample = createSampleExchange();
  assert.deepEqual(await sample.topSymbols(10, "USDT"), ["BTC/USDT", "LTC/USDT"]);
  assert.deepEqual(await sample.topSymbols(1, "USDT"), ["BTC/USDT"]);
  assert.deepEqual(await sample.topSymbols(10, "EUR"), []);
});

Deno.test("`now` hides candles that had not closed by then", async () => {
  const sample = createSampleExchange({ now: Date.UTC(2025, 0, 2) });
  const candles = await sample.candles("BTC/USDT", "1h", 1000);
  assert.equal(candles.length, 24);
  assert.equal(candles.at(-1)!.openTime + HOUR, Date.UTC(2025, 0, 2));
  const [ticker] = await sample.tickers(["BTC/USDT"]);
  assert.equal(ticker.at, Date.UTC(2025, 0, 2));
  assert.equal(ticker.last, candles.at(-1)!.close);
});

Deno.test("a timeframe or symbol outside the sample is a RangeError that says what exists", async () => {
  const sample = createSampleExchange();
  await assert.rejects(sample.candles("BTC/USDT", "4h", 10), (error: Error) => {
    assert.ok(error instanceof RangeError);
    assert.match(error.message, /"4h" is not in the sample: it has 15m, 1h/);
    return true;
  });
  await assert.rejects(sample.candles("ETH/USDT", "1h", 10), /the sample has BTC\/USDT, LTC\/USDT/);
  await assert.rejects(sample.candles("BTC/USDT", "1h", 0), RangeError);
});

Deno.test("a bad row stops loading with the file name and line", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (const name of ["BTCUSDT_15m_2020-01.csv", "LTCUSDT_1m_2020-11-08.json"]) {
      await Deno.copyFile(new URL(`../../data/sample/${name}`, import.meta.url), `${dir}/${name}`);
    }
    const csv = await Deno.readTextFile(
      new URL("../../data/sample/BTCUSDT_1h_2025-01.csv", import.meta.url),
    );
    const lines = csv.split("\n");
    lines[2] = lines[2].replace(/,[^,]+,/, ",abc,");
    await Deno.writeTextFile(`${dir}/BTCUSDT_1h_2025-01.csv`, lines.join("\n"));
    await assert.rejects(
      createSampleExchange({ dir }).candles("BTC/USDT", "1h", 10),
      (error: Error) => {
        assert.ok(error instanceof SyntaxError);
        assert.match(error.message, /BTCUSDT_1h_2025-01\.csv:3: "abc" is not a number/);
        return true;
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
