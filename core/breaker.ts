/**
 * A circuit breaker per outside service, so a long-running process stops
 * calling a service that is down, fails those calls at once, and can say so.
 */
import { type Clock, systemClock } from "./clock.ts";
import { CircuitOpenError, IntegrationError, NetworkError } from "./errors.ts";
import type { NetworkHint } from "./network_hint.ts";
import { originIn } from "./network_reason.ts";
import { isTransient } from "./retry.ts";

export type BreakerState = "closed" | "open" | "half-open";

/** What /healthz and the daemon's log lines show about one service. */
export interface BreakerSnapshot {
  service: string;
  state: BreakerState;
  /** Transient failures in a row (a call that exhausted its own retries is one). */
  failures: number;
  /** Epoch ms the circuit last opened; null while it is closed. */
  openedAt: number | null;
  /** Message of the latest transient failure; null once a call succeeds. */
  lastError: string | null;
}

export interface BreakerPolicy {
  /** Transient failures in a row that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long an open circuit turns calls away before one trial goes through. Default 30 s. */
  openMs?: number;
  clock?: Clock;
  /** Told on every change of state, e.g. to log "telegram circuit open". Must not throw. */
  onChange?: (snapshot: BreakerSnapshot) => void;
}

export interface BreakerOptions extends BreakerPolicy {
  service: string;
}

export interface Breaker {
  readonly service: string;
  state(): BreakerState;
  snapshot(): BreakerSnapshot;
  /** Runs `fn`, or throws CircuitOpenError without running it while the circuit is open. */
  call<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Takes on a state another process recorded (a run before this one), without
   * telling onChange: that process already reported the change.
   */
  restore(snapshot: BreakerSnapshot): void;
}

/**
 * Closed: calls go through and transient failures (network, 429, 5xx) are
 * counted. At `failureThreshold` in a row the circuit opens and calls fail fast
 * for `openMs`. Then it is half-open: one trial call goes through; success
 * closes the circuit, a transient failure opens it again.
 *
 * Any answer that is not transient (a 4xx) proves the service is up, so it
 * counts as a success. Errors that say nothing about the service (bad input,
 * an abort) change nothing. The move to half-open happens when a call comes,
 * so an idle circuit stays "open" until something tries it.
 */
export function createBreaker(options: BreakerOptions): Breaker {
  const { service } = options;
  const threshold = options.failureThreshold ?? 5;
  const openMs = options.openMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Cannot create a breaker: failureThreshold must be 1 or more`);
  }
  let state: BreakerState = "closed";
  let failures = 0;
  let openedAt: number | null = null;
  let lastError: string | null = null;
  // When the half-open trial started; null while none is running. A trial
  // older than openMs is taken as lost, so a hung call cannot wedge the circuit.
  let trialAt: number | null = null;

  const snapshot = (): BreakerSnapshot => ({ service, state, failures, openedAt, lastError });
  const moveTo = (next: BreakerState) => {
    if (next === state) return;
    state = next;
    options.onChange?.(snapshot());
  };

  /** Lets the call through (true when it is the half-open trial) or throws. */
  function admit(now: number): boolean {
    if (state === "closed") return false;
    if (state === "open" && now - openedAt! >= openMs) {
      trialAt = now;
      moveTo("half-open");
      return true;
    }
    if (state === "half-open" && (trialAt === null || now - trialAt >= openMs)) {
      trialAt = now;
      return true;
    }
    const wait = state === "open" ? openedAt! + openMs - now : 0;
    throw new CircuitOpenError(service, lastError ?? "failing", wait);
  }

  function settle(error: unknown, trial: boolean) {
    if (error instanceof CircuitOpenError) return; // another breaker's refusal, not this service
    if (isTransient(error)) {
      failures++;
      lastError = (error as Error).message;
      if (trial || (state === "closed" && failures >= threshold)) {
        openedAt = clock.now();
        trialAt = null;
        moveTo("open");
      }
    } else if (error instanceof IntegrationError) {
      succeed();
    } else if (trial) {
      trialAt = null; // the trial told us nothing; the next call tries again
    }
  }

  function succeed() {
    failures = 0;
    lastError = null;
    openedAt = null;
    trialAt = null;
    moveTo("closed");
  }

  return {
    service,
    state: () => state,
    snapshot,
    restore(saved) {
      // A trial cut short by the end of the other process counts as lost: back
      // to open, so the next call after openMs is a fresh trial.
      state = saved.state === "half-open" ? "open" : saved.state;
      failures = saved.failures;
      openedAt = state === "open" ? saved.openedAt ?? clock.now() : null;
      lastError = saved.lastError;
      trialAt = null;
    },
    async call(fn) {
      const trial = admit(clock.now());
      try {
        const value = await fn();
        succeed();
        return value;
      } catch (error) {
        settle(error, trial);
        throw error;
      }
    },
  };
}

/** One breaker per service name, made on first use, all with the same policy. */
export interface Breakers {
  get(service: string): Breaker;
  /** Every breaker made so far, in the order they were made. */
  list(): BreakerSnapshot[];
  /** Takes on states saved by another process (see Breaker.restore). */
  restore(snapshots: readonly BreakerSnapshot[]): void;
}

export function createBreakers(policy: BreakerPolicy = {}): Breakers {
  const made = new Map<string, Breaker>();
  const get = (service: string) => {
    let breaker = made.get(service);
    if (!breaker) made.set(service, breaker = createBreaker({ ...policy, service }));
    return breaker;
  };
  return {
    get,
    list: () => [...made.values()].map((b) => b.snapshot()),
    restore(snapshots) {
      for (const s of snapshots) get(s.service).restore(s);
    },
  };
}

export interface GuardOptions {
  /**
   * Methods that never reach the service, called directly: their answers say
   * nothing about it and must not close a half-open circuit. `close` always is.
   */
  passThrough?: string[];
  /** Put in a NetworkError's message: where, and what a person can try (network_hint.ts). */
  hint?: NetworkHint;
}

/**
 * `target` with every method but `close()` run through `breaker`; other
 * properties (`id`, `name`, `platform`) pass through. Meant for the ports,
 * whose methods all return promises: a guarded method always does.
 */
export function guard<T extends object>(
  breaker: Breaker,
  target: T,
  options: GuardOptions = {},
): T {
  // Lifecycle, not a call to the service: closing must work while the circuit is open.
  const passThrough = new Set(["close", ...options.passThrough ?? []]);
  type Method = (...args: unknown[]) => unknown;
  // One wrapper per method, so `guarded.publish === guarded.publish`.
  const wrappers = new WeakMap<Method, Method>();
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key);
      if (typeof value !== "function" || typeof key !== "string" || passThrough.has(key)) {
        return value;
      }
      const method = value as Method;
      let wrapper = wrappers.get(method);
      if (!wrapper) {
        wrapper = (...args) =>
          breaker.call(async () => await method.apply(object, args)).catch((error) => {
            throw options.hint ? withHint(error, options.hint) : error;
          });
        wrappers.set(method, wrapper);
      }
      return wrapper;
    },
  });
}

/**
 * The same failure, on one line: the service, the base URL in use, why, and
 * what to try. SDK messages may span lines (a DNS failure gave four); the hint
 * is added once.
 */
function withHint(error: unknown, hint: NetworkHint): unknown {
  if (!(error instanceof NetworkError) || error.message.endsWith(hint.tries)) return error;
  const prefix = `Cannot reach ${error.service}${error.at ? ` at ${error.at}` : ""}: `;
  const own = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  const reason = own.replace(/\s*\n\s*/g, "; ").slice(0, 300);
  return new NetworkError(error.service, `${reason}; ${hint.tries}`, {
    cause: error.cause ?? error,
    unsent: error.unsent,
    at: hint.base === null ? undefined : hint.base ?? originIn(error),
  });
}
