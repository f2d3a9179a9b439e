-- Rows dated in the future, which earlier versions stored and the readers now
-- refuse (the Fear & Greed and article readers, the exchange checks): a future
-- Fear & Greed reading stays the latest one for good and freezes the signal, a
-- future article stays the newest story, a future candle the newest bar. Five
-- minutes of clock skew are allowed, as the readers allow (core/clock.ts).
-- Migration 0005 removed only what was past the year 2100.
DELETE FROM sentiment_data
WHERE measured_at > EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 + 300000;
DELETE FROM news_articles
WHERE published_at > EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 + 300000;
DELETE FROM market_data
WHERE open_time > EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 + 300000;
DELETE FROM market_tickers
WHERE at > EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 + 300000;
