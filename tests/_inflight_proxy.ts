/**
 * An HTTP proxy on 127.0.0.1 in front of a fake, counting the requests in
 * flight through it: how many at once per service, and how many services at
 * once. It watches the wire, so overlap is seen as the services would see it.
 */

export interface InflightTracker {
  /** The most requests in flight at once, per service. */
  most: Map<string, number>;
  /** The most services with a request in flight at the same moment. */
  mostServices: number;
  /** Starts a proxy for `service` in front of `target`; its URL replaces the base URL. */
  proxy(service: string, target: string): string;
  close(): Promise<void>;
}

export function inflightTracker(): InflightTracker {
  const now = new Map<string, number>();
  const servers: Deno.HttpServer[] = [];
  const tracker: InflightTracker = {
    most: new Map(),
    mostServices: 0,
    proxy(service, target) {
      const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
        const url = new URL(req.url);
        const n = (now.get(service) ?? 0) + 1;
        now.set(service, n);
        tracker.most.set(service, Math.max(tracker.most.get(service) ?? 0, n));
        const busy = [...now.values()].filter((v) => v > 0).length;
        tracker.mostServices = Math.max(tracker.mostServices, busy);
        try {
          const answer = await fetch(new URL(url.pathname + url.search, target), {
            method: req.method,
            headers: req.headers,
            body: req.body,
          });
          return new Response(await answer.arrayBuffer(), {
            status: answer.status,
            headers: answer.headers,
          });
        } finally {
          now.set(service, (now.get(service) ?? 1) - 1);
        }
      });
      servers.push(server);
      return `http://127.0.0.1:${server.addr.port}`;
    },
    async close() {
      await Promise.all(servers.map((s) => s.shutdown()));
    },
  };
  return tracker;
}
