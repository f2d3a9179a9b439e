/** A TCP proxy on 127.0.0.1, to take a database away from a running daemon and bring it back. */

export interface TcpProxy {
  port: number;
  /** Refuses new connections and cuts every open one, as a database going away does. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): void;
  close(): Promise<void>;
}

/** Proxies 127.0.0.1:<port> to `target` until closed. */
export function startTcpProxy(target: { hostname: string; port: number }): TcpProxy {
  let listener: Deno.TcpListener | null = null;
  const open = new Set<Deno.Conn>();
  const tasks = new Set<Promise<void>>();
  const track = (task: Promise<void>) => {
    tasks.add(task);
    task.finally(() => tasks.delete(task));
  };
  const pipe = async (client: Deno.Conn) => {
    let server: Deno.Conn;
    try {
      server = await Deno.connect(target);
    } catch {
      closeQuietly(client);
      return;
    }
    open.add(client).add(server);
    const cut = () => {
      for (const c of [client, server]) if (open.delete(c)) closeQuietly(c);
    };
    await Promise.allSettled([
      client.readable.pipeTo(server.writable, { preventClose: true }),
      server.readable.pipeTo(client.writable, { preventClose: true }),
    ]).finally(cut);
  };
  const listen = (port: number) => {
    const l = Deno.listen({ hostname: "127.0.0.1", port });
    listener = l;
    track((async () => {
      try {
        for await (const conn of l) track(pipe(conn));
      } catch {
        // Closed by stop().
      }
    })());
    return l.addr.port;
  };
  const port = listen(0);
  const stop = async () => {
    listener?.close();
    listener = null;
    for (const c of open) closeQuietly(c);
    open.clear();
    await Promise.allSettled([...tasks]);
  };
  return { port, stop, start: () => void listen(port), close: stop };
}

/** Closes a connection whose streams may already have closed it. */
function closeQuietly(conn: Deno.Conn): void {
  try {
    conn.close();
  } catch {
    // Already closed.
  }
}
