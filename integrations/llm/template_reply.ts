/**
 * Replies without a model: a fixed sentence per class, the post's headline where there is one.
 * Nothing from the incoming message is ever copied into the reply, so whatever a message asks
 * for (a link, a wallet, other words) cannot end up in what we send.
 */
import type { ReplyRequest, ReplyWriter } from "../audience/mod.ts";

const LINES: Record<string, string> = {
  question: "Thanks for asking. We post what the market data shows, not personal advice.",
  praise: "Thank you, glad it was useful.",
  criticism:
    "Thanks for the feedback. Every figure we post is checked against exchange data; if one " +
    "looks off to you, tell us which and we will look at it again.",
  fud: "We stick to what the data shows; here is what it said.",
  other: "Thanks for reading.",
};

export function createTemplateReplyWriter(): ReplyWriter {
  return {
    name: "template",
    write(request: ReplyRequest): Promise<string> {
      const line = LINES[request.classification] ?? LINES.other;
      // A rejected first try (too long) drops the headline.
      const about = request.post && !request.previousRejection
        ? ` The post: ${request.post.headline}`
        : "";
      // On X the handle leads: it threads the reply for readers, and X refuses a text it has
      // seen from us before, so the same sentence to two people must differ. Handles there are
      // letters, digits and underscores only.
      const to = request.platform === "x" && request.handle && /^\w{1,15}$/.test(request.handle)
        ? `@${request.handle} `
        : "";
      const text = `${to}${line}${about}`.trim();
      return Promise.resolve(request.disclaimer ? `${text}\n\n${request.disclaimer}` : text);
    },
  };
}
