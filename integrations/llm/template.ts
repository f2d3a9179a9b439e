/**
 * The writer used when there is no model key: deterministic drafts from one
 * template family per insight type, laid out per platform and format and
 * always within the request's maxLength. An X post carries the headline and a
 * few short lines; Telegram and Discord posts and threads list the fuller set
 * of numbers.
 */
import { weightedLength } from "../publish/text_length.ts";
import { describeInsight, type InsightText } from "./_template_lines.ts";
import { openingQuestion } from "./_template_openings.ts";
import type { Draft, DraftRequest, Writer } from "./mod.ts";

/** Threads on every platform: the guards and publishers expect 2-4 parts. */
const MAX_THREAD_PARTS = 4;
/** Room kept for a "4/4 " marker in front of each thread part. */
const MARKER_ROOM = 4;

/** Creates the template writer (name "template"). Same request, same draft. */
export function createTemplateWriter(): Writer {
  return {
    name: "template",
    write(request: DraftRequest): Promise<Draft> {
      // An executor turns a RangeError from a too-small maxLength into a rejection.
      return new Promise((resolve) =>
        resolve({ parts: templateParts(request), writer: "template" })
      );
    },
  };
}

type Fits = (text: string) => boolean;

/** What one post or thread is made of, once the format has chosen its lines. */
interface Blocks {
  headline: string;
  details: string[];
  note: string;
}

function templateParts(request: DraftRequest): string[] {
  const text = describeInsight(request);
  const disclaimer = request.disclaimer.trim();
  const fitsIn = (limit: number): Fits => (candidate) =>
    weightedLength(candidate, request.platform) <= limit;
  const blocks = chooseBlocks(text, request);
  if (request.format === "thread") {
    return threadParts(blocks, disclaimer, fitsIn(request.maxLength - MARKER_ROOM));
  }
  const bulleted = request.platform !== "x" && request.format !== "chart_post";
  return [singlePart(blocks, disclaimer, bulleted, fitsIn(request.maxLength))];
}

/**
 * A chart caption is the headline and short lines; X posts stay short; the rest
 * get it all. An experiment's variant may ask for a question first, or for the
 * short or the long set whatever the platform.
 */
function chooseBlocks(text: InsightText, request: DraftRequest): Blocks {
  const style = request.style ?? {};
  const headline = style.opening === "question"
    ? `${openingQuestion(request)}\n${text.headline}`
    : text.headline;
  if (request.format === "chart_post" || style.length === "short") {
    return { headline, details: text.short, note: "" };
  }
  const roomy = request.format === "thread" || request.platform !== "x" ||
    style.length === "long";
  return { headline, details: roomy ? text.long : text.short, note: text.note };
}

/** One post: drops the note, then details from the end, then words, until it fits. */
function singlePart(text: Blocks, disclaimer: string, bulleted: boolean, fits: Fits) {
  const compose = (details: string[], withNote: boolean) => {
    const body = bulleted ? details.map((line) => `• ${line}`).join("\n") : details.join("\n");
    const top = [text.headline, body].filter(Boolean).join(bulleted ? "\n\n" : "\n");
    return join(withNote && text.note ? `${top}\n\n${text.note}` : top, disclaimer);
  };
  for (let kept = text.details.length; kept >= 0; kept--) {
    const details = text.details.slice(0, kept);
    if (kept === text.details.length && text.note && fits(compose(details, true))) {
      return compose(details, true);
    }
    if (fits(compose(details, false))) return compose(details, false);
  }
  return join(truncateWords(text.headline, (head) => fits(join(head, disclaimer))), disclaimer);
}

/** A piece of a thread and the break that goes before it when it shares a part. */
interface Block {
  text: string;
  gap: string;
}

/** Headline first, then details and note, packed into 2-4 numbered parts. */
function threadParts(text: Blocks, disclaimer: string, fits: Fits): string[] {
  for (let kept = text.details.length; kept >= 0; kept--) {
    const lines = [text.headline, ...text.details.slice(0, kept)];
    const blocks: Block[] = [
      ...lines.map((line) => ({ text: line, gap: "\n" })),
      ...(text.note ? [{ text: text.note, gap: "\n\n" }] : []),
    ];
    let parts = pack(blocks, fits);
    if (parts.length < 2) parts = splitInTwo(blocks, fits);
    parts = attachDisclaimer(parts, disclaimer, fits);
    if (parts.length <= MAX_THREAD_PARTS) {
      return parts.map((p, i) => `${i + 1}/${parts.length} ${p}`);
    }
  }
  throw new RangeError(`Cannot fit the thread in ${MAX_THREAD_PARTS} parts: raise maxLength`);
}

/** A short insight still makes two parts: headline and first detail, then the rest. */
function splitInTwo(blocks: Block[], fits: Fits): string[] {
  const lead = blocks.length > 2 ? pack(blocks.slice(0, 2), fits) : [];
  if (lead.length === 1) return [...lead, ...pack(blocks.slice(2), fits)];
  return [...pack(blocks.slice(0, 1), fits), ...pack(blocks.slice(1), fits)];
}

/** Greedy packing; a block too long for any part is cut at a word. */
function pack(blocks: Block[], fits: Fits): string[] {
  const parts: string[] = [];
  for (const { text, gap } of blocks) {
    const joined = parts.length > 0 ? `${parts[parts.length - 1]}${gap}${text}` : undefined;
    if (joined !== undefined && fits(joined)) parts[parts.length - 1] = joined;
    else parts.push(fits(text) ? text : truncateWords(text, fits));
  }
  return parts;
}

function attachDisclaimer(parts: string[], disclaimer: string, fits: Fits): string[] {
  if (!disclaimer) return parts;
  const last = parts.at(-1);
  if (last !== undefined && fits(join(last, disclaimer))) {
    return [...parts.slice(0, -1), join(last, disclaimer)];
  }
  if (!fits(disclaimer)) throw tooSmall();
  return [...parts, disclaimer];
}

const join = (text: string, disclaimer: string) => disclaimer ? `${text}\n\n${disclaimer}` : text;

/** Drops whole words (so no number is ever cut in half) and marks the cut with "…". */
function truncateWords(text: string, fits: Fits): string {
  const words = text.split(" ");
  for (let kept = words.length - 1; kept > 0; kept--) {
    const candidate = `${words.slice(0, kept).join(" ")}…`;
    if (fits(candidate)) return candidate;
  }
  throw tooSmall();
}

const tooSmall = () =>
  new RangeError("Cannot fit the post in maxLength: raise it or shorten the disclaimer");
