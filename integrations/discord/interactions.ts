/**
 * Discord's HTTP interactions: each request is signed with the application's
 * Ed25519 key over timestamp + body, and must be refused with 401 otherwise
 * (https://discord.com/developers/docs/interactions/overview). Plain WebCrypto.
 */

/** The parts of an Interaction read here. */
export interface Interaction {
  type: number;
  data?: { name: string };
  member?: { user: { id: string } };
  user?: { id: string };
}

export const PING = 1;
export const APPLICATION_COMMAND = 2;
/** Answer types: PONG, and a message (flag 64: only the person who asked sees it). */
export const PONG = 1;
export const CHANNEL_MESSAGE = 4;
export const EPHEMERAL = 64;

export async function importPublicKey(hex: string): Promise<CryptoKey> {
  return await crypto.subtle.importKey("raw", fromHex(hex), { name: "Ed25519" }, false, [
    "verify",
  ]);
}

/** The interaction, or null when its signature does not hold. */
export async function verifyInteraction(
  key: CryptoKey,
  body: string,
  signature: string | null,
  timestamp: string | null,
): Promise<Interaction | null> {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/.test(signature)) return null;
  const message = new TextEncoder().encode(timestamp + body);
  const ok = await crypto.subtle.verify("Ed25519", key, fromHex(signature), message);
  if (!ok) return null;
  try {
    return JSON.parse(body) as Interaction;
  } catch {
    return null;
  }
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
