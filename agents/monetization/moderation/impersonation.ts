/** Display names and avatars that imitate staff, or claim a staff title. */
import type { ChatAuthor, Finding } from "./types.ts";
import { editDistance, skeleton } from "./text.ts";

/** Titles only staff may wear in a display name. */
const TITLE =
  /\b(?:admin(?:istrator)?|moderator|mod\s*team|support(?:\s*team)?|help\s*desk|customer\s*care)\b/i;

export interface ImpersonationRules {
  check(author: ChatAuthor | undefined): Finding | null;
  /** Staff met at run time (Discord members with a staff role) join the protected names. */
  addStaff(name: string | undefined, avatar?: string): void;
}

export function compileImpersonation(names: readonly string[], avatars: readonly string[]) {
  const shapes = new Map<string, string>();
  const faces = new Set(avatars);
  const cache = new Map<string, Finding | null>();
  const rules: ImpersonationRules = {
    addStaff(name, avatar) {
      if (avatar) faces.add(avatar);
      const shape = name ? skeleton(name) : "";
      if (shape.length >= 3 && !shapes.has(shape)) {
        shapes.set(shape, name!);
        cache.clear();
      }
    },
    check(author) {
      if (author?.avatar && faces.has(author.avatar)) {
        return {
          rule: "impersonation",
          reason: "uses a staff member's avatar",
          evidence: author.avatar,
        };
      }
      const name = author?.name;
      if (!name) return null;
      let found = cache.get(name);
      if (found === undefined) {
        found = byName(name, shapes);
        if (cache.size > 10_000) cache.clear();
        cache.set(name, found);
      }
      return found;
    },
  };
  for (const name of names) rules.addStaff(name);
  return rules;
}

function byName(name: string, staff: Map<string, string>): Finding | null {
  const title = TITLE.exec(name);
  if (title) {
    return { rule: "impersonation", reason: `calls itself "${title[0]}"`, evidence: name };
  }
  const shape = skeleton(name);
  if (shape.length < 3) return null;
  for (const [staffShape, staffName] of staff) {
    const near = staffShape.length >= 6 ? 1 : 0;
    if (editDistance(shape, staffShape, near) <= near) {
      return {
        rule: "impersonation",
        reason: `display name imitates staff member ${staffName}`,
        evidence: name,
      };
    }
  }
  return null;
}
