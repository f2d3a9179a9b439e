import assert from "node:assert/strict";
import { crc32, encodePng } from "./_png.ts";

Deno.test("crc32 matches the PNG specification's value for an IEND chunk", () => {
  assert.equal(crc32(new TextEncoder().encode("IEND")), 0xae426082);
});

Deno.test("encodePng writes signature, IHDR with the size, and refuses a wrong pixel count", () => {
  const png = encodePng(new Uint8Array(2 * 3 * 4).fill(255), 2, 3);
  assert.deepEqual([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer);
  assert.deepEqual([view.getUint32(16), view.getUint32(20), png[24], png[25]], [2, 3, 8, 6]);
  assert.throws(() => encodePng(new Uint8Array(5), 2, 3), RangeError);
});
