/**
 * X's v2 chunked media upload (initialize, append, finalize) and the alt text, through
 * twitter-api-v2's signed client. An upload posts nothing, so it may be repeated freely.
 */
import { Buffer } from "node:buffer";
import type { TwitterApiv2 } from "twitter-api-v2";
import type { Picture } from "../../core/vocabulary.ts";

/** X takes up to 5 MB per append; charts are far smaller, so they go in one chunk. */
const CHUNK_BYTES = 1024 * 1024;

interface MediaResult {
  data: { id: string; media_key?: string; processing_info?: { state: string } };
}

/** Uploads `picture` and sets its alt text; returns the media id the post refers to. */
export async function uploadPicture(
  v2: TwitterApiv2,
  picture: Picture,
  timeout: number,
): Promise<string> {
  const init = await v2.post<MediaResult>("media/upload/initialize", {
    media_type: "image/png",
    total_bytes: picture.png.byteLength,
    media_category: "tweet_image",
  }, { timeout });
  const id = init.data.id;
  for (let start = 0, index = 0; start < picture.png.byteLength; start += CHUNK_BYTES, index++) {
    const media = Buffer.from(picture.png.subarray(start, start + CHUNK_BYTES));
    await v2.post(`media/upload/${id}/append`, { segment_index: index, media }, {
      forceBodyMode: "form-data",
      timeout,
    });
  }
  const done = await v2.post<MediaResult>(`media/upload/${id}/finalize`, undefined, { timeout });
  // Images are ready at once; only video and GIFs report processing.
  if (done.data.processing_info && done.data.processing_info.state !== "succeeded") {
    throw new Error(`X is still processing media ${id} (${done.data.processing_info.state})`);
  }
  // X allows 1,000 characters of alt text.
  const text = picture.alt.slice(0, 1000);
  await v2.post("media/metadata", { id, metadata: { alt_text: { text } } }, { timeout });
  return id;
}
