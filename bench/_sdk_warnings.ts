/**
 * The Anthropic SDK prints a deprecation warning on every `messages.create` for a model on its
 * deprecated list (the default claude-sonnet-4-5 is on it in SDK 1.13). In a benchmark that
 * makes dozens of calls this floods stderr, so such lines are held back and counted instead.
 */

const DEPRECATION = /^The model '([^']+)' is deprecated/;

export interface Muted<T> {
  result: T;
  /** How many deprecation warnings were held back, per model. */
  deprecations: Map<string, number>;
}

/** Runs `fn` with model-deprecation warnings counted instead of printed; all else passes. */
export async function withoutDeprecationWarnings<T>(fn: () => Promise<T>): Promise<Muted<T>> {
  const deprecations = new Map<string, number>();
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const model = typeof args[0] === "string" ? DEPRECATION.exec(args[0])?.[1] : undefined;
    if (model === undefined) return warn(...args);
    deprecations.set(model, (deprecations.get(model) ?? 0) + 1);
  };
  try {
    return { result: await fn(), deprecations };
  } finally {
    console.warn = warn;
  }
}

/** "claude-sonnet-4-5 x30", or "" when none. */
export function describeDeprecations(deprecations: Map<string, number>): string {
  return [...deprecations].map(([model, n]) => `${model} x${n}`).join(", ");
}
