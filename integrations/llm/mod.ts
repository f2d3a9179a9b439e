/** The writing port ContentCreation drafts through: Claude, or the template writer with no key. */

import type { Format, Opening, Platform } from "../../core/vocabulary.ts";

/** What a writer is asked for. `facts` are the insight's numbers: the only numbers allowed. */
export interface DraftRequest {
  insightType: string;
  symbol: string | null;
  headline: string;
  facts: Record<string, number | string>;
  platform: Platform;
  format: Format;
  /** The platform's limit per post, in its own counting (X: weighted characters). */
  maxLength: number;
  /** Appended by the guard if missing; writers may include it. */
  disclaimer: string;
  /**
   * What performed, distilled by the feedback loop ("threads outperform single
   * posts on X by 1.8x over 30 days"); never past posts, which a model repeats.
   */
  lessons?: string[];
  /**
   * An experiment's variant, where the writer must do it: open with the
   * headline (default) or a question; "short" keeps to the headline and a line
   * or two (maxLength is lowered to match), "long" gives every detail.
   */
  style?: { opening?: Opening; length?: "short" | "long" };
  /** Set when a previous attempt was rejected, so the writer can avoid the same mistake. */
  previousRejection?: string;
}

export interface Draft {
  /** One entry per post; more than one only for threads. */
  parts: string[];
  /** "template" or the model id. */
  writer: string;
  usage?: {
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
  };
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface Writer {
  readonly name: string;
  write(request: DraftRequest, opts?: CallOptions): Promise<Draft>;
}
