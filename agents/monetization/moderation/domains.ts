/** Phishing and lookalike domains: list membership by registrable domain, then resemblance. */
import type { DomainLists, Finding } from "./types.ts";
import { hostChain, type Link } from "./links.ts";
import { editDistance, skeleton } from "./text.ts";
import { getDomainWithoutSuffix } from "tldts";

interface Target {
  domain: string;
  label: string;
  skeleton: string;
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
    if (label.length >= MIN_LABEL) targets.push({ domain, label, skeleton: skeleton(label) });
  }
  const bySkeleton = new Map(targets.map((t) => [t.skeleton, t]));
  const verdicts = new Map<string, Target | null>();

  const resembles = (link: Link): Target | null => {
    const cached = verdicts.get(link.domain);
    if (cached !== undefined) return cached;
    const found = findTarget(link, bySkeleton, targets);
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

function findTarget(link: Link, bySkeleton: Map<string, Target>, targets: Target[]) {
  const label = link.label.replace(/^www\./, "");
  const shape = skeleton(label);
  const same = bySkeleton.get(shape);
  if (same) return same;
  const words = label.split(/[-_.]/);
  for (const t of targets) {
    // "metamask-wallet-verify" or "claim-uniswap": the brand with words around it.
    if (words.length > 1 && words.some((w) => skeleton(w) === t.skeleton)) return t;
    const tolerance = t.label.length >= 12 ? 2 : 1;
    if (editDistance(shape, t.skeleton, tolerance) <= tolerance) return t;
  }
  return null;
}

function* normalize(domains: Iterable<string>): Generator<string> {
  for (const d of domains) {
    const clean = d.trim().toLowerCase().replace(/^\*\./, "").replace(/\.$/, "");
    if (clean) yield clean;
  }
}
