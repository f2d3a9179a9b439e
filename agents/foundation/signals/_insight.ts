/**
 * One importance scale for every detector, so candidates of different types rank together:
 * `measure` and `threshold` are distances from the same neutral point (0% change, RSI 50, ...),
 * which gives 0.5 at the threshold, rising linearly to 1 at twice the threshold, capped there.
 */
export function scaleImportance(measure: number, threshold: number): number {
  if (!(threshold > 0) || !Number.isFinite(measure)) return 0;
  return Math.min(1, Math.max(0, (0.5 * Math.abs(measure)) / threshold));
}

/** A number for a headline: fixed digits, no sign. Facts keep the raw value. */
export function fmt(value: number, digits = 1): string {
  return Math.abs(value).toFixed(digits);
}

/** A signed number for a headline: "+5.2" / "-3.1". */
export function fmtSigned(value: number, digits = 1): string {
  return `${value < 0 ? "-" : "+"}${fmt(value, digits)}`;
}
