-- Premium posts are sent the way public posts are: reserved with the time, so a
-- send cut short (the process died, or the platform's answer was lost) can be
-- taken over after the send lease and reconciled against the platform, never
-- re-sent blind; a refusal frees the post for another try, up to 3.
-- Statuses now: pending | sending | sent | refused (the members' place is not
-- private) | failed (refused 3 times) | unknown (may have gone out: a person checks).
ALTER TABLE premium_posts ADD COLUMN reserved_at BIGINT;
ALTER TABLE premium_posts ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;

-- The chart a premium post goes out with, when one of its insights has one,
-- and the alt text that states its numbers.
ALTER TABLE premium_posts ADD COLUMN image_id BIGINT REFERENCES images (id);
ALTER TABLE premium_posts ADD COLUMN image_alt TEXT;
