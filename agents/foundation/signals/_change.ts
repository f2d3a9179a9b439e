import { getPercentageChange } from "trading-signals";
import type { ClosedSeries } from "./_series.ts";
import type { MoveWindow } from "./types.ts";

export const WINDOW_MS: Record<MoveWindow, number> = {
  "1h": 3_600_000,
  "4h": 14_400_000,
  "24h": 86_400_000,
};

/** The change of one series' close over one window, ending at its latest closed candle. */
export interface WindowChange {
  series: ClosedSeries;
  window: MoveWindow;
  /** Index of the candle whose close starts the window. */
  fromIndex: number;
  fromClose: number;
  toClose: number;
  changePct: number;
}

/**
 * The close `window` before the latest close, found `window / timeframe` bars back. null when the
 * timeframe does not divide the window, the data is too short, or a gap leaves no candle at
 * exactly that time (counting bars across a gap would stretch the window).
 */
export function windowChange(series: ClosedSeries, window: MoveWindow): WindowChange | null {
  const { candles, timeframeMs } = series;
  const bars = WINDOW_MS[window] / timeframeMs;
  const last = candles.length - 1;
  if (!Number.isInteger(bars) || bars < 1 || last < bars) return null;
  const target = candles[last].openTime - WINDOW_MS[window];
  const fromIndex = candles[last - bars].openTime === target
    ? last - bars
    : findOpenTime(series, target);
  if (fromIndex < 0) return null;
  const fromClose = candles[fromIndex].close;
  const toClose = candles[last].close;
  if (!(fromClose > 0) || !Number.isFinite(toClose)) return null;
  return {
    series,
    window,
    fromIndex,
    fromClose,
    toClose,
    changePct: getPercentageChange(fromClose, toClose),
  };
}

/**
 * One change per exchange and symbol: when several timeframes of a symbol are given, the one
 * whose latest candle closed last (then the finer one) speaks for it, so a 24h move seen on
 * both 15m and 1h candles is told once. Keeps the order of first appearance.
 */
export function changesBySymbol(
  series: readonly ClosedSeries[],
  window: MoveWindow,
): WindowChange[] {
  const best = new Map<string, WindowChange>();
  for (const s of series) {
    const change = windowChange(s, window);
    if (!change) continue;
    const key = `${s.exchange}\u0000${s.symbol}`;
    const current = best.get(key);
    if (!current || isFresher(s, current.series)) best.set(key, change);
  }
  return [...best.values()];
}

function isFresher(a: ClosedSeries, b: ClosedSeries): boolean {
  const closeA = a.candles[a.candles.length - 1].openTime + a.timeframeMs;
  const closeB = b.candles[b.candles.length - 1].openTime + b.timeframeMs;
  return closeA !== closeB ? closeA > closeB : a.timeframeMs < b.timeframeMs;
}

function findOpenTime({ candles }: ClosedSeries, openTime: number): number {
  let lo = 0;
  let hi = candles.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = candles[mid].openTime;
    if (t === openTime) return mid;
    if (t < openTime) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
