/** Reverses a recorded action on its platform, where the platform allows it. */
import type { Community } from "../../../integrations/community/mod.ts";
import type { ModerationAction } from "../../../storage/moderation.ts";

/**
 * What undo does per action. A deleted message cannot be brought back (its
 * text stays in the record); a kick leaves nothing to lift.
 */
export async function undoAction(c: Community, a: ModerationAction): Promise<string> {
  if (a.status !== "done") {
    throw new RangeError(`Cannot undo action #${a.id}: its status is ${a.status}, not done`);
  }
  const user = a.userId ?? "";
  switch (a.action) {
    case "timeout":
      await c.removeTimeout(a.chatId, user);
      return `lifted the timeout of ${a.userName ?? user}`;
    case "ban":
      await c.unban(a.chatId, user);
      return `unbanned ${a.userName ?? user}`;
    case "slowmode":
    case "lock":
      await c.endRaidMode(a.chatId, (a.details.replaced ?? {}) as Record<string, unknown>);
      return "ended raid mode";
    case "kick":
      return `${a.userName ?? user} was kicked and may rejoin; nothing to lift`;
    default:
      return "nothing to reverse on the platform";
  }
}
