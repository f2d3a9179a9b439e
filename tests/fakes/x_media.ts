/**
 * The X API v2 media endpoints for the X fake: chunked upload (POST /2/media/upload/initialize,
 * /2/media/upload/:id/append as multipart form-data, /2/media/upload/:id/finalize) and alt text
 * (POST /2/media/metadata). Response bodies follow docs.x.com's examples.
 */

export interface StoredMedia {
  id: string;
  mediaType: string;
  totalBytes: number;
  bytes: Uint8Array;
  finalized: boolean;
  alt?: string;
}

const FIRST_MEDIA_ID = 1880028106020515840n;
/** How long X keeps an upload for a post to use, in seconds (its documented example). */
const EXPIRES_AFTER_SECS = 86400;

export function xMedia() {
  const uploads: StoredMedia[] = [];
  /** The next `n` media requests fail with `status` (a failed upload posts nothing). */
  const failures: number[] = [];

  async function handle(request: Request, url: URL): Promise<Response> {
    const failure = failures.shift();
    if (failure) return problem(failure, "Service Unavailable");
    const path = url.pathname;
    if (path === "/2/media/upload/initialize") return initialize(await request.json());
    if (path === "/2/media/metadata") return metadata(await request.json());
    const step = path.match(/^\/2\/media\/upload\/(\d+)\/(append|finalize)$/);
    const media = uploads.find((m) => m.id === step?.[1]);
    if (!step || !media) return problem(400, "Invalid Request", `Unknown media id in ${path}`);
    if (step[2] === "finalize") return finalize(media);
    const chunk = await formField(request, "media");
    if (!chunk) return problem(400, "Invalid Request", "media is required");
    media.bytes = concat(media.bytes, chunk);
    return new Response(null, { status: 204 });
  }

  function initialize(body: { media_type?: string; total_bytes?: number }): Response {
    if (!body.media_type || !body.total_bytes) {
      return problem(400, "Invalid Request", "media_type and total_bytes are required");
    }
    const id = String(FIRST_MEDIA_ID + BigInt(uploads.length));
    uploads.push({
      id,
      mediaType: body.media_type,
      totalBytes: body.total_bytes,
      bytes: new Uint8Array(),
      finalized: false,
    });
    return Response.json({
      data: { id, media_key: `3_${id}`, expires_after_secs: EXPIRES_AFTER_SECS },
    });
  }

  function finalize(media: StoredMedia): Response {
    if (media.bytes.byteLength !== media.totalBytes) {
      return problem(400, "Invalid Request", "Segments do not add up to total_bytes");
    }
    media.finalized = true;
    return Response.json({
      data: {
        id: media.id,
        media_key: `3_${media.id}`,
        size: media.totalBytes,
        expires_after_secs: EXPIRES_AFTER_SECS,
      },
    });
  }

  function metadata(body: { id?: string; metadata?: { alt_text?: { text?: string } } }) {
    const media = uploads.find((m) => m.id === body.id);
    if (!media) return problem(400, "Invalid Request", "Unknown media id");
    media.alt = body.metadata?.alt_text?.text;
    return Response.json({ data: { associated_metadata: true, id: media.id } });
  }

  return {
    uploads,
    handle,
    failMediaNext: (n: number, status: number) => failures.push(...Array(n).fill(status)),
    /** Whether a post may carry this media id: it must be uploaded in full. */
    usable: (id: string) => uploads.some((m) => m.id === id && m.finalized),
  };
}

/**
 * One field of a multipart body, as raw bytes. Clients send the chunk without a filename,
 * which `Request.formData()` would decode as text and so corrupt; this reads it as sent.
 */
async function formField(request: Request, name: string): Promise<Uint8Array | undefined> {
  const boundary = request.headers.get("content-type")?.match(/boundary=([^;]+)/)?.[1];
  if (!boundary) return undefined;
  const body = new Uint8Array(await request.arrayBuffer());
  const latin1 = new TextDecoder("latin1").decode(body); // one char per byte: indexes match
  for (const part of latin1.split(`--${boundary}`)) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0 || !part.slice(0, headerEnd).includes(`name="${name}"`)) continue;
    const start = latin1.indexOf(part) + headerEnd + 4;
    const end = latin1.indexOf(part) + part.length - 2; // the part ends with CRLF
    return body.slice(start, end);
  }
  return undefined;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

function problem(status: number, title: string, detail = title): Response {
  return Response.json({ title, detail, type: "about:blank", status }, {
    status,
    headers: { "content-type": "application/problem+json" },
  });
}
