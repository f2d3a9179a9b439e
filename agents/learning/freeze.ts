/** Freezing learning: while frozen, the loop measures but changes nothing. Both moves are audited. */
import type { Store } from "../../storage/mod.ts";

export async function setFrozen(
  store: Store,
  frozen: boolean,
  reason: string,
  now: number,
): Promise<boolean> {
  return await store.transaction(async (tx) => {
    const current = await tx.learning.frozen();
    if (!!current === frozen) return false;
    const next = frozen ? { at: now, reason } : null;
    await tx.learning.setFrozen(next, now);
    await tx.learning.recordChange({
      kind: "freeze",
      subject: "learning",
      before: current,
      after: next,
      evidence: {},
      reason,
    }, now);
    return true;
  });
}
