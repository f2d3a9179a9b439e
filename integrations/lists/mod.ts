/** Where phishing lists come from: a plain HTTP download of each configured URL. */
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import { withRetry } from "../../core/retry.ts";

export interface ListSource {
  /** The list's text; throws IntegrationError or NetworkError when it cannot be had. */
  download(url: string, signal?: AbortSignal): Promise<string>;
}

/** Lists run to a few MB; a slow mirror gets a minute. */
const TIMEOUT_MS = 60_000;

export function createListSource(options: { fetch?: typeof fetch } = {}): ListSource {
  const doFetch = options.fetch ?? fetch;
  return {
    download(url, signal) {
      // Errors name the host only: list URLs may carry access tokens.
      const service = `list ${new URL(url).host}`;
      return withRetry(async () => {
        const timeout = AbortSignal.timeout(TIMEOUT_MS);
        const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
        let response: Response;
        try {
          response = await doFetch(url, { signal: both });
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          const why = timeout.aborted ? `no answer within ${TIMEOUT_MS} ms` : "the request failed";
          throw new NetworkError(service, why, { cause: error });
        }
        const body = await response.text();
        if (!response.ok) {
          throw new IntegrationError(service, response.status, `HTTP ${response.status}`);
        }
        return body;
      }, { signal });
    },
  };
}
