/**
 * A Markdown table read the way a person reads it: each cell with its
 * column's header. "| Index | Now | Previous |" over "| F&G | 79 | 62 |" says
 * that 62 is the previous reading, which the bare row does not.
 */

// A row may carry a sentence after its last cell: "| F&G | 79 | 62 | Thread by the desk."
const ROW = /^\s*\|(.*)\|([^|]*)$/;
// A thread's part may open with its table: "1/2 | | prev | now |".
const MARKED_HEADER = /^(\s*\d{1,2}\/\d{1,2}\s+)(\|.*)$/;
const RULE = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;

/**
 * `text` with each table's rows rewritten as "Header: cell; Header: cell." A column headed "x"
 * holds ratios.
 */
export function readTables(text: string): string {
  return readSeparated(text.includes("|") ? readPiped(text) : text);
}

/**
 * Comma- or semicolon-separated lines under a header line of names ("pair;tf;volume"), read
 * like a table: the header's separator is the one it uses, so "4,187.35" stays one figure
 * under a semicolon header.
 */
function readSeparated(text: string): string {
  if (!/[,;]/.test(text)) return text;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length - 1; i++) {
    const sep = lines[i].includes(";") ? ";" : ",";
    const names = lines[i].split(sep).map((n) => n.trim().replace(/_/g, " "));
    // A header is a row of short names ("pair", "from close"), not a sentence with commas.
    const header = names.length >= 3 &&
      names.every((n) => /^[\p{L}][\p{L}\s()%/]*$/u.test(n) && n.split(/\s+/).length <= 3);
    if (!header) continue;
    let j = i + 1;
    for (; j < lines.length && lines[j].split(sep).length === names.length; j++) {
      const cells = lines[j].split(sep).map((c) => c.trim());
      lines[j] = cells.map((c, k) => `${names[k]}: ${c}`).join("; ") + ".";
    }
    if (j > i + 1) lines[i] = names.join(", ") + ".";
    i = j - 1;
  }
  return lines.join("\n");
}

function readPiped(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marked = MARKED_HEADER.exec(lines[i]);
    const header = ROW.exec(marked ? marked[2] : lines[i]);
    const ruled = RULE.test(lines[i + 1] ?? "");
    if (!header || !(ruled || bareHeader(header[1], lines[i + 1] ?? ""))) {
      out.push(lines[i]);
      continue;
    }
    const names = cells(header[1]).map((n) => (/^[x×]$/i.test(n) ? "ratio" : n));
    out.push((marked ? marked[1] : "") + names.join(", ") + ".");
    if (ruled) i++;
    for (let row = ROW.exec(lines[i + 1] ?? ""); row; row = ROW.exec(lines[i + 1] ?? "")) {
      i++;
      const values = cells(row[1]);
      // "| previous 24h | 11 | +0.11 |": the first cell names the row, so each cell carries its words.
      const label = rowLabel(values[0]);
      out.push(
        values.map((v, k) => (names[k] ? `${k > 0 ? label : ""}${names[k]}: ${v}` : v)).join("; ") +
          ".",
      );
      if (row[2].trim()) out.push(row[2].trim());
    }
  }
  return out.join("\n");
}

/**
 * A header row written without its rule line ("| Asset | TF | Volume | Avg | x |" straight over a
 * row of figures): short names with no figure but a chart's ("24h"), over a row of as many cells
 * holding a figure.
 */
function bareHeader(names: string, next: string): boolean {
  const header = cells(names);
  const row = ROW.exec(next);
  return header.length >= 3 && row !== null && cells(row[1]).length === header.length &&
    /\d/.test(row[1]) &&
    header.every((n) => /^(?:[\p{L}&%()/ .-]{1,24}|\d{1,2}[hdwm])$/iu.test(n));
}

/** The words of a row's first cell, charts aside, when it holds no other figure; or "". */
function rowLabel(cell: string): string {
  const words = cell.replace(/\b\d{1,3}\s?[hdwm]\b/gi, " ").replace(/\s+/g, " ").trim();
  return /\p{L}/u.test(words) && !/\d/.test(words) ? `${words} ` : "";
}

function cells(row: string): string[] {
  return row.split("|").map((c) => c.trim());
}
