import { DEFAULT_THRESHOLDS, type MoveWindow, type Thresholds } from "./types.ts";

/** Partial<Thresholds>, except that movePct may also name only some windows. */
export type ThresholdOverrides = Partial<Omit<Thresholds, "movePct">> & {
  movePct?: Partial<Record<MoveWindow, number>>;
};

/**
 * Merges overrides over DEFAULT_THRESHOLDS (movePct key by key) and checks the result,
 * throwing a RangeError that names the bad setting.
 */
export function resolveThresholds(overrides: ThresholdOverrides = {}): Thresholds {
  const t: Thresholds = {
    ...DEFAULT_THRESHOLDS,
    ...overrides,
    movePct: { ...DEFAULT_THRESHOLDS.movePct, ...overrides.movePct },
  };
  for (const key of ["rsiPeriod", "maFast", "maSlow", "bbPeriod", "volumeBaselineBars"] as const) {
    requireInteger(key, t[key], key === "bbPeriod" || key === "rsiPeriod" ? 2 : 1);
  }
  requireInteger("topMovers", t.topMovers, 1);
  if (t.maFast >= t.maSlow) {
    throw new RangeError(
      `Cannot use maFast ${t.maFast} with maSlow ${t.maSlow}: the fast period must be shorter`,
    );
  }
  if (!(t.rsiLow < t.rsiHigh)) {
    throw new RangeError(
      `Cannot use rsiLow ${t.rsiLow} with rsiHigh ${t.rsiHigh}: low must be < high`,
    );
  }
  const positives: Record<string, number> = {
    "movePct.1h": t.movePct["1h"],
    "movePct.4h": t.movePct["4h"],
    "movePct.24h": t.movePct["24h"],
    volumeSpikeRatio: t.volumeSpikeRatio,
    bbStdDev: t.bbStdDev,
    sentimentShift: t.sentimentShift,
  };
  for (const [key, value] of Object.entries(positives)) {
    if (!(value > 0) || !Number.isFinite(value)) {
      throw new RangeError(`Cannot use threshold ${key}: current value is ${value}, expected > 0`);
    }
  }
  return t;
}

function requireInteger(key: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Cannot use threshold ${key}: current value is ${value}, expected an integer >= ${min}`,
    );
  }
}
