/** Time as agents see it; tests and the demo pin it. */
export interface Clock {
  now(): number;
}

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
