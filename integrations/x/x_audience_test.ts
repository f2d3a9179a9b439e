import assert from "node:assert/strict";
import type { IncomingMessage } from "../../core/vocabulary.ts";
import { startXFake, TEST_CREDENTIALS } from "../../tests/fakes/x.ts";
import { createXAudience } from "./x_audience.ts";

const mentionCalls = (paths: string[]) => paths.filter((p) => p.includes("/mentions"));

async function backlog(count: number, fn: (ids: string[], read: Reader) => Promise<void>) {
  const fake = startXFake();
  try {
    const ids = Array.from(
      { length: count },
      (_, i) =>
        fake.audience.mention({
          text: `@creator q${i}?`,
          authorId: String(5_000 + (i % 37)),
          username: "u",
        }),
    );
    const { inbox } = createXAudience({ ...TEST_CREDENTIALS, baseUrl: fake.url });
    const read: Reader = async (cursor) => {
      const before = fake.requests.length;
      const kept: IncomingMessage[] = [];
      const page = await inbox.read(cursor, { keep: (m) => Promise.resolve(void kept.push(...m)) });
      const paths = fake.requests.slice(before).map((r) => r.path);
      return { page, kept: [...kept, ...page.messages].map((m) => m.externalId), paths };
    };
    await fn(ids, read);
  } finally {
    await fake.close();
  }
}

type Reader = (cursor: string) => Promise<{
  page: { cursor: string | null; calls: number };
  kept: string[];
  paths: string[];
}>;

Deno.test("a backlog of mentions is read as ranges at once, each mention once, in few extra calls", () =>
  backlog(2_345, async (ids, read) => {
    const { page, kept, paths } = await read("1");
    assert.deepEqual([...kept].sort(), [...ids].sort());
    assert.equal(new Set(kept).size, ids.length);
    assert.equal(page.cursor, ids.at(-1), "the cursor moves to the newest mention");
    const calls = mentionCalls(paths);
    assert.ok(calls.some((p) => p.includes("until_id=")), "older mentions were read by range");
    // 24 pages in one chain; ranges add at most one partial page each.
    assert.ok(calls.length >= 24 && calls.length <= 24 + 9, `${calls.length} calls`);
    assert.equal(page.calls, calls.length);
  }));

Deno.test("a backlog past the pages one run reads keeps the newest and leaves the cursor", () =>
  backlog(11_500, async (ids, read) => {
    const { page, kept, paths } = await read("1");
    assert.equal(page.cursor, null, "pages were left: the cursor stays");
    assert.ok(kept.length >= 9_900 && kept.length < ids.length, `${kept.length} kept`);
    assert.ok(kept.includes(ids.at(-1)!), "the newest mentions come first");
    assert.ok(mentionCalls(paths).length <= 100 + 9, `${mentionCalls(paths).length} calls`);
  }));

Deno.test("a first run reads one page, and a short backlog reads on from the cursor", () =>
  backlog(150, async (ids, read) => {
    const recent = await read("1").then(() => read(ids[120]));
    assert.deepEqual(recent.kept.sort(), ids.slice(121).sort());
    assert.equal(recent.page.cursor, ids.at(-1));
    assert.equal(mentionCalls(recent.paths).length, 1);
  }));
