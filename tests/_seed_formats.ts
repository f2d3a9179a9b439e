/**
 * Drafted posts with what the audience agents add to them: a chart per plan (as
 * ImageGeneration stores it) and a platform format per insight (as ContentRepurposing does).
 */
import { Buffer } from "node:buffer";
import { SEND_LEASE_MS } from "../agents/foundation/reconcile.ts";
import { fixedClock } from "../core/clock.ts";
import type { Embed } from "../integrations/publish/formatting.ts";
import type { Store } from "../storage/mod.ts";
import type { VariantFormat } from "../storage/variants.ts";
import { seedDrafted, type SeedPost } from "./_seed.ts";
import { HARNESS_NOW } from "./harness.ts";

// A real 1x1 PNG: the fakes check the bytes arrive whole, not what they draw.
export const PNG = new Uint8Array(Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
));
export const ALT =
  "Candlestick chart of BTC/USDT on 1h candles. Down -3.1% in 4h: 104,949.99 → 101,728.00.";
/** A clock past the send lease, when rows left in 'sending' are reconciled. */
export const AFTER_LEASE = fixedClock(HARNESS_NOW + SEND_LEASE_MS + 1000);

/** Seeds drafted posts and gives each plan the same chart. */
export async function seedWithChart(store: Store, posts: SeedPost[]): Promise<number[]> {
  const ids = await seedDrafted(store, posts);
  const meta = { sha256: "ab".repeat(32), mime: "image/png", width: 1, height: 1 };
  const imageId = await store.images.save(PNG, meta, HARNESS_NOW);
  for (const planId of ids) {
    await store.images.attach(
      { planId, draftId: null, imageId, kind: "candles", alt: ALT },
      HARNESS_NOW,
    );
  }
  return ids;
}

/**
 * Stores a format for the insight of plan `planId`: `body` as given, or (for an embed) one
 * titled `title` with a figure field and the disclaimer in its footer.
 */
export async function addVariant(
  store: Store,
  planId: number,
  format: VariantFormat,
  body?: string,
  status: "accepted" | "rejected" = "accepted",
  title = "BTC/USDT 1h: price move",
): Promise<void> {
  const [plan] = await store.db.all<{ insight_id: number }>(
    "SELECT insight_id FROM content_plans WHERE id = ?",
    [planId],
  );
  const embed: Embed = {
    title,
    color: 0x5865f2,
    fields: [{ name: "Close", value: "101,728.00", inline: true }],
    footer: { text: "Not financial advice." },
  };
  const insightId = Number(plan.insight_id);
  await store.variants.add([{
    subject: `insight:${insightId}`,
    insightId,
    format,
    body: body ?? JSON.stringify(embed),
    status,
    reason: status === "rejected" ? "a number the facts lack" : null,
  }], HARNESS_NOW);
}
