/** Time as agents see it; tests and the demo pin it. */
export interface Clock {
  now(): number;
}

/**
 * Clock skew allowed between a source (an exchange, a feed, an index) and us.
 * A time later than now plus this is refused: stored, it would stay the newest
 * row of its kind for good.
 */
export const FUTURE_SKEW_MS = 5 * 60_000;

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(at: number | string): Clock {
  const t = typeof at === "string" ? Date.parse(at) : at;
  return { now: () => t };
}

/** A clock that reads `at` now and runs on from there: a replay of a recorded moment. */
export function replayClock(at: number): Clock {
  const start = Date.now();
  return { now: () => at + (Date.now() - start) };
}
