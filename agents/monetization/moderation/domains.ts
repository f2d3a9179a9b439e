/** Phishing and lookalike domains: list membership by registrable domain, then resemblance. */
import type { DomainLists, Finding } from "./types.ts";
import { hostChain, type Link } from "./links.ts";
import { editDistance, skeleton } from "./text.ts";
import { getDomainWithoutSuffix } from "tldts";

interface Target {
  domain: string;
  label: string;
  skeleton: string;
  /** Whether a near miss (an edit or two away) counts; see `crowded`. Decided at first need. */
  fuzzy?: boolean;
}

export interface DomainRules {
  /** True when a link's domain is on the allowlist, the project's own, or a protected one. */
  isAllowed(link: Link): boolean;
  phishing(links: readonly Link[]): Finding | null;
  lookalike(links: readonly Link[]): Finding | null;
}

/** Labels shorter than this are too common to call a near miss a lookalike ("uni" vs "umi"). */
const MIN_LABEL = 5;

export function compileDomains(lists: DomainLists): DomainRules {
  const blocked = new Set(normalize(lists.blocked));
  const targets: Target[] = [];
  const allowed = new Set(normalize(lists.allowed));
  for (const domain of normalize(lists.protect)) {
    allowed.add(domain);
    const label = getDomainWithoutSuffix(domain, { validateHostname: false }) ?? domain;
    if (label.length >= MIN_LABEL) {
      targets.push({ domain, label, skeleton: skeleton(label) });
    }
  }
  // Reading every listed name takes tens of milliseconds: done once, when a near miss needs it.
  let shapes: { blocked: Shapes; allowed: Shapes } | undefined;
  const fuzzy = (t: Target) => {
    shapes ??= { blocked: shapesOf(blocked), allowed: shapesOf(allowed) };
    return t.fuzzy ??= !crowded(t, shapes.blocked, shapes.allowed);
  };
  const bySkeleton = new Map(targets.map((t) => [t.skeleton, t]));
  const verdicts = new Map<string, Target | null>();

  const resembles = (link: Link): Target | null => {
    const cached = verdicts.get(link.domain);
    if (cached !== undefined) return cached;
    const found = findTarget(link, bySkeleton, targets, fuzzy);
    if (verdicts.size > 50_000) verdicts.clear();
    verdicts.set(link.domain, found);
    return found;
  };
  return {
    isAllowed: (link) => allowed.has(link.domain) || allowed.has(link.host),
    phishing(links) {
      for (const link of links) {
        if (allowed.has(link.domain) || allowed.has(link.host)) continue;
        const listed = hostChain(link).find((h) => blocked.has(h));
        if (listed) {
          return {
            rule: "phishing-domain",
            reason: `links to ${listed}, which is on a phishing list`,
            evidence: link.host,
          };
        }
      }
      return null;
    },
    lookalike(links) {
      for (const link of links) {
        if (allowed.has(link.domain) || allowed.has(link.host)) continue;
        const target = resembles(link);
        if (target) {
          return {
            rule: "lookalike-domain",
            reason: `${link.domain} imitates ${target.domain}`,
            evidence: link.host,
          };
        }
      }
      return null;
    },
  };
}

function findTarget(
  link: Link,
  bySkeleton: Map<string, Target>,
  targets: Target[],
  fuzzy: (t: Target) => boolean,
) {
  const label = link.label.replace(/^www\./, "");
  const shape = skeleton(label);
  const same = bySkeleton.get(shape);
  if (same) return same;
  const words = label.split(/[-_.]/);
  for (const t of targets) {
    // "metamask-wallet-verify" or "claim-uniswap": the brand with words around it.
    if (words.length > 1 && words.some((w) => skeleton(w) === t.skeleton)) return t;
    if (nearMiss(shape, t) && fuzzy(t)) return t;
  }
  return null;
}

/** One edit away, two for long names; the same skeleton is a match of its own. */
function nearMiss(shape: string, t: Target): boolean {
  const tolerance = t.label.length >= 12 ? 2 : 1;
  return shape !== t.skeleton && editDistance(shape, t.skeleton, tolerance) <= tolerance;
}

/**
 * Whether the lists name more legitimate near misses of a protected name than phishing ones:
 * "cryptokitties" or "dfinity" have crowds of unrelated projects one letter away, so for them
 * a near miss says little and only the same skeleton or the name as a word counts. Judged on
 * the lists in force, so fresher lists move it; a name no list has seen stays fuzzy.
 */
function crowded(t: Target, blocked: Shapes, allowed: Shapes): boolean {
  const near = (shapes: Shapes) => {
    let n = 0;
    const tolerance = t.label.length >= 12 ? 2 : 1;
    for (let len = t.skeleton.length - tolerance; len <= t.skeleton.length + tolerance; len++) {
      for (const s of shapes.get(len) ?? []) if (nearMiss(s, t)) n++;
    }
    return n;
  };
  return near(allowed) > near(blocked);
}

/** Skeletons of the listed names, by length: only lengths near a target's are compared. */
type Shapes = Map<number, string[]>;

function shapesOf(domains: Set<string>): Shapes {
  const out: Shapes = new Map();
  for (const d of domains) {
    const label = getDomainWithoutSuffix(d, { validateHostname: false }) ?? d;
    const shape = skeleton(label.replace(/^www\./, ""));
    const same = out.get(shape.length);
    if (same) same.push(shape);
    else out.set(shape.length, [shape]);
  }
  return out;
}

function* normalize(domains: Iterable<string>): Generator<string> {
  for (const d of domains) {
    const clean = d.trim().toLowerCase().replace(/^\*\./, "").replace(/\.$/, "");
    if (clean) yield clean;
  }
}
