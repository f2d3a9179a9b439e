/**
 * Imports a module the first time it is needed. The specifier is computed on
 * purpose: before running a module, Deno loads every literal `import("...")`
 * it contains into the module graph (npm packages resolved, their lock taken)
 * even when that import never runs, so a literal would make every command pay
 * for code only some of them use. `base` is the caller's `import.meta.url`
 * for a relative path; a bare name goes through the import map.
 */
export function lazyImport<T>(specifier: string, base?: string): Promise<T> {
  return import(base ? new URL(specifier, base).href : specifier);
}
