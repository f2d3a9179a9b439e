import type { Platform } from "../../core/vocabulary.ts";
import type { PendingPost } from "../../storage/posts.ts";
import { PLATFORM_LIMITS, weightedLength } from "../../integrations/publish/text_length.ts";

/** A post exactly as it would go out, with what a person checks before it does. */
export interface Preview {
  planId: number;
  platform: Platform;
  format: string;
  headline: string;
  writer: string;
  scheduledAt: number;
  due: boolean;
  parts: { index: number; text: string; length: number; limit: number }[];
  /** Media attached to the post; none until ImageGeneration is built. */
  media: string[];
}

export function renderPreviews(pending: PendingPost[], now: number): Preview[] {
  return pending.map((p) => ({
    planId: p.planId,
    platform: p.platform,
    format: p.format,
    headline: p.headline,
    writer: p.writer,
    scheduledAt: p.scheduledAt,
    due: p.scheduledAt <= now,
    parts: p.parts.map((text, i) => ({
      index: i + 1,
      text,
      length: weightedLength(text, p.platform),
      limit: PLATFORM_LIMITS[p.platform],
    })),
    media: [],
  }));
}
