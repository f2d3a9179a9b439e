/**
 * The truth guard: every draft, whoever wrote it (Claude, the template
 * writer, a person), passes here before it may be published. Each figure is
 * read as a claim (asset, metric, window, unit, direction, tense) and checked
 * against the fact it claims, and so is an indicator state said in words
 * ("overbought", "golden cross"); predictions and promises are refused by
 * meaning; links and wallet addresses are found however they are hidden;
 * length is counted the platform's way and the disclaimer must close the
 * post. Pure functions, no I/O: agents of every phase import this module.
 */
import type { Platform } from "../../core/vocabulary.ts";
import { PLATFORM_LIMITS, weightedLength } from "../../integrations/publish/text_length.ts";
import { assetsIn, maskTickers } from "./_assets.ts";
import { bindClaims } from "./_bind.ts";
import { baseOf, describeFacts, HOURS, type InsightFacts, windowsOf } from "./_facts.ts";
import { maskMarkers, threadRuns } from "./_markers.ts";
import { readPairs } from "./_pairs.ts";
import { readTables } from "./_tables.ts";
import { matchClaim, type Rules } from "./_match.ts";
import { normalize } from "./_normalize.ts";
import { readFigures } from "./_read.ts";
import { contradictedStates } from "./_states.ts";
import { hasDisclaimer } from "./disclaimer.ts";
import { findLinks, refang } from "./links.ts";
import { promisesIn } from "./promises.ts";
import { findWallets, walletAddresses } from "./wallets.ts";

export type { InsightFacts };
export { ensureDisclaimer } from "./disclaimer.ts";
export { findLinks, refang, walletAddresses };

export interface DraftCheckOptions {
  platform: Platform;
  /** The insight the draft is about: its type, symbol, timeframe, headline and facts. */
  insight: InsightFacts;
  /** Required verbatim in the last part when non-empty. */
  disclaimer: string;
  /** Hostnames links may point to; subdomains included. Shorteners only when listed exactly. */
  linkAllowlist: readonly string[];
  /** Overrides the platform limit, e.g. a caption's. Default PLATFORM_LIMITS[platform]. */
  maxLength?: number;
  /** How far off an approximation ("near $3,100") may be, in percent of the fact. Default 1. */
  approximationPct?: number;
  /** Names whose digits are not figures (a product name, a quoted title). */
  allowedText?: readonly string[];
}

/** One figure of the draft, and the fact it matched or why none did. */
export interface CheckedClaim {
  /** 1-based part number. */
  part: number;
  text: string;
  asset: string | null;
  ok: boolean;
  /** The fact key matched ("changePct"), when ok. */
  fact?: string;
  reason?: string;
}

export interface DraftVerdict {
  ok: boolean;
  /** Everything wrong in one sentence, fed back to the writer; null when ok. */
  reason: string | null;
  problems: string[];
  claims: CheckedClaim[];
}

/** Checks a draft, split into its parts (one part unless it is a thread). */
export function checkDraft(parts: readonly string[], options: DraftCheckOptions): DraftVerdict {
  if (parts.length === 0 || parts.every((part) => part.trim() === "")) {
    return {
      ok: false,
      reason: "the draft has no text",
      problems: ["the draft has no text"],
      claims: [],
    };
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
  const rules = rulesFor(options);
  const claims: CheckedClaim[] = [];
  const said = new Set<string>();
  const carryAsset = !namesOwnAsset(parts.join("\n"), options);
  const runs = parts.length > 1 ? threadRuns(parts.map(normalize)) : new Set<number>();
  parts.forEach((part, i) => {
    const found = checkPart(part, i, options, rules, carryAsset, runs);
    claims.push(...found.claims);
    for (const problem of found.problems) if (!said.has(problem)) said.add(problem);
  });
  const wrong = claims.filter((c) => !c.ok).map((c) => c.reason!);
  if (wrong.length) problems.push(`claims not backed by the facts: ${unique(wrong).join("; ")}`);
  problems.push(...said);
  if (!hasDisclaimer(parts.at(-1) ?? "", options.disclaimer)) {
    problems.push("the last part lacks the disclaimer");
  }
  return { ok: problems.length === 0, reason: problems.join("; ") || null, problems, claims };
}

/**
 * The figures of `text` that no fact of `insight` backs, each with why: for
 * text that is not a post (chart labels, alt text, recap lines), where length,
 * links and the disclaimer are checked elsewhere or do not apply.
 */
export function unbackedClaims(
  text: string,
  insight: InsightFacts,
  allowedText: readonly string[] = [],
): string[] {
  const options: DraftCheckOptions = {
    platform: "discord",
    insight,
    disclaimer: "",
    linkAllowlist: [],
    allowedText,
  };
  const { claims } = checkPart(text, 0, options, rulesFor(options));
  return unique(claims.filter((c) => !c.ok).map((c) => `${c.text.trim()}: ${c.reason}`));
}

/** Every figure in `text` as written, read the way the guard reads drafts. */
export function figuresIn(text: string): string[] {
  return readFigures(normalize(text)).map((f) => f.text.trim());
}

function rulesFor(options: DraftCheckOptions): Rules {
  const { facts } = options.insight;
  const ranks = Object.keys(facts).map((k) => /^(?:gainer|loser)(\d+)Symbol$/.exec(k))
    .reduce((most, m) => (m ? Math.max(most, Number(m[1])) : most), 0);
  return {
    facts: describeFacts(options.insight),
    windows: windowsOf(options.insight),
    ranks,
    approximationPct: options.approximationPct ?? 1,
    candleHours: candleHoursOf(options.insight.timeframe),
  };
}

function checkPart(
  part: string,
  index: number,
  options: DraftCheckOptions,
  rules: Rules,
  carryAsset = false,
  runs: ReadonlySet<number> = new Set(),
): { claims: CheckedClaim[]; problems: string[] } {
  const text = refang(blank(readTables(normalize(part)), normalize(options.disclaimer)));
  const known = knownOf(options);
  const problems: string[] = [];
  const links = findLinks(text, options.linkAllowlist);
  for (const link of links) if (link.problem) problems.push(`${link.problem}: ${link.shown}`);
  const wallets = findWallets(text);
  for (const address of new Set(wallets.map((w) => w.address))) {
    problems.push(`a wallet address: ${shorten(address)}`);
  }
  // "SOON/USDT is up": a coin named by a word is not the word. Masking keeps every offset, so the
  // words a reason quotes are given back as the draft wrote them.
  const coinsMasked = maskTickers(text, known);
  for (const promise of promisesIn(coinsMasked)) {
    problems.push(`${asWritten(promise, coinsMasked, text)} is not allowed`);
  }
  for (const state of contradictedStates(text, options.insight)) {
    problems.push(`the facts deny ${state}`);
  }

  let masked = text;
  // A link or an address is reported once, not as a row of figures.
  for (const span of [...links, ...wallets]) masked = blankSpan(masked, span.start, span.end);
  masked = maskMarkers(masked, runs);
  const own = options.insight.symbol ? baseOf(options.insight.symbol) : null;
  // A name's digits are not figures, but the name still says which asset a figure is about.
  const figures = readFigures(maskNames(masked, namesOf(options)));
  const bound = bindClaims(masked, figures, known, own, carryAsset);
  const claims = readPairs(bound, masked, rules).map((claim) => {
    const outcome = matchClaim(claim, rules);
    return {
      part: index + 1,
      text: claim.text.trim(),
      asset: claim.asset,
      ok: outcome.ok,
      ...(outcome.ok ? { fact: outcome.fact } : { reason: outcome.reason }),
    };
  });
  return { claims, problems };
}

/** `reason` with the words it quotes from `masked` taken from `text` at the same place. */
function asWritten(reason: string, masked: string, text: string): string {
  const quoted = /\("(.*)"\)$/s.exec(reason)?.[1];
  const at = quoted ? masked.indexOf(quoted) : -1;
  return at < 0 ? reason : reason.replace(quoted!, text.slice(at, at + quoted!.length));
}

/** Hours of each candle of a timeframe ("15m", "4h", "1d"), or null. */
function candleHoursOf(timeframe: string | null | undefined): number | null {
  const m = /^(\d+)([mhdw])$/i.exec(timeframe ?? "");
  if (!m) return null;
  return Number(m[1]) * HOURS[m[2].toLowerCase()];
}

/** Tickers of the insight's own assets, read as assets even when no list knows them. */
function knownOf(options: DraftCheckOptions): Set<string> {
  return new Set(namesOf(options).filter((n) => !n.includes("/")).map((n) => n.toUpperCase()));
}

/**
 * Whether a draft names the insight's own asset anywhere; a draft about one
 * asset that only names another ("ETH | 24h" over a SOL list) is about that one.
 */
function namesOwnAsset(draft: string, options: DraftCheckOptions): boolean {
  const { symbol } = options.insight;
  return symbol === null ||
    assetsIn(draft.normalize("NFKC"), knownOf(options)).includes(baseOf(symbol));
}

/** Symbols and names whose digits are part of a name ("1INCH/USDT" and "1INCH"). */
function namesOf(options: DraftCheckOptions): string[] {
  const { insight } = options;
  const symbols = [
    insight.symbol ?? "",
    ...Object.entries(insight.facts).filter(([k, v]) => /Symbol$/.test(k) && typeof v === "string")
      .map(([, v]) => String(v)),
  ].filter((s) => s !== "");
  return [...symbols, ...symbols.map(baseOf), ...(options.allowedText ?? [])];
}

/** Blanks names holding digits ("1INCH/USDT", an allowed title), so they are not read. */
function maskNames(text: string, names: string[]): string {
  let masked = text;
  const phrases = names.filter((p) => /\d/.test(p)).sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    masked = masked.replace(standingAlone(phrase), (m) => " ".repeat(m.length));
  }
  return masked;
}

/** `phrase` where it is not glued to a letter or digit. */
function standingAlone(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
}

function blank(text: string, phrase: string): string {
  const wanted = phrase.trim();
  if (wanted === "") return text;
  const at = text.lastIndexOf(wanted);
  return at < 0 ? text : blankSpan(text, at, at + wanted.length);
}

const blankSpan = (text: string, start: number, end: number) =>
  text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
const unique = <T>(items: T[]): T[] => [...new Set(items)];
const shorten = (address: string) =>
  address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
