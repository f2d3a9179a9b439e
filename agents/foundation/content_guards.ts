/**
 * The checks every draft passes before it may be published: length in each
 * platform's own counting, numbers that come from the facts, the disclaimer,
 * no foreign links, no wallet addresses. Pure functions, no I/O.
 */
import type { Platform } from "../../core/vocabulary.ts";
import { PLATFORM_LIMITS, weightedLength } from "../../integrations/publish/text_length.ts";
import { checkNumbers, type Facts } from "./_number_check.ts";
import { foreignLinkHosts, walletAddresses } from "./_links_and_wallets.ts";

export { checkNumbers, type Facts };
export { foreignLinkHosts, walletAddresses };

export interface DraftCheckOptions {
  platform: Platform;
  facts: Facts;
  /** Required verbatim in the last part when non-empty. */
  disclaimer: string;
  /** Hostnames links may point to; subdomains included. */
  linkAllowlist: readonly string[];
  /** Overrides the platform limit, e.g. a caption's. Default PLATFORM_LIMITS[platform]. */
  maxLength?: number;
  /** The insight's symbol: its digits ("1INCH/USDT") are a name, not a figure. */
  symbol?: string | null;
  /** Text whose numbers may appear, such as the insight's headline. */
  allowedText?: readonly string[];
}

export type DraftVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks a draft and says everything wrong with it in one sentence, which is
 * fed back to the writer as `previousRejection`.
 */
export function checkDraft(parts: readonly string[], options: DraftCheckOptions): DraftVerdict {
  if (parts.length === 0 || parts.every((part) => part.trim() === "")) {
    return { ok: false, reason: "the draft has no text" };
  }
  const problems: string[] = [];
  const limit = options.maxLength ?? PLATFORM_LIMITS[options.platform];
  const unit = options.platform === "x" ? "weighted characters" : "characters";
  parts.forEach((part, i) => {
    const length = weightedLength(part, options.platform);
    if (part.trim() === "") problems.push(`part ${i + 1} is empty`);
    if (length > limit) {
      problems.push(`part ${i + 1} is ${length} ${unit} long; the limit is ${limit}`);
    }
  });

  const allowed = [
    options.disclaimer,
    ...(options.symbol ? [options.symbol] : []),
    ...(options.allowedText ?? []),
  ];
  const invented = unique(parts.flatMap((part) => checkNumbers(part, options.facts, allowed)));
  if (invented.length) problems.push(`numbers not in the facts: ${invented.join(", ")}`);

  if (!hasDisclaimer(parts.at(-1) ?? "", options.disclaimer)) {
    problems.push("the last part lacks the disclaimer");
  }
  const hosts = unique(parts.flatMap((part) => foreignLinkHosts(part, options.linkAllowlist)));
  if (hosts.length) problems.push(`links to hosts not allowed: ${hosts.join(", ")}`);
  const wallets = unique(parts.flatMap(walletAddresses));
  if (wallets.length) problems.push(`wallet addresses: ${wallets.map(shorten).join(", ")}`);

  return problems.length ? { ok: false, reason: problems.join("; ") } : { ok: true };
}

/**
 * Adds the disclaimer to the last part when it is missing and fits there.
 * Otherwise a multi-part draft (a thread) gets it as a new part, with "i/n"
 * numbering updated; a single post that cannot hold it is returned unchanged,
 * and checkDraft will reject it.
 */
export function ensureDisclaimer(
  parts: readonly string[],
  disclaimer: string,
  platform: Platform,
  options: { maxLength?: number } = {},
): string[] {
  const last = parts.at(-1);
  if (last === undefined || hasDisclaimer(last, disclaimer)) return [...parts];
  const limit = options.maxLength ?? PLATFORM_LIMITS[platform];
  const appended = `${last.trimEnd()}\n\n${disclaimer.trim()}`;
  if (weightedLength(appended, platform) <= limit) return [...parts.slice(0, -1), appended];
  if (parts.length < 2) return [...parts];
  return renumber([...parts, disclaimer.trim()]);
}

function hasDisclaimer(part: string, disclaimer: string): boolean {
  const wanted = collapse(disclaimer);
  return wanted === "" || collapse(part).includes(wanted);
}

/** Rewrites leading "i/n" markers for the new part count; parts without one are left alone. */
function renumber(parts: string[]): string[] {
  const total = parts.length;
  const numbered = parts.slice(0, -1).every((part) => /^\d{1,2}\/\d{1,2}\s/.test(part));
  if (!numbered) return parts;
  return parts.map((part, i) => {
    const body = i === total - 1 ? part : part.replace(/^\d{1,2}\/\d{1,2}\s+/, "");
    return `${i + 1}/${total} ${body}`;
  });
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
const unique = <T>(items: T[]): T[] => [...new Set(items)];
const shorten = (address: string) =>
  address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
