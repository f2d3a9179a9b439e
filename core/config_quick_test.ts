import assert from "node:assert/strict";
import { DEFAULTS } from "./config_defaults.ts";
import { parseYaml } from "./config_file.ts";
import { quickConfig } from "./config_quick.ts";
import { ConfigSchema } from "./config_schema.ts";

/** Every settable key of the schema, optional ones included, as dotted paths. */
function leafPaths(node: unknown, prefix = ""): string[] {
  while ((node as { def?: { innerType?: unknown } }).def?.innerType) {
    node = (node as { def: { innerType: unknown } }).def.innerType;
  }
  const shape = (node as { shape?: Record<string, unknown> }).shape;
  if (!shape) return [prefix];
  return Object.entries(shape).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

function withValue(path: string, value: unknown): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  let node = raw;
  const keys = path.split(".");
  for (const key of keys.slice(0, -1)) node = (node[key] = {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return raw;
}

/** Values near every bound and format the schema has, valid and not. */
const PROBES: unknown[] = [
  ...[-1, 0, 0.005, 0.3, 0.5, 1, 2, 3, 5, 6, 10, 20, 50, 59, 60, 100, 365, 366, 500, 501, 1000],
  ...[1001, 1024, 86_400, 86_401, 2 ** 53, NaN, Infinity, -0],
  ...["", " ", "x", "X", "info", "loud", "binance", "Bin ance", "1h", "7d", "7w", "ban", "lock"],
  ...["12:00-22:00", "12:00-12:00", "00:00-24:00", "23:00-01:00", "24:00-01:00", "usd", "USD"],
  ...["https://a.example/x", "http://a.example", "HTTPS://a.example", "http:a.example"],
  ...[" https://a.example", "https://a.example\n", "ftp://a.example", "https://", "https://a b"],
  ...["price_1Abc", "price_", "-1001234", "@group", "1234567890123456", "1".repeat(22)],
  ...["a".repeat(64), "A".repeat(64), "*/5 * * * *", "* * *", "after:analysis", "off", "month"],
  ...[null, true, undefined, {}, [], ["x"], ["BTC/USDT"], ["btc/usdt"], ["1h", "4h"], ["2h"]],
  ...[["x", "telegram"], ["mastodon"], ["question", "fud"], ["12:00-22:00"], ["1h", "bad"]],
  ...[["https://a.example"], ["notaurl"], ["market-scanner"], { a: "*/5 * * * *" }, { a: "x" }],
  { "market-scanner": "after:analysis" },
];

Deno.test("the built-in defaults are exactly the schema's", () => {
  assert.deepEqual(DEFAULTS, ConfigSchema.parse({}));
});

Deno.test("the quick check never accepts what the schema refuses, and agrees on the result", () => {
  const template = Deno.readTextFileSync(new URL("../cli/templates/creator.yaml", import.meta.url));
  const bases = [{}, parseYaml(template, "creator.yaml").values];
  let accepted = 0;
  let refused = 0;
  for (const base of bases) {
    for (const path of leafPaths(ConfigSchema)) {
      for (const probe of PROBES) {
        const raw = merge(structuredClone(base), withValue(path, probe));
        const quick = quickConfig(raw);
        const full = ConfigSchema.safeParse(raw);
        const where = `${path} = ${JSON.stringify(probe)}`;
        if (quick === null) {
          refused++;
          continue;
        }
        accepted++;
        assert.ok(full.success, `accepted what the schema refuses: ${where}`);
        assert.deepEqual(quick, full.data, where);
        assert.deepEqual(Object.keys(quick), Object.keys(full.data), where);
      }
    }
  }
  // Neither side is empty: the check takes most valid configs and leaves the rest.
  assert.ok(accepted > 500 && refused > 500, `${accepted} accepted, ${refused} refused`);
});

Deno.test("the quick check takes the config `creator init` writes, and no unknown key", () => {
  const template = Deno.readTextFileSync(new URL("../cli/templates/creator.yaml", import.meta.url));
  const raw = parseYaml(template, "creator.yaml").values;
  assert.deepEqual(quickConfig(raw), ConfigSchema.parse(raw));
  assert.equal(quickConfig({ ...raw, exchnage: {} }), null);
  assert.equal(quickConfig(JSON.parse('{"__proto__": {"db": "x"}}')), null);
  assert.equal(quickConfig({ exchange: { symbols: [], topN: 0 } }), null);
});

/** `patch` laid over `base`, objects merged key by key. */
function merge(base: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] = v && typeof v === "object" && !Array.isArray(v) && b && typeof b === "object" &&
        !Array.isArray(b) && Object.keys(v).length
      ? merge(b, v as Record<string, unknown>)
      : v;
  }
  return out;
}

Deno.test("the config `creator init` writes out is the defaults, every key of it", () => {
  const template = Deno.readTextFileSync(new URL("../cli/templates/creator.yaml", import.meta.url));
  assert.deepEqual(ConfigSchema.parse(parseYaml(template, "creator.yaml").values), DEFAULTS);
});
