/**
 * Opening lines for an experiment's "question" variant: one question per
 * insight type, with no number and no direction, so it can never contradict
 * the facts it opens.
 */
import type { DraftRequest } from "./mod.ts";
import { baseAsset } from "./_template_facts.ts";

const QUESTIONS: Record<string, (asset: string) => string> = {
  price_move: (a) => `What is behind this ${a} move?`,
  volume_spike: (a) => `Why is everyone trading ${a} right now?`,
  rsi_extreme: (a) => `Has ${a} gone too far too fast?`,
  ma_cross: (a) => `Is the trend on ${a} changing?`,
  bollinger_breakout: (a) => `Is ${a} breaking out of its range?`,
  top_movers: () => "Which coins moved the most?",
  news_sentiment_shift: () => "Has the tone of crypto news changed?",
  fear_greed: () => "How is the crypto market feeling?",
};

/** The question a post of this insight opens with. */
export function openingQuestion(request: DraftRequest): string {
  const asset = request.symbol ? baseAsset(request.symbol) : "crypto";
  return (QUESTIONS[request.insightType] ?? (() => "What does the data say?"))(asset);
}
