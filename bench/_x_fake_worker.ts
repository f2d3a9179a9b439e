/**
 * The X fake serving bench 10's mentions from a worker thread: what it costs
 * to list, serialise and check the signature of each page is X's work, not
 * ours, so it runs beside the intake rather than inside its thread.
 */
import { startXFake } from "../tests/fakes/x.ts";

const scope = self as unknown as Worker;
scope.onmessage = (event: MessageEvent<{ mentions: number; users: number }>) => {
  const x = startXFake();
  const { mentions, users } = event.data;
  for (let i = 0; i < mentions; i++) {
    const user = String(5_000 + (i % users));
    x.audience.mention({ text: `@creator question ${i}?`, authorId: user, username: `u${user}` });
  }
  scope.postMessage({ url: x.url, mentions: x.audience.mentions });
  scope.onmessage = async () => {
    await x.close();
    scope.postMessage("closed");
  };
};
