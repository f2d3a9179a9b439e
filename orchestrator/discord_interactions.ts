/**
 * POST /interactions/discord as a plain handler: Discord's slash commands
 * (/join, /stop) arrive here signed; the answer is only for the person asking.
 */
import { answerDiscordCommand } from "../agents/monetization/discord_commands.ts";
import type { Context } from "../core/agent.ts";
import {
  APPLICATION_COMMAND,
  CHANNEL_MESSAGE,
  EPHEMERAL,
  importPublicKey,
  PING,
  PONG,
  verifyInteraction,
} from "../integrations/discord/interactions.ts";

export const DISCORD_INTERACTIONS_PATH = "/interactions/discord";

export function discordInteractions(
  ctx: Context,
  publicKey: string,
): (req: Request) => Promise<Response> {
  const key = importPublicKey(publicKey);
  return async (req) => {
    if (req.method !== "POST") return new Response("use POST\n", { status: 405 });
    const body = await req.text();
    if (body.length > 65_536) return new Response("too large\n", { status: 413 });
    const interaction = await verifyInteraction(
      await key,
      body,
      req.headers.get("x-signature-ed25519"),
      req.headers.get("x-signature-timestamp"),
    );
    if (!interaction) return new Response("invalid request signature\n", { status: 401 });
    if (interaction.type === PING) return Response.json({ type: PONG });
    const userId = interaction.member?.user.id ?? interaction.user?.id;
    if (interaction.type !== APPLICATION_COMMAND || !interaction.data || !userId) {
      return new Response("unsupported interaction\n", { status: 400 });
    }
    let content: string;
    try {
      content = await answerDiscordCommand(ctx, interaction.data.name, userId);
    } catch (error) {
      ctx.log.error(`/${interaction.data.name} failed`, { error: (error as Error).message });
      content = "Something went wrong on our side; please try again in a minute.";
    }
    return Response.json({ type: CHANNEL_MESSAGE, data: { content, flags: EPHEMERAL } });
  };
}
