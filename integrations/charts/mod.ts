/**
 * The chart port: a candlestick chart of one series with the marks an insight
 * rests on, rendered to a PNG. Domain words only; the adapter picks the engine.
 */
import type { Candle } from "../../core/vocabulary.ts";

/** Every chart is this size: X and Discord show 16:9 whole, Telegram scales it down. */
export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 675;

/** A line drawn over the price candles (a moving average, a Bollinger band), one value a candle. */
export interface Overlay {
  label: string;
  values: (number | null)[];
  /** "band" lines are drawn dashed. */
  style: "line" | "band";
}

/** What one chart shows. All text is drawn as given, so callers can check its numbers. */
export interface ChartSpec {
  /** Symbol and timeframe, e.g. "BTC/USDT · 1h". */
  title: string;
  /** The insight's own sentence, with the same numbers as the post. */
  subtitle: string;
  /** Exchange and the time of the last candle, e.g. "binance · last candle 27 Jan 2025 14:00 UTC". */
  footer: string;
  /** Oldest first. */
  candles: Candle[];
  overlays: Overlay[];
  /** Horizontal price levels with a label each (the band that broke). */
  levels: { label: string; value: number }[];
  /** Index into `candles` of the bar the insight is about (the spike, the cross). */
  highlight?: number;
  /** A panel under the volume for an oscillator such as RSI, with its threshold lines. */
  panel?: { label: string; values: (number | null)[]; lines: number[]; min: number; max: number };
}

export interface RenderedChart {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface ChartRenderer {
  render(spec: ChartSpec): Promise<RenderedChart>;
}
