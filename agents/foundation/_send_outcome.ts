/**
 * What a failed send means, read the same way for public and premium posts:
 * whether nothing went out (so it may simply wait or be tried again), or
 * whether it may have gone out (so it must be reconciled, never re-sent blind).
 */
import { CircuitOpenError, IntegrationError, NetworkError } from "../../core/errors.ts";
import { MediaUploadError } from "../../integrations/publish/mod.ts";

/**
 * A 429 that outlasted its retries, an open circuit, or a connection that was
 * never made (no DNS, refused, TLS; a chart's upload included): nothing was
 * sent, so nothing is ambiguous, and the outage uses up none of the post's attempts.
 */
export function notNow(error: unknown): boolean {
  return error instanceof CircuitOpenError ||
    (error instanceof NetworkError && error.unsent) ||
    (error instanceof IntegrationError && error.status === 429);
}

/** Any other 4xx, or an image the platform would not take: it did not act on the post. */
export function refusedForSure(error: unknown): boolean {
  if (error instanceof MediaUploadError) return true;
  return error instanceof IntegrationError && error.status >= 400 && error.status < 500;
}
