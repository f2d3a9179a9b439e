/**
 * Attachments for the Discord fake: a message with files comes as multipart/form-data, the
 * JSON body in `payload_json` and each file as `files[n]`, its alt text in the body's
 * `attachments[n].description` (Discord's documented "uploading files" shape).
 */

export interface StoredAttachment {
  id: string;
  filename: string;
  description?: string;
  bytes: Uint8Array;
  contentType: string;
}

/** The JSON body and the files of a multipart message request. */
export async function readMultipart(
  request: Request,
): Promise<{ body: Record<string, unknown>; files: StoredAttachment[] }> {
  const form = await request.formData();
  const body = JSON.parse(String(form.get("payload_json") ?? "{}"));
  const described = (body.attachments ?? []) as { id: number | string; description?: string }[];
  const files: StoredAttachment[] = [];
  for (const [key, value] of form.entries()) {
    const index = key.match(/^files\[(\d+)\]$/)?.[1];
    if (index === undefined || !(value instanceof File)) continue;
    const meta = described.find((a) => String(a.id) === index);
    files.push({
      id: index,
      filename: value.name,
      ...(meta?.description ? { description: meta.description } : {}),
      bytes: new Uint8Array(await value.arrayBuffer()),
      contentType: value.type || "application/octet-stream",
    });
  }
  return { body, files };
}

/** An attachment object as Discord returns it on the message. */
export function attachmentObject(messageId: string, file: StoredAttachment, index: number) {
  const id = String(BigInt(messageId) + 1000n + BigInt(index));
  return {
    id,
    filename: file.filename,
    ...(file.description ? { description: file.description } : {}),
    content_type: file.contentType,
    size: file.bytes.byteLength,
    url: `https://cdn.discordapp.com/attachments/${messageId}/${id}/${file.filename}`,
    proxy_url: `https://media.discordapp.net/attachments/${messageId}/${id}/${file.filename}`,
    width: 1200,
    height: 675,
  };
}
