import assert from "node:assert/strict";
import { COPY_THRESHOLD } from "./_pg_copy.ts";
import { testBackends, testPostgres } from "./test_backends.ts";

// Text COPY would misread unless escaped, beside what needs nothing: a bulk write of this many
// rows goes through COPY on Postgres and through one prepared statement on SQLite.
const AWKWARD = ["tab\there", "line\nbreak", "cr\rhere", "back\\slash", "\\N", "plain", "", "é 🚀"];

testBackends(
  "a bulk write stores every value as given, text COPY would misread included",
  async (t) => {
    const store = await t.open();
    try {
      await store.db.exec(
        "CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, note TEXT, n DOUBLE PRECISION, at BIGINT)",
      );
      const rows = Array.from({ length: COPY_THRESHOLD + 7 }, (_, i) => [
        i + 1,
        i % 9 === 8 ? null : AWKWARD[i % AWKWARD.length],
        i % 5 === 0 ? null : i / 7,
        1_700_000_000_000 + i,
      ]);
      const written = await store.db.insertMany("bulk_probe", ["id", "note", "n", "at"], rows, "");
      assert.equal(written, rows.length);
      const back = await store.db.all<
        { id: number; note: string | null; n: number | null; at: number }
      >(
        "SELECT id, note, n, at FROM bulk_probe ORDER BY id",
      );
      assert.deepEqual(
        back.map((r) => [Number(r.id), r.note, r.n === null ? null : Number(r.n), Number(r.at)]),
        rows,
      );
    } finally {
      await store.close();
    }
  },
);

// Postgres alone: SQLite keeps any value in any column, so there is nothing for it to refuse.
testPostgres(
  "a bulk write Postgres refuses fails with a clear error, stores nothing and leaves the store usable",
  async (t) => {
    const store = await t.open();
    try {
      await store.db.exec("CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, n BIGINT)");
      // The last row is one COPY refuses (a fraction in a BIGINT), after every other was written.
      const rows = Array.from({ length: COPY_THRESHOLD + 7 }, (_, i) => [i + 1, i]);
      rows[rows.length - 1][1] = 1.5;
      await assert.rejects(
        store.db.insertMany("bulk_probe", ["id", "n"], rows, ""),
        /refused the bulk write into bulk_probe/,
      );
      assert.deepEqual(await store.db.all("SELECT count(*)::int AS n FROM bulk_probe"), [{ n: 0 }]);
    } finally {
      await store.close();
    }
  },
);
