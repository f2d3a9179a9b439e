import assert from "node:assert/strict";
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import { type FakeBinanceOptions, startFakeBinance } from "../../tests/fakes/binance.ts";
import { createCcxtExchange } from "./ccxt.ts";
import type { Exchange } from "./mod.ts";
import type { Candle } from "../../core/vocabulary.ts";
import { createSampleExchange } from "./sample.ts";

type Fake = Awaited<ReturnType<typeof startFakeBinance>>;

/** Runs the real ccxt against a fresh fake Binance and closes both afterwards. */
async function withBinance(
  options: FakeBinanceOptions,
  test: (exchange: Exchange, fake: Fake) => Promise<void>,
): Promise<void> {
  const fake = await startFakeBinance(options);
  const exchange = await createCcxtExchange({
    exchangeId: "binance",
    baseUrl: fake.url,
    retry: { baseDelayMs: 10 },
  });
  try {
    await test(exchange, fake);
  } finally {
    await exchange.close?.();
    await fake.close();
  }
}

const paths = (fake: Fake, prefix: string) =>
  fake.requests.map((r) => r.path).filter((p) => p.startsWith(prefix));

async function recorded(): Promise<Record<string, Candle[]>> {
  const sample = createSampleExchange();
  const ethBtc = (await sample.candles("LTC/USDT", "1h", 48)).map((c) => ({ ...c, volume: 1 }));
  return {
    BTCUSDT: await sample.candles("BTC/USDT", "1h", 1000),
    LTCUSDT: await sample.candles("LTC/USDT", "15m", 1000),
    ETHBTC: ethBtc,
  };
}

Deno.test("markets load from /api/v3/exchangeInfo alone, and topSymbols() ranks active spot markets by quote volume", async () => {
  await withBinance({ symbols: await recorded(), halted: ["LUNAUSDT"] }, async (exchange, fake) => {
    assert.equal(exchange.id, "binance");
    // LUNAUSDT has the largest volume but is halted, ETH/BTC is quoted in BTC.
    assert.deepEqual(await exchange.topSymbols(10, "USDT"), ["BTC/USDT", "LTC/USDT"]);
    assert.deepEqual(await exchange.topSymbols(1, "USDT"), ["BTC/USDT"]);
    assert.deepEqual(await exchange.topSymbols(10, "BTC"), ["ETH/BTC"]);
    assert.deepEqual(paths(fake, "/"), [
      "/api/v3/exchangeInfo",
      "/api/v3/ticker/24hr",
      "/api/v3/ticker/24hr",
      "/api/v3/ticker/24hr",
    ]);
  });
});

Deno.test("topSymbols() over synthetic symbols agrees with the fake's own quote volumes", async () => {
  await withBinance({ symbols: 20 }, async (exchange, fake) => {
    const top = await exchange.topSymbols(5, "USDT");
    const all: Array<{ symbol: string; quoteVolume: string }> =
      await (await fetch(`${fake.url}/api/v3/ticker/24hr`)).json();
    const expected = all.sort((a, b) => Number(b.quoteVolume) - Number(a.quoteVolume))
      .slice(0, 5).map((t) => t.symbol.replace(/USDT$/, "/USDT"));
    assert.deepEqual(top, expected);
  });
});

Deno.test("tickers() returns last price, 24h quote volume and change for the asked symbols", async () => {
  await withBinance({}, async (exchange, fake) => {
    const [btc, ltc] = await exchange.tickers(["BTC/USDT", "LTC/USDT"]);
    const [sampleBtc, sampleLtc] = await createSampleExchange().tickers(["BTC/USDT", "LTC/USDT"]);
    for (const [got, want] of [[btc, sampleBtc], [ltc, sampleLtc]]) {
      assert.equal(got.symbol, want.symbol);
      assert.equal(got.last, want.last);
      assert.ok(Math.abs(got.quoteVolume - want.quoteVolume) < 0.01, `${got.quoteVolume}`);
      assert.ok(Math.abs(got.changePct! - want.changePct!) < 0.001, `${got.changePct}`);
      assert.equal(got.at, want.at - 1); // Binance's closeTime is the last ms of the window
    }
    assert.deepEqual(paths(fake, "/api/v3/ticker"), [
      `/api/v3/ticker/24hr?symbols=${encodeURIComponent('["BTCUSDT","LTCUSDT"]')}`,
    ]);
  });
});

Deno.test("candles() returns the recorded Binance candles with the right numbers", async () => {
  await withBinance({}, async (exchange, fake) => {
    const candles = await exchange.candles("BTC/USDT", "1h", 5);
    assert.deepEqual(candles, await createSampleExchange().candles("BTC/USDT", "1h", 5));
    assert.deepEqual(candles[4], {
      openTime: Date.UTC(2025, 0, 31, 23),
      open: 102261.29,
      high: 102439.31,
      low: 101955.0,
      close: 102429.56,
      volume: 587.31239,
    });
    assert.deepEqual(paths(fake, "/api/v3/klines"), [
      "/api/v3/klines?interval=1h&limit=5&symbol=BTCUSDT",
    ]);
  });
});

Deno.test("a 429 with Retry-After is waited out for as long as Binance asked", async () => {
  await withBinance({}, async (exchange, fake) => {
    await exchange.candles("BTC/USDT", "1h", 2); // markets loaded, so the 429 hits klines
    fake.failNext(1, 429, 1);
    const started = performance.now();
    const candles = await exchange.candles("BTC/USDT", "1h", 2);
    const waited = performance.now() - started;
    assert.equal(candles.length, 2);
    assert.ok(waited >= 950 && waited < 3000, `waited ${waited} ms`);
    assert.equal(paths(fake, "/api/v3/klines").length, 3);
  });
});

Deno.test("5xx answers are retried and a 4xx is not", async () => {
  await withBinance({}, async (exchange, fake) => {
    fake.failNext(2, 503);
    assert.equal((await exchange.candles("BTC/USDT", "1h", 1)).length, 1);
    fake.failNext(1, 400);
    const before = fake.requests.length;
    await assert.rejects(exchange.candles("BTC/USDT", "1h", 1), (error: Error) => {
      assert.ok(error instanceof IntegrationError);
      assert.equal(error.status, 400);
      assert.equal(error.service, "binance");
      return true;
    });
    assert.equal(fake.requests.length, before + 1);
  });
});

Deno.test("a malformed klines answer is a 502 IntegrationError, never partial candles", async () => {
  await withBinance({}, async (exchange, fake) => {
    const expected = {
      price: /malformed klines response for BTC\/USDT: row 9: close is undefined/,
      truncated: /malformed klines response for BTC\/USDT: row 9: low is undefined/,
      duplicate: /malformed klines response for BTC\/USDT: row 9: open time \d+ does not increase/,
    };
    for (const [mode, message] of Object.entries(expected)) {
      fake.malformed = mode as keyof typeof expected;
      await assert.rejects(exchange.candles("BTC/USDT", "1h", 10), (error: Error) => {
        assert.ok(error instanceof IntegrationError, `${mode}: ${error}`);
        assert.equal(error.status, 502);
        assert.match(error.message, message);
        return true;
      });
    }
  });
});

Deno.test("an aborted call rejects at once with the signal's reason", async () => {
  await withBinance({ latencyMs: 300 }, async (exchange, fake) => {
    const started = performance.now();
    const reason = new Error("user pressed ctrl-c");
    await assert.rejects(
      exchange.candles("BTC/USDT", "1h", 5, { signal: AbortSignal.timeout(50) }),
      (error: Error) => error.name === "TimeoutError",
    );
    assert.ok(performance.now() - started < 250);
    const controller = new AbortController();
    controller.abort(reason);
    await assert.rejects(exchange.tickers(["BTC/USDT"], { signal: controller.signal }), reason);
    await new Promise((resolve) => setTimeout(resolve, 400)); // let the abandoned request end
    assert.deepEqual(paths(fake, "/"), ["/api/v3/exchangeInfo"]);
  });
});

Deno.test("an unknown symbol or timeframe is a RangeError", async () => {
  await withBinance({}, async (exchange) => {
    await assert.rejects(exchange.candles("NOPE/USDT", "1h", 5), RangeError);
    await assert.rejects(exchange.tickers(["NOPE/USDT"]), RangeError);
    await assert.rejects(exchange.candles("BTC/USDT", "7m", 5), /"7m" is not offered by binance/);
  });
});

Deno.test("an unknown exchange id is a RangeError that says any ccxt id works", async () => {
  await assert.rejects(createCcxtExchange({ exchangeId: "binanse" }), (error: Error) => {
    assert.ok(error instanceof RangeError);
    assert.match(error.message, /"binanse".*any ccxt exchange id works, e\.g\. binance, kraken/);
    return true;
  });
});

Deno.test("an unreachable exchange is a NetworkError", async () => {
  const fake = await startFakeBinance();
  await fake.close(); // its port is now closed
  const exchange = await createCcxtExchange({
    exchangeId: "binance",
    baseUrl: fake.url,
    retry: { attempts: 1 },
  });
  try {
    await assert.rejects(exchange.topSymbols(5, "USDT"), NetworkError);
  } finally {
    await exchange.close?.();
  }
});
