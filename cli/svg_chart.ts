/**
 * A small inline SVG line chart for the report page: one line per series over
 * days. The chart engine of the image pipeline renders posts; this page only
 * needs lines and axes, and stays a single self-contained file.
 */

export interface Series {
  name: string;
  /** [x (epoch ms), y]; a null y leaves a gap. */
  points: [number, number | null][];
}

const COLORS = ["#1d9bf0", "#229ed9", "#5865f2", "#e8590c", "#2f9e44"];
const W = 640, H = 220, PAD = { left: 56, right: 12, top: 12, bottom: 28 };

export function lineChart(title: string, series: Series[], format: (y: number) => string): string {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((y): y is number =>
    y !== null
  );
  if (xs.length === 0 || ys.length === 0) {
    return `<figure><figcaption>${esc(title)}</figcaption><p>no data yet</p></figure>`;
  }
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const y1 = Math.max(...ys) || 1;
  const sx = (x: number) =>
    PAD.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - (y / y1) * (H - PAD.top - PAD.bottom);
  const lines = series.map((s, i) => {
    const d = s.points.map(([x, y], j) =>
      y === null
        ? ""
        : `${j === 0 || s.points[j - 1][1] === null ? "M" : "L"}${sx(x).toFixed(1)},${
          sy(y).toFixed(1)
        }`
    ).join("");
    return `<path d="${d}" fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="2"/>`;
  });
  const ticks = [0, 0.5, 1].map((f) =>
    `<text x="${PAD.left - 6}" y="${sy(y1 * f) + 4}" text-anchor="end">${
      esc(format(y1 * f))
    }</text>` +
    `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${sy(y1 * f)}" y2="${
      sy(y1 * f)
    }" stroke="#ddd"/>`
  );
  const day = (x: number) => new Date(x).toISOString().slice(5, 10);
  const axis = `<text x="${PAD.left}" y="${H - 8}">${day(x0)}</text>` +
    `<text x="${W - PAD.right}" y="${H - 8}" text-anchor="end">${day(x1)}</text>`;
  const legend = series.map((s, i) =>
    `<span style="color:${COLORS[i % COLORS.length]}">&#9632; ${esc(s.name)}</span>`
  ).join(" ");
  return `<figure><figcaption>${esc(title)} ${legend}</figcaption>` +
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${
      esc(title)
    }" ` +
    `font-size="11" font-family="sans-serif">${ticks.join("")}${axis}${
      lines.join("")
    }</svg></figure>`;
}

export function esc(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!,
  );
}
