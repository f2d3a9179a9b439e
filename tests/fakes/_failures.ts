/** The failure knobs every platform fake shares: answers to give instead of the real one. */
export interface Failure {
  status: number;
  retryAfterSeconds?: number;
  /** Store the post first, then fail: an ambiguous error after the platform acted. */
  afterStore: boolean;
}

export function failureQueue() {
  const queue: Failure[] = [];
  return {
    /** The next planned failure, if any; each is used once. */
    next: (): Failure | undefined => queue.shift(),
    failNext(n: number, status: number, retryAfterSeconds?: number): void {
      for (let i = 0; i < n; i++) queue.push({ status, retryAfterSeconds, afterStore: false });
    },
    failAfterStore(n: number, status: number): void {
      for (let i = 0; i < n; i++) queue.push({ status, afterStore: true });
    },
  };
}

/** What every platform fake exposes; `Post` is that platform's stored message. */
export interface PlatformFake<Post> {
  url: string;
  requests: Array<{ method: string; path: string; body: unknown }>;
  /** What was created, oldest first. */
  posts: Post[];
  /** The next `n` creations answer `status` without creating anything. */
  failNext(n: number, status: number, retryAfterSeconds?: number): void;
  /** The next `n` creations create the post, then answer `status` (an ambiguous failure). */
  failAfterStore(n: number, status: number): void;
  close(): Promise<void>;
}

/** Serves a platform fake's `handle` on 127.0.0.1, on a free port, with the face every one shows. */
export function servePlatformFake<Post>(
  handle: (request: Request) => Response | Promise<Response>,
  state: {
    requests: PlatformFake<Post>["requests"];
    posts: Post[];
    failures: ReturnType<typeof failureQueue>;
  },
): PlatformFake<Post> {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handle);
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    requests: state.requests,
    posts: state.posts,
    failNext: state.failures.failNext,
    failAfterStore: state.failures.failAfterStore,
    close: () => server.shutdown(),
  };
}
