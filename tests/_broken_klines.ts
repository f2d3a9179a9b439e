/** A Binance front that corrupts the candles of chosen symbols only. */
import { type MalformedKlines, startFakeBinance } from "./fakes/binance.ts";

/**
 * Sits in front of the Binance fake and sends the /klines requests of the
 * given symbols to a second fake in malformed mode, so one series breaks
 * while the others answer normally.
 */
export async function startBrokenKlines(
  goodUrl: string,
  { symbols, mode }: { symbols: string[]; mode: MalformedKlines },
) {
  const bad = await startFakeBinance();
  bad.malformed = mode;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    const url = new URL(request.url);
    const broken = url.pathname === "/api/v3/klines" &&
      symbols.includes(url.searchParams.get("symbol") ?? "");
    return fetch(`${broken ? bad.url : goodUrl}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
    });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    close: async () => {
      await server.shutdown();
      await bad.close();
    },
  };
}
