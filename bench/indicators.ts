/**
 * Throughput of the signal detectors and of the indicators under them, on 500 symbols of 1000
 * synthetic hourly candles each (a seeded random walk, so every run sees the same market).
 */

import {
  DEFAULT_THRESHOLDS,
  detectInsights,
  type Series,
} from "../agents/foundation/signals/mod.ts";
import { bollingerSeries, rsiSeries, smaSeries } from "../agents/foundation/signals/indicators.ts";

const SYMBOLS = 500;
const CANDLES = 1000;
const HOUR = 3_600_000;
const START = Date.UTC(2025, 0, 1);

export interface IndicatorBench {
  /** Candles through detectInsights (every detector) per second. */
  candlesPerSecond: number;
  /** Candles through full-length RSI, SMA fast and slow and Bollinger series per second. */
  indicatorCandlesPerSecond: number;
  symbols: number;
  candlesPerSymbol: number;
  detectMs: number;
  indicatorMs: number;
  /** How many candidates detectInsights returned, so the work is known not to be skipped. */
  candidates: number;
}

/** Runs each measurement once after a small warm-up pass; returns numbers, prints nothing. */
export async function benchIndicators(): Promise<IndicatorBench> {
  // Yield once so start-up work queued by the caller runs before the clock starts.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const series = syntheticMarket(SYMBOLS, CANDLES);
  const now = START + CANDLES * HOUR;
  // Warm the JIT on a slice so the timed pass measures steady-state code.
  detectInsights({ now, series: series.slice(0, 20), news: [], fearGreed: [] });
  computeIndicators(series.slice(0, 20));

  let start = performance.now();
  const candidates = detectInsights({ now, series, news: [], fearGreed: [] }).length;
  const detectMs = performance.now() - start;

  start = performance.now();
  computeIndicators(series);
  const indicatorMs = performance.now() - start;

  const total = SYMBOLS * CANDLES;
  return {
    candlesPerSecond: total / (detectMs / 1000),
    indicatorCandlesPerSecond: total / (indicatorMs / 1000),
    symbols: SYMBOLS,
    candlesPerSymbol: CANDLES,
    detectMs,
    indicatorMs,
    candidates,
  };
}

function computeIndicators(series: readonly Series[]): void {
  const t = DEFAULT_THRESHOLDS;
  for (const s of series) {
    const closes = s.candles.map((c) => c.close);
    rsiSeries(closes, t.rsiPeriod);
    smaSeries(closes, t.maFast);
    smaSeries(closes, t.maSlow);
    bollingerSeries(closes, t.bbPeriod, t.bbStdDev);
  }
}

/** A seeded random walk per symbol: ~1% hourly moves, volumes around 1000. */
function syntheticMarket(symbols: number, candles: number): Series[] {
  const random = mulberry32(42);
  return Array.from({ length: symbols }, (_, s) => {
    let close = 10 + random() * 1000;
    return {
      exchange: "bench",
      symbol: `S${s}/USDT`,
      timeframe: "1h",
      candles: Array.from({ length: candles }, (_, i) => {
        const open = close;
        close = open * (1 + (random() - 0.5) * 0.02);
        return {
          openTime: START + i * HOUR,
          open,
          high: Math.max(open, close) * (1 + random() * 0.005),
          low: Math.min(open, close) * (1 - random() * 0.005),
          close,
          volume: 1000 * (0.5 + random()) * (random() < 0.01 ? 5 : 1),
        };
      }),
    };
  });
}

/** Small, fast, seedable PRNG; quality is plenty for test data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
