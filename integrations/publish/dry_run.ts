/** The null-object Publisher behind --dry-run: it records what it would send and sends nothing. */
import type { OutgoingPost, Publisher } from "./mod.ts";
import type { Platform } from "../../core/vocabulary.ts";

/**
 * Records each post in `sent` and answers with a ref whose `externalId` is "dry-run:<key>"
 * (later parts "dry-run:<key>:<n>"). lookup() answers `null`: nothing ever went out.
 */
export function createDryRunPublisher(platform: Platform): Publisher & { sent: OutgoingPost[] } {
  const sent: OutgoingPost[] = [];
  return {
    platform,
    sent,
    publish(post, opts) {
      if (opts?.signal?.aborted) return Promise.reject(opts.signal.reason);
      if (post.platform !== platform) {
        const message = `Cannot publish a ${post.platform} post with the ${platform} publisher`;
        return Promise.reject(new TypeError(message));
      }
      sent.push({ ...post, parts: [...post.parts] });
      const partIds = post.parts.map((_, i) =>
        i === 0 ? `dry-run:${post.key}` : `dry-run:${post.key}:${i + 1}`
      );
      return Promise.resolve({ platform, externalId: partIds[0], partIds });
    },
    lookup() {
      return Promise.resolve(null);
    },
  };
}
