import assert from "node:assert/strict";
import { promisesIn } from "./promises.ts";

Deno.test("promisesIn refuses predictions, targets, promised returns and calls to trade", () => {
  for (
    const text of [
      "This one can't lose.",
      "It will be back at 94,401 by Friday.",
      "Next stop: the moon.",
      "Price target: 120.",
      "Guaranteed gains for holders.",
      "Buy the dip now.",
      "Load up before it's too late.",
      "It is heading for a breakout.",
      "Ape in while you still can.",
    ]
  ) assert.notDeepEqual(promisesIn(text), [], text);
});

Deno.test("promisesIn lets careful context through", () => {
  for (
    const text of [
      "Watch whether volume confirms the move.",
      "Moves this size often get retested.",
      "Overbought can stay overbought; it is a warning, not a sell signal.",
      "Fear can deepen before it fades.",
      "Price often snaps back to the middle band, or rides the band in a strong trend.",
    ]
  ) assert.deepEqual(promisesIn(text), [], text);
});
