/** The one results table `deno task bench` prints, and the number formats its cells use. */

export interface Row {
  benchmark: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: string;
}

/** What each benchmark hands back: its table rows and the notes on how they were measured. */
export interface BenchResult {
  rows: Row[];
  notes: string[];
}

const COLUMNS: Array<keyof Row> = [
  "benchmark",
  "measured",
  "baseline",
  "ratio",
  "target",
  "verdict",
];

/** A GitHub-flavoured markdown table, columns padded so it also reads as plain text. */
export function markdownTable(rows: readonly Row[]): string {
  const cells = [COLUMNS as string[], ...rows.map((row) => COLUMNS.map((c) => escape(row[c])))];
  const widths = COLUMNS.map((_, i) => Math.max(3, ...cells.map((line) => line[i].length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(" | ")} |`;
  return [
    line(cells[0]),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...cells.slice(1).map(line),
  ].join("\n");
}

const escape = (text: string) => text.replaceAll("|", "\\|");

/** "12.3 ms" below ten seconds' worth of detail, "12.35 s" above. */
export function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(1)} ms`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}x`;
}

export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** "1.23 M/s" style rates. */
export function rate(perSecond: number, unit: string): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M ${unit}/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k ${unit}/s`;
  return `${perSecond.toFixed(0)} ${unit}/s`;
}

export function verdict(pass: boolean): string {
  return pass ? "PASS" : "MISS";
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("Cannot take the median of no values");
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Progress goes to stderr so stdout carries only the table. */
export function progress(message: string): void {
  console.error(`bench: ${message}`);
}
