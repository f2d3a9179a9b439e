import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from "yaml";
import { ConfigError } from "./config.ts";

/** Parses creator.yaml, keeping the line of every value so errors can point at it. */
export function parseYaml(text: string, path: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new ConfigError(`${path}:${line}: invalid YAML: ${e.message.split("\n")[0]}`);
  }
  let values;
  try {
    // The library refuses a document whose aliases expand past its limit (an
    // "alias bomb" of nested anchors); say where, as for any YAML error.
    values = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    const line = firstAliasLine(doc, lineCounter);
    throw new ConfigError(
      `${path}${line ? `:${line}` : ""}: invalid YAML: ${
        (error as Error).message.split("\n")[0]
      }; ` +
        `aliases (*name) may expand to at most 100 values`,
    );
  }
  if (typeof values !== "object" || Array.isArray(values)) {
    throw new ConfigError(`${path}: expected a mapping of settings at the top level.`);
  }
  const lines: Record<string, number> = {};
  const walk = (node: Node | null | undefined, prefix: string) => {
    if (!node) return;
    if (node.range) lines[prefix] ??= lineCounter.linePos(node.range[0]).line;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = prefix ? `${prefix}.${key}` : key;
        if (isScalar(pair.key) && pair.key.range) {
          lines[child] = lineCounter.linePos(pair.key.range[0]).line;
        }
        walk(pair.value as Node, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node, `${prefix}.${i}`));
    }
  };
  walk(doc.contents as Node, "");
  delete lines[""];
  return { values: values as Record<string, unknown>, lines };
}

function firstAliasLine(doc: ReturnType<typeof parseDocument>, lines: LineCounter) {
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) found = lines.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return found;
}
