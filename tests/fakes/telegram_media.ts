/**
 * The Bot API's sendPhoto for the Telegram fake: multipart/form-data with the photo as a file
 * (in the field, or referred to as "attach://<name>") and every other field as a string
 * (objects JSON-encoded), as grammY sends it. The caption limit is Telegram's: 1,024
 * characters of the text a reader sees (parse_mode HTML is read as Telegram reads it).
 */
import { readText } from "./telegram_html.ts";

export const MAX_CAPTION = 1024;

/** What sendPhoto was given, read from the form. */
export interface PhotoRequest {
  chatId: string;
  photo: Uint8Array;
  /** The caption a reader sees. */
  caption?: string;
  /** The caption as sent, when it came in parse_mode HTML. */
  captionHtml?: string;
  replyTo?: number;
}

/** Reads a sendPhoto form; answers a Bot API error when it is not one Telegram would accept. */
export async function readPhotoRequest(request: Request): Promise<PhotoRequest | Response> {
  const form = await request.formData().catch(() => null);
  if (!form) return error(400, "Bad Request: there is no photo in the request");
  // A file may come in the field itself, or elsewhere in the form as "attach://<field>".
  const field = form.get("photo");
  const photo = typeof field === "string" && field.startsWith("attach://")
    ? form.get(field.slice("attach://".length))
    : field;
  if (!(photo instanceof Blob)) return error(400, "Bad Request: there is no photo in the request");
  const given = form.get("caption");
  const read = typeof given === "string"
    ? readText(given, form.get("parse_mode") ?? undefined)
    : undefined;
  if (read && "error" in read) return error(400, read.error);
  const caption = read?.text;
  if (caption !== undefined && caption.length > MAX_CAPTION) {
    return error(400, "Bad Request: message caption is too long");
  }
  const reply = form.get("reply_parameters");
  const replyTo = typeof reply === "string" ? JSON.parse(reply).message_id : undefined;
  return {
    chatId: String(form.get("chat_id")),
    photo: new Uint8Array(await photo.arrayBuffer()),
    ...(caption !== undefined ? { caption } : {}),
    ...(read?.html ? { captionHtml: read.html } : {}),
    ...(replyTo === undefined ? {} : { replyTo }),
  };
}

/** The PhotoSize list Telegram answers with: the original size, identified by content. */
export function photoSizes(id: number, bytes: Uint8Array) {
  return [{
    file_id: `AgACAgQAAxkDAAI${id}`,
    file_unique_id: `AQAD${id}`,
    file_size: bytes.byteLength,
    width: 1200,
    height: 675,
  }];
}

function error(status: number, description: string): Response {
  return Response.json({ ok: false, error_code: status, description }, { status });
}
