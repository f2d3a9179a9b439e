-- Which of ContentRepurposing's formats a post went out as (a Telegram HTML post, a
-- Discord embed), or NULL for the plain draft. Recorded with the reservation, so a send
-- that is reconciled later is looked for in the form it was actually sent in.
ALTER TABLE published_content ADD COLUMN variant_id BIGINT REFERENCES content_variants (id);

-- Publishing looks up each pending post's format by insight.
CREATE INDEX content_variants_insight ON content_variants (insight_id, format);
