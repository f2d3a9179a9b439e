import assert from "node:assert/strict";
import { engagement } from "../agents/audience/engagement.ts";
import { testBackends } from "../storage/test_backends.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";
import { movableClock, startMembershipFakes } from "./_memberships.ts";

testBackends(
  "the bot's update intake hands /join, stop and newcomers to the membership handler",
  async (t) => {
    const fakes = startMembershipFakes({}, { telegramChannelId: "-1001234567890" });
    const store = await t.open();
    const ctx = fakes.context(store, movableClock());
    try {
      const control = fakes.telegram.audience;
      control.direct({ id: 4242, username: "keen" }, "/join");
      control.direct({ id: 4343, username: "done" }, "stop");
      control.raw({
        chat_member: {
          chat: { id: Number(PRIVATE_CHAT_ID), type: "channel", title: "Members" },
          from: { id: 5151, is_bot: false, first_name: "x" },
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { status: "left", user: { id: 5151, is_bot: false, first_name: "x" } },
          new_chat_member: { status: "member", user: { id: 5151, is_bot: false, first_name: "x" } },
          invite_link: { invite_link: "https://t.me/+notTheirs", creator: { id: 1 } },
        },
      });
      await engagement.run(ctx);
      const offer = fakes.telegram.members.dms.find((d) => d.userId === "4242");
      assert.match(offer?.text ?? "", /checkout\.stripe\.com/);
      assert.ok(await store.conversions.optedOut({ platform: "telegram", userId: "4343" }));
      assert.deepEqual(fakes.telegram.members.bans, ["5151"]);
    } finally {
      await store.close();
      await fakes.close();
    }
  },
);
