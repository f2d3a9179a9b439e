/**
 * Turns community events into actions: the engine's verdict, reserved in
 * moderation_actions before the platform is called (so an edit or a
 * redelivery of the same message is never acted on twice), carried out, and
 * told to the mod-log. Raid mode is switched per chat.
 */
import type { ModerationSettings } from "../../../core/config_moderation.ts";
import type { Logger } from "../../../core/log.ts";
import type { Community, CommunityEvent } from "../../../integrations/community/mod.ts";
import type { Store } from "../../../storage/mod.ts";
import type { Engine } from "./engine.ts";
import { createRaidTracker, type RaidTracker } from "./raid.ts";
import { quote } from "./text.ts";
import type { Verdict } from "./types.ts";

export interface ModeratorDeps {
  engine: Engine;
  store: Store;
  community: Community;
  settings: ModerationSettings;
  log: Logger;
  instance: string;
  /** Log what would be done; call nothing on the platform. */
  dryRun?: boolean;
}

type Acted = Exclude<Verdict, { action: "allow" }>;

export function createModerator(d: ModeratorDeps) {
  const { community: c, settings: s } = d;
  const raids = new Map<string, { tracker: RaidTracker; actionId?: number; replaced?: object }>();
  let acted = 0;

  const act = async (
    key: string,
    chatId: string,
    verdict: Acted,
    who: { id?: string; name?: string },
    at: number,
    message?: { id: string; channel: string; text: string },
  ) => {
    if (d.dryRun) {
      // Nothing is reserved: a real run later must still be free to act on the message.
      d.log.info(`[dry run] would ${verdict.action} ${who.name ?? who.id ?? "someone"}`, {
        rule: verdict.rule,
        reason: verdict.reason,
        evidence: verdict.evidence,
      });
      return;
    }
    const id = await d.store.moderation.reserve({
      platform: c.platform,
      chatId,
      messageId: message?.id,
      userId: who.id,
      userName: who.name,
      rule: verdict.rule,
      action: verdict.action,
      reason: verdict.reason,
      evidence: verdict.evidence,
      messageText: message?.text,
      dedupeKey: key,
      instance: d.instance,
      at,
    });
    if (id === null) return; // acted on before: an edit, a redelivery, another instance
    const until = at + s.timeoutMinutes * 60_000;
    try {
      await carryOut(c, chatId, verdict.action, who.id, until, message);
      await d.store.moderation.finish(
        id,
        true,
        null,
        verdict.action === "timeout" ? { until } : {},
      );
      acted++;
      await c.modLog(
        `#${id} ${verdict.action} ${who.name ?? who.id ?? "someone"}: ${verdict.rule}, ` +
          `${verdict.reason} (${quote(verdict.evidence, 80)})`,
      ).catch((e) => d.log.warn("mod-log post failed", { error: String(e) }));
    } catch (error) {
      await d.store.moderation.finish(id, false, String((error as Error).message ?? error));
      d.log.warn(`${c.platform}: ${verdict.action} failed`, { action: id, error: String(error) });
    }
  };

  const raidOf = (chatId: string) => {
    let r = raids.get(chatId);
    if (!r) raids.set(chatId, r = { tracker: createRaidTracker(s.raid) });
    return r;
  };

  const onJoin = async (e: Extract<CommunityEvent, { kind: "join" }>) => {
    const raid = raidOf(e.chatId);
    const started = raid.tracker.join(e.at) === "start";
    if (started && d.dryRun) d.log.info(`[dry run] would switch raid mode on (${s.raid.action})`);
    else if (started) {
      const measure = { action: s.raid.action, slowmodeSeconds: s.raid.slowmodeSeconds };
      const key = `${c.platform}:${e.chatId}:raid:${e.at}`;
      const id = await d.store.moderation.reserve({
        platform: c.platform,
        chatId: e.chatId,
        rule: "raid",
        action: measure.action,
        reason: `${s.raid.joins} joins within ${s.raid.seconds} s`,
        dedupeKey: key,
        instance: d.instance,
        at: e.at,
      });
      if (id !== null) {
        const replaced = await c.startRaidMode(e.chatId, measure);
        await d.store.moderation.finish(id, true, null, { replaced });
        Object.assign(raid, { actionId: id, replaced });
        await c.modLog(`#${id} raid mode on (${measure.action})`).catch(() => {});
      }
    }
    const verdict = d.engine.checkMember(e.member);
    if (verdict.action !== "allow") {
      const key = `${c.platform}:${e.chatId}:join:${e.member.id}:${e.at}`;
      await act(key, e.chatId, verdict, e.member, e.at);
    }
  };

  return {
    get acted() {
      return acted;
    },
    async handle(e: CommunityEvent): Promise<void> {
      if (e.kind === "join") return await onJoin(e);
      const m = e.message;
      if (d.engine.isStaff(m.author)) {
        d.engine.impersonation.addStaff(m.author?.name, m.author?.avatar);
        return;
      }
      // An edit is judged on its content alone: it is not a new message for flood or duplicates.
      const verdict = d.engine.check(e.edited ? { ...m, at: undefined } : m, m.at);
      if (verdict.action === "allow") return;
      const key = `${c.platform}:${e.chatId}:${m.channel ?? ""}:${m.id}`;
      const where = { id: m.id, channel: m.channel ?? e.chatId, text: m.text };
      await act(key, e.chatId, verdict, m.author ?? {}, m.at, where);
    },
    /** Ends raid modes that have calmed down; call every few seconds. */
    async tick(now: number): Promise<void> {
      for (const [chatId, raid] of raids) {
        if (raid.tracker.tick(now) !== "end" || raid.actionId === undefined) continue;
        await c.endRaidMode(chatId, raid.replaced as Record<string, unknown>);
        await d.store.moderation.markUndone(raid.actionId, now);
        await c.modLog(`#${raid.actionId} raid mode off`).catch(() => {});
        raid.actionId = undefined;
      }
    },
  };
}

async function carryOut(
  c: Community,
  chatId: string,
  action: Acted["action"],
  userId: string | undefined,
  until: number,
  message?: { id: string; channel: string },
): Promise<void> {
  if (action === "log") return;
  if (message) await c.deleteMessage(chatId, message.channel, message.id);
  if (!userId) return;
  if (action === "timeout") await c.timeout(chatId, userId, until);
  else if (action === "kick") await c.kick(chatId, userId);
  else if (action === "ban") await c.ban(chatId, userId);
}

export type Moderator = ReturnType<typeof createModerator>;
