/** The value checks config_quick.ts is made of: each true only for what the schema accepts. */
export type Check = (value: unknown) => boolean;

export const str: Check = (v) => typeof v === "string";
export const nonEmpty: Check = (v) => typeof v === "string" && v.length > 0;
export const matches = (re: RegExp): Check => (v) => typeof v === "string" && re.test(v);
export const num = (min = -Infinity, max = Infinity): Check => (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;
export const int = (min = -Infinity, max = Infinity): Check => (v) =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
export const positive: Check = (v) => num()(v) && (v as number) > 0;
export const oneOf = (...values: unknown[]): Check => (v) => values.includes(v);
export const list = (item: Check, min = 0): Check => (v) =>
  Array.isArray(v) && v.length >= min && v.every(item);
/** http(s) in printable ASCII: nothing the schema's URL check would trim, strip or question. */
export const url: Check = (v) =>
  typeof v === "string" && /^https?:\/\/[!-~]+$/.test(v) && URL.canParse(v);

export function isObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
