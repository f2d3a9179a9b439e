import assert from "node:assert/strict";
import { type BreakerSnapshot, createBreaker, createBreakers, guard } from "./breaker.ts";
import { CircuitOpenError, IntegrationError, NetworkError } from "./errors.ts";

function testClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const down = () => Promise.reject(new IntegrationError("svc", 503, "Service Unavailable"));
const refused = () => Promise.reject(new IntegrationError("svc", 400, "Bad Request"));
const ok = () => Promise.resolve("ok");

async function failTimes(breaker: { call(fn: () => Promise<unknown>): Promise<unknown> }, n = 1) {
  for (let i = 0; i < n; i++) await assert.rejects(breaker.call(down), IntegrationError);
}

Deno.test("a breaker opens after the threshold of transient failures in a row", async () => {
  const clock = testClock();
  const breaker = createBreaker({ service: "svc", failureThreshold: 3, clock });

  await failTimes(breaker, 2);
  assert.equal(breaker.state(), "closed");
  await assert.rejects(breaker.call(() => Promise.reject(new NetworkError("svc", "refused"))));

  assert.deepEqual(breaker.snapshot(), {
    service: "svc",
    state: "open",
    failures: 3,
    openedAt: clock.now(),
    lastError: "Cannot reach svc: refused",
  });
});

Deno.test("an open circuit fails fast without calling the service", async () => {
  const clock = testClock();
  const breaker = createBreaker({ service: "svc", failureThreshold: 2, openMs: 30_000, clock });
  await failTimes(breaker, 2);
  clock.advance(12_500);

  let calls = 0;
  const error = await breaker.call(() => (calls++, ok())).catch((e) => e);

  assert.equal(calls, 0);
  assert.ok(error instanceof CircuitOpenError);
  assert.ok(error instanceof IntegrationError, "publishing must see an IntegrationError");
  assert.deepEqual([error.service, error.status, error.retryAfterMs], ["svc", 503, 17_500]);
  assert.equal(
    error.message,
    "circuit open for svc: svc answered 503: Service Unavailable; retrying after 18s",
  );
});

Deno.test("after openMs one trial goes through and its success closes the circuit", async () => {
  const clock = testClock();
  const breaker = createBreaker({ service: "svc", failureThreshold: 1, openMs: 1_000, clock });
  await failTimes(breaker);
  clock.advance(1_000);

  let release!: (value: string) => void;
  const trial = breaker.call(() => new Promise<string>((resolve) => release = resolve));
  assert.equal(breaker.state(), "half-open");
  // While the trial is out, everyone else is still turned away.
  await assert.rejects(breaker.call(ok), CircuitOpenError);
  release("recovered");

  assert.equal(await trial, "recovered");
  assert.deepEqual(breaker.snapshot(), {
    service: "svc",
    state: "closed",
    failures: 0,
    openedAt: null,
    lastError: null,
  });
  assert.equal(await breaker.call(ok), "ok");
});

Deno.test("a failed trial opens the circuit again for another openMs", async () => {
  const clock = testClock();
  const breaker = createBreaker({ service: "svc", failureThreshold: 2, openMs: 1_000, clock });
  await failTimes(breaker, 2);
  clock.advance(1_500);

  await failTimes(breaker);

  assert.equal(breaker.state(), "open");
  assert.equal(breaker.snapshot().openedAt, clock.now());
  const error = await breaker.call(ok).catch((e) => e);
  assert.ok(error instanceof CircuitOpenError);
  assert.equal(error.retryAfterMs, 1_000);
});

Deno.test("a 4xx answer does not count as a failure: the service is up", async () => {
  const breaker = createBreaker({ service: "svc", failureThreshold: 2, clock: testClock() });

  await failTimes(breaker);
  await assert.rejects(breaker.call(refused), (e) => !(e instanceof CircuitOpenError));
  await failTimes(breaker);

  assert.equal(breaker.state(), "closed");
  assert.equal(breaker.snapshot().failures, 1);
});

Deno.test("a success resets the count of failures", async () => {
  const breaker = createBreaker({ service: "svc", failureThreshold: 3, clock: testClock() });

  await failTimes(breaker, 2);
  await breaker.call(ok);
  await failTimes(breaker, 2);

  assert.deepEqual([breaker.state(), breaker.snapshot().failures], ["closed", 2]);
});

Deno.test("errors that say nothing about the service neither count nor reset", async () => {
  const breaker = createBreaker({ service: "svc", failureThreshold: 2, clock: testClock() });

  await failTimes(breaker);
  await assert.rejects(breaker.call(() => Promise.reject(new RangeError("bad limit"))));
  await failTimes(breaker);

  assert.equal(breaker.state(), "open");
});

Deno.test("onChange hears the circuit open, go half-open and close", async () => {
  const clock = testClock();
  const seen: BreakerSnapshot[] = [];
  const breakers = createBreakers({
    failureThreshold: 1,
    openMs: 1_000,
    clock,
    onChange: (s) => seen.push(s),
  });

  await failTimes(breakers.get("telegram"));
  clock.advance(1_000);
  await breakers.get("telegram").call(ok);

  assert.deepEqual(seen.map((s) => [s.service, s.state]), [
    ["telegram", "open"],
    ["telegram", "half-open"],
    ["telegram", "closed"],
  ]);
});

Deno.test("the registry keeps one breaker per service and lists them all", async () => {
  const breakers = createBreakers({ failureThreshold: 1, clock: testClock() });

  assert.equal(breakers.get("x"), breakers.get("x"));
  await failTimes(breakers.get("discord"));

  assert.deepEqual(breakers.list().map((s) => [s.service, s.state]), [
    ["x", "closed"],
    ["discord", "open"],
  ]);
});

Deno.test("guard() runs methods through the breaker and lets properties and close() through", async () => {
  const breaker = createBreaker({ service: "exchange", failureThreshold: 1, clock: testClock() });
  let closed = 0;
  let fetched = 0;
  const exchange = {
    id: "binance",
    candles: (symbol: string) => (fetched++, Promise.resolve([symbol])),
    tickers: () => Promise.reject(new NetworkError("exchange", "reset")),
    close: () => (closed++, Promise.resolve()),
  };
  const guarded = guard(breaker, exchange);

  assert.equal(guarded.id, "binance");
  assert.equal(guarded.candles, guarded.candles);
  assert.deepEqual(await guarded.candles("BTC/USDT"), ["BTC/USDT"]);
  await assert.rejects(guarded.tickers(), NetworkError);
  await assert.rejects(guarded.candles("BTC/USDT"), CircuitOpenError);
  await guarded.close();

  assert.deepEqual([fetched, closed], [1, 1]);
});

Deno.test("guard() calls passThrough methods directly, even while the circuit is open", async () => {
  const breaker = createBreaker({ service: "telegram", failureThreshold: 1, clock: testClock() });
  await failTimes(breaker);
  const publisher = guard(breaker, {
    publish: () => Promise.resolve("sent"),
    lookup: () => Promise.resolve(undefined),
  }, { passThrough: ["lookup"] });

  assert.equal(await publisher.lookup(), undefined);
  await assert.rejects(publisher.publish(), CircuitOpenError);
  assert.equal(breaker.state(), "open");
});

Deno.test("a trial that never ends is given up after openMs and another is let through", async () => {
  const clock = testClock();
  const breaker = createBreaker({ service: "svc", failureThreshold: 1, openMs: 1_000, clock });
  await failTimes(breaker);
  clock.advance(1_000);
  void breaker.call(() => new Promise(() => {})); // hangs for good

  clock.advance(1_000);

  assert.equal(await breaker.call(ok), "ok");
  assert.equal(breaker.state(), "closed");
});

Deno.test("a restored open circuit keeps turning calls away until its time is up", async () => {
  const clock = testClock();
  const first = createBreakers({ failureThreshold: 2, openMs: 30_000, clock });
  await failTimes(first.get("svc"), 2);
  const saved = JSON.parse(JSON.stringify(first.list())) as BreakerSnapshot[];
  const changes: BreakerSnapshot[] = [];

  // A later process, seeded with what the first one saw.
  const second = createBreakers({
    failureThreshold: 2,
    openMs: 30_000,
    clock,
    onChange: (s) => changes.push(s),
  });
  second.restore(saved);
  clock.advance(10_000);
  let called = 0;
  await assert.rejects(second.get("svc").call(() => Promise.resolve(called++)), CircuitOpenError);
  assert.equal(called, 0);
  assert.deepEqual(changes, [], "restoring is not a change this process saw");

  clock.advance(20_000);
  assert.equal(await second.get("svc").call(ok), "ok");
  assert.deepEqual(second.list()[0], {
    service: "svc",
    state: "closed",
    failures: 0,
    openedAt: null,
    lastError: null,
  });
});

Deno.test("a restored half-open circuit is open again: its trial ended with its process", async () => {
  const clock = testClock();
  const breakers = createBreakers({ failureThreshold: 1, openMs: 30_000, clock });
  breakers.restore([{
    service: "svc",
    state: "half-open",
    failures: 1,
    openedAt: clock.now() - 60_000,
    lastError: "Service Unavailable",
  }]);
  assert.equal(breakers.get("svc").state(), "open");
  // Its open time is long over: the next call is the new trial.
  assert.equal(await breakers.get("svc").call(ok), "ok");
  assert.equal(breakers.get("svc").state(), "closed");
});
