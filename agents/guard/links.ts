/**
 * Links in drafts, found the way a scammer would hide them: defanged
 * ("hxxps://", "name[.]com", "t·me", "evil dot vip" before any top-level domain,
 * "evil .io"), behind userinfo ("https://allowed.com@evil.io"), inside an
 * allowed link's path or query (an open redirect), as raw IP addresses,
 * shorteners, email addresses and deep links (tg://, mailto:). A crypto
 * account that posts an unknown link is how scams look, so only allowlisted
 * hosts pass.
 */
import { parse } from "tldts";
import { extractUrlsWithIndices } from "../../integrations/publish/text_length.ts";

export interface LinkFinding {
  start: number;
  end: number;
  /** What a person sees in the verdict: a host, an address or a scheme. */
  shown: string;
  /** Why it may not be posted; null for an allowlisted link. */
  problem: string | null;
}

const SHORTENERS = new Set([
  "bit.ly",
  "t.co",
  "tinyurl.com",
  "goo.gl",
  "ow.ly",
  "is.gd",
  "buff.ly",
  "cutt.ly",
  "rebrand.ly",
  "t.ly",
  "shorturl.at",
  "rb.gy",
  "tiny.cc",
  "lnkd.in",
  "s.id",
  "v.gd",
  "bl.ink",
  "short.io",
]);
const DEEP_SCHEMES =
  "mailto|tel|sms|tg|whatsapp|viber|skype|discord|bitcoin|ethereum|solana|javascript|data|intent|market|magnet|wc|metamask|itms-apps";
// The endings scams use most: read even when the dot is only spaced ("evil. io").
const TLDS = "com|net|org|io|xyz|app|co|me|gg|info|biz|finance|exchange|site|online|top|ru|cc|ly";
// Top-level domains that are also common English words: "the dot is" is prose,
// so after a spelled-out dot they count only at the end of a phrase.
const WORD_TLDS = new Set([
  "at",
  "to",
  "in",
  "is",
  "it",
  "me",
  "be",
  "by",
  "as",
  "us",
  "so",
  "no",
  "do",
  "go",
  "am",
  "an",
  "my",
  "one",
  "new",
  "now",
  "top",
  "win",
  "best",
  "live",
  "link",
  "fun",
  "day",
  "art",
  "run",
  "and",
]);
// A dot spelled in the languages drafts are written in ("t punto me", "telegram точка me",
// "pumpdao点cc"), or set apart by spaces ("t .me", "linktr . ee"), before a lowercase ending
// that is a top-level domain; then a slash spelled or set apart after a host ("barra", "слэш").
const DOT_WORDS = [
  "dot|punto|ponto|point|punkt|punct|punkts|nokta|nöqtə|nuqta|titik|tuldok|nukta|kropka|bodka",
  "taškas|tečka|točka|pika|pont|piste|prikk|prik|punt|chấm|dấu chấm|τελεία|τελεια|точка|крапка",
  "тачка|нүкте|цэг|จุด|نقطة|نقطه|ڈاٹ|नुक्ता|बिंदु|डॉट|डट|ডট|புள்ளி|נקודה|ነጥብ|წერტილი|կետ",
  "ドット|닷|点|點|dott|_dot_",
].join("|");
// German writes its noun with a capital ("krypto-bonus Punkt de"); the rest of the pattern stays
// lower case, since "bottom. So" ends a sentence.
function capitalized(words: string): string {
  return words.replace(
    /(^|\|)(\p{Ll})/gu,
    (_m, bar: string, first: string) => bar + first.toUpperCase(),
  );
}
const DOT_SPELLED = new RegExp(
  `(?<=[a-z][a-z0-9-]*)(?:\\s+(?:${DOT_WORDS}|${
    capitalized(DOT_WORDS)
  })\\s+|[点點점]|[ \\t]+\\.[ \\t]*|\\.[ \\t]+)(?=([a-z]{2,24})(?![\\p{L}\\p{N}-]))`,
  "gu",
);
// A whole ending spelled in another script: "coinvip 닷컴" (dot com), "moneta-bonus точка ру",
// Ukrainian "cryptoprofit крапка ком".
const ENDING_SPELLED =
  /(?<=[a-z0-9])\s*(?:닷컴|ドット\s?・?\s?コム)(?![\p{L}])|(?<=[a-z0-9])\s+(?:точка|крапка)\s+(ру|ком|нет|орг)(?![\p{L}])/giu;
const CYRILLIC_ENDING: Record<string, string> = { ру: "ru", ком: "com", нет: "net", орг: "org" };
const SLASH_WORDS =
  "slash|barra|слэш|слеш|斜杠|斜线|スラッシュ|슬래시|ukośnik|lomítko|schrägstrich|شرطة|स्लैश";
// Dot words that are also everyday words before another ("point me", "punto de"): after them a
// word-like ending joins only where the link goes on.
const COMMON_DOT = /^\s*(?:dot|point|punto|punt|ponto|punkt|pont)\s*$/i;
// The everyday words that follow them: English ones after "dot" and "point", the small words of
// the Romance languages after "punto", "ponto", "punt", "pont", "point" and "punkt" ("el punto de
// entrada", "a ponto de", "il punto è"); "segnali punto it" is a link.
const ENGLISH_DOT = /^\s*(?:dot|point)\s*$/i;
const ROMANCE_WORDS = new Set(
  "de di da do del dei della e y a en in me no es se al la le il lo el per te tu su si ne na um un os as ao"
    .split(" "),
);
// What may follow a spelled-out host: the end, a path, or a slash spelled out.
const LINK_GOES_ON = new RegExp(`^\\s*(?:$|\\/|[.,;!?)]|(?:${SLASH_WORDS})(?![\\p{L}]))`, "iu");
const SLASH_SPELLED = new RegExp(
  `(?<=\\.[a-z]{2,24})(?:\\s+(?:${SLASH_WORDS})\\s+|\\/\\s+|\\s+\\/\\s*)(?=[\\p{L}\\p{N}@_])`,
  "giu",
);
// Invite hosts written with a space for their dot: "discord gg slash x", "t me/x", "bit ly".
const SPELLED_HOST =
  /(?<![\p{L}\p{N}'’])(discord|t|bit|linktr|tinyurl)\s+(gg|me|ly|ee|com)(?![\p{L}\p{N}])/giu;
const SPELLED_OUT = /(?<![\p{L}\p{N}])(?:[a-z0-9:\/.@] ){4,}[a-z0-9:\/.@](?![\p{L}\p{N}])/giu;
// "dot" in the other languages drafts are written in, in brackets: "(ponto)", "[punkt]", "(点)".
const DOT_IN_BRACKETS = new RegExp(
  `(?<=[a-z0-9])\\s*[\\[({‹«<⟨]\\s*(?:${
    DOT_WORDS.replace(/^dot\|/, "")
  }|点|點|점|period|full stop)\\s*[\\])}›»>⟩]\\s*(?=[a-z0-9])`,
  "giu",
);
const SPELLED_DOT = /(?<=[a-z0-9])[ \t]*\b(dot)\b[ \t]*(?=([a-z0-9-]{2,63})(?![a-z0-9-]))/gi;
const SPACED_DOT = /(?<=[a-z0-9]{2})[ \t]+\.(?=([a-z]{2,24})(?![a-z0-9-]))/g;
const SCHEME_URL = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s<>"]+/gi;
const DEEP_LINK = new RegExp(`\\b(?:${DEEP_SCHEMES}):[^\\s<>"]+`, "gi");
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const RAW_IP = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)(?::\d{1,5})?(?:\/[^\s]*)?/g;

/** Undoes the usual defanging, so hidden links read as links. */
export function refang(text: string): string {
  return text
    // "h t t p s : / / evil . de", "w w w . k s m p u l s e . c o m": a link spelled out letter by
    // letter reads as one once its letters are joined.
    .replace(SPELLED_OUT, (run) => run.replace(/ /g, ""))
    .replace(/(?<=[a-z0-9])\s*[\[({]\s*,\s*[\])}]\s*(?=[a-z0-9])/gi, ".")
    .replace(SPELLED_HOST, "$1.$2")
    // "xem ~ drops ~ (dot) ~ site": filler marks between the parts of a host.
    .replace(/(?<=[a-z0-9])\s*~\s*(?=[a-z0-9(\[])|(?<=[)\]])\s*~\s*(?=[a-z0-9])/gi, " ")
    // "moonshot-calls,com": a comma glued between a name and an ending stands for its dot.
    .replace(new RegExp(`(?<=[a-z0-9-]{3}),(?=(?:${TLDS})(?![\\p{L}\\p{N}]))`, "giu"), ".")
    // "moc.sdrawer-eikooc//:sptth": a link written backwards.
    .replace(/[^\s"'<>]*\/\/:s?ptth(?![a-z])/gi, (reversed) => [...reversed].reverse().join(""))
    .replace(
      ENDING_SPELLED,
      (_m, ending?: string) => `.${ending ? CYRILLIC_ENDING[ending.toLowerCase()] : "com"}`,
    )
    .replace(DOT_SPELLED, (dot, label: string, at: number, all: string) =>
      isTld(label) &&
        // A dot set apart by spaces ends a sentence as often as it hides a link ("that's the
        // post. gm"): it joins only where the link goes on, as a word ending does.
        (!(everyday(dot, label) || dot.includes(".")) ||
          // "pengu-hadiah titik my": a dot word no sentence of prose would put before "my".
          (!dot.includes(".") && !COMMON_DOT.test(dot)) ||
          LINK_GOES_ON.test(all.slice(at + dot.length + label.length)))
        ? "."
        : dot)
    .replace(SLASH_SPELLED, "/")
    // After a scheme, spaces in the host hide nothing: "https:// evil . de".
    .replace(
      /\b(https?:\/\/)\s*([a-z0-9-]+(?:\s*\.\s*[a-z0-9-]+)+)/gi,
      (_m, scheme: string, host: string) => scheme + host.replace(/\s+/g, ""),
    )
    .replace(/\bh(?:xx|\*\*|tt)p(s?)(?=\[?:)/gi, "http$1")
    .replace(/\[:\]|\(:\)/g, ":")
    // "t·me/x", "t•me": a middle dot or bullet glued between letters stands for a dot.
    .replace(/(?<=[a-z])[\u00B7\u2022\u2219\u22C5\u30FB](?=[a-z])/gi, ".")
    // "tinyurl ⋅ com / x", "discord • gg / x": the same dot with spaces, before a top-level domain
    // and a path or the end; not "update • top gainers", a list run into one line.
    .replace(
      new RegExp(`(?<=[a-z0-9])\\s+[\u00B7\u2022\u2219\u22C5\u30FB]\\s+(?=(${TLDS})\\b)`, "gi"),
      (dot, tld: string, at: number, all: string) =>
        LINK_GOES_ON.test(all.slice(at + dot.length + tld.length)) ? "." : dot,
    )
    .replace(/(?<=[a-z0-9])\s*[\[({‹«<⟨]\s*\.\s*[\])}›»>⟩]\s*(?=[a-z0-9])/gi, ".")
    // "evil(dot)com", but not "Polkadot (DOT) is up"; "youtube(ponto)com" in other languages.
    .replace(
      /(?<=[a-z0-9])\s*[\[({‹«<⟨]\s*dot\s*[\])}›»>⟩]\s*(?=([a-z0-9-]{2,63})(?![a-z0-9-]))/gi,
      (dot, label: string, at: number, whole: string) =>
        // A dot in brackets glued to a name is there to hide it: "tradehub(dot)live today".
        /^\S/.test(dot) && /dot/.test(dot) && isTld(label) ? "." : spelledDot(
          dot,
          /dot/i.exec(dot)![0],
          label,
          whole.slice(at + dot.length + label.length),
        ),
    )
    .replace(DOT_IN_BRACKETS, ".")
    .replace(/(?<=[a-z0-9])\s*[\[({]\s*(?:@|at)\s*[\])}]\s*(?=[a-z0-9])/gi, "@")
    .replace(
      new RegExp(
        `(?<=[a-z0-9])\\s+(?:dot|\\.)\\s+(?=(?:[a-z0-9-]+\\s+(?:dot|\\.)\\s+)*(?:${TLDS})\\b)`,
        "gi",
      ),
      ".",
    )
    .replace(new RegExp(`(?<=[a-z0-9])\\s*\\bdot\\b\\s*(?=(?:${TLDS})\\b)`, "gi"), ".")
    .replace(
      new RegExp(`(?<=[a-z0-9]{2})\\.[ \\t]+(?=(?:${TLDS})\\b)`, "g"),
      (dot, at: number, all: string) =>
        LINK_GOES_ON.test(all.slice(at + dot.length).replace(/^[a-z]+/, "")) ? "." : dot,
    )
    .replace(
      SPELLED_DOT,
      (dot, word: string, label: string, at: number, whole: string) =>
        spelledDot(dot, word, label, whole.slice(at + dot.length + label.length)),
    )
    .replace(SPACED_DOT, (dot, label: string) => (isTld(label) ? "." : dot))
    // A dot joined in the steps above may lead into a slash spelled out: "wa (dot) link slash x".
    .replace(SLASH_SPELLED, "/");
}

/** "." when the spelled-out `dot` joins a host to its ending, else `dot` as it was. */
function spelledDot(dot: string, word: string, label: string, rest: string): string {
  // "SOL DOT LINK" lists tickers; Polkadot's is DOT.
  if (word === "DOT" && /^[A-Z0-9]+$/.test(label)) return dot;
  if (/^[ \t]*[\[({]?\s*\bdot\b/i.test(rest)) return ".";
  const end = /^(?:\s*$|\/|[.,;:!?)\]](?:\s|$))/.test(rest) || LINK_GOES_ON.test(rest);
  return isTld(label) && (end || !WORD_TLDS.has(label.toLowerCase())) ? "." : dot;
}

/** An ending ICANN lists as a top-level domain ("vip", "ai", "cx"). */
function isTld(label: string): boolean {
  return !label.includes("-") && parse(`x.${label.toLowerCase()}`).isIcann === true;
}

/** Every link-like thing in `text` (already refanged), judged against `allowlist`. */
export function findLinks(text: string, allowlist: readonly string[]): LinkFinding[] {
  const allowed = allowlist.map((entry) => entry.trim().toLowerCase().replace(/^\*\./, ""));
  const found: LinkFinding[] = [];
  const add = (start: number, end: number, shown: string, problem: string | null) => {
    if (!found.some((f) => start < f.end && end > f.start)) {
      found.push({ start, end, shown, problem });
    }
  };
  for (const m of text.matchAll(SCHEME_URL)) {
    const [start, end] = [m.index!, m.index! + m[0].length];
    const url = m[0];
    if (!/^https?:/i.test(url)) add(start, end, url.split(":")[0] + "://", "a deep link");
    else judgeUrl(url, allowed, (shown, problem) => add(start, end, shown, problem));
  }
  for (const m of text.matchAll(DEEP_LINK)) {
    add(m.index!, m.index! + m[0].length, m[0], "a deep link");
  }
  for (const m of text.matchAll(EMAIL)) {
    add(m.index!, m.index! + m[0].length, m[0], "an email address");
  }
  for (const m of text.matchAll(RAW_IP)) {
    const octets = m[0].split(/[:/]/)[0].split(".").map(Number);
    if (octets.every((o) => o <= 255)) {
      add(m.index!, m.index! + m[0].length, m[0], "a raw IP address");
    }
  }
  for (const { url, indices: [start, end] } of extractUrlsWithIndices(text)) {
    // "cross.tf = 4H", "sma.fast = 0.0113": a dotted key given a value is a field, not a host.
    if (!/[:/]/.test(url) && /^[ \t]*=/.test(text.slice(end))) continue;
    judgeUrl(url, allowed, (shown, problem) => add(start, end, shown, problem));
  }
  return found.sort((a, b) => a.start - b.start);
}

function judgeUrl(
  url: string,
  allowed: string[],
  report: (shown: string, problem: string | null) => void,
  depth = 0,
): void {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    return report(url, "a link that does not parse");
  }
  const host = parsed.hostname.toLowerCase();
  if (parsed.username || parsed.password) {
    return report(host, "a link hiding its host behind userinfo");
  }
  if (/^[\d.]+$|^\[/.test(host)) return report(host, "a raw IP address");
  if (SHORTENERS.has(host) && !allowed.includes(host)) return report(host, "a link shortener");
  const ok = !SHORTENERS.has(host) &&
    allowed.some((entry) => host === entry || host.endsWith(`.${entry}`));
  if (!ok && !allowed.includes(host)) return report(host, "a host not on the allowlist");
  // An allowed link may carry another in its path or query: an open redirect.
  const inner = depth < 2 ? hiddenIn(parsed, allowed, depth) : null;
  report(inner ?? host, inner ? "a link inside an allowed link" : null);
}

/** The first link in `url`'s path, query or fragment that may not be posted, or null. */
function hiddenIn(url: URL, allowed: string[], depth: number): string | null {
  let rest = url.pathname + url.search + url.hash;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(rest); i++) {
    try {
      rest = decodeURIComponent(rest);
    } catch {
      break;
    }
  }
  const text = refang(rest.replace(/[?&=#]/g, " "));
  for (const m of text.matchAll(SCHEME_URL)) {
    let problem: string | null = null;
    judgeUrl(m[0], allowed, (_shown, p) => problem = p, depth + 1);
    if (problem) return m[0];
  }
  for (const { url: found } of extractUrlsWithIndices(text.replaceAll("/", " "))) {
    let problem: string | null = null;
    judgeUrl(found, allowed, (_shown, p) => problem = p, depth + 1);
    if (problem) return found;
  }
  return null;
}

/** Whether `label` after the dot word `dot` reads as an everyday word of that word's language. */
function everyday(dot: string, label: string): boolean {
  const word = label.toLowerCase();
  if (!COMMON_DOT.test(dot)) return WORD_TLDS.has(word);
  return (ENGLISH_DOT.test(dot) && WORD_TLDS.has(word)) ||
    (!/^\s*dot\s*$/i.test(dot) && ROMANCE_WORDS.has(word));
}
