import type { Writable } from "node:stream";
import type { TransactionSql } from "postgres";
import { type Param, StorageError } from "./db.ts";

/** From this many rows on, COPY through a staging table beats multi-row VALUES (~3x at 100k). */
export const COPY_THRESHOLD = 5_000;
const ROWS_PER_WRITE = 5_000;
let staging = 0;

/**
 * Bulk upsert for Postgres: COPY the rows into a temporary table, then one
 * INSERT ... SELECT with the caller's ON CONFLICT clause, so the result is the
 * same as the VALUES path. Must run inside a transaction (the table drops at commit).
 */
export async function copyUpsert(
  tx: TransactionSql,
  table: string,
  columns: string[],
  rows: Param[][],
  conflict: string,
): Promise<number> {
  const tmp = `creator_staging_${++staging}`;
  const cols = columns.join(", ");
  await tx.unsafe(
    `CREATE TEMP TABLE ${tmp} ON COMMIT DROP AS SELECT ${cols} FROM ${table} WITH NO DATA`,
  );
  const sink = await tx.unsafe(`COPY ${tmp} (${cols}) FROM STDIN`).writable();
  const lastRowSent = whenFinalCalled(sink);
  const written = new Promise<void>((resolve, reject) => {
    // Listen before writing: an error with no listener leaves the copy hanging.
    sink.on("error", reject);
    sink.on("finish", resolve);
    let i = 0;
    const more = () => {
      while (i < rows.length) {
        const chunk = rows.slice(i, i + ROWS_PER_WRITE).map(line).join("");
        i += ROWS_PER_WRITE;
        if (!sink.write(chunk)) return void sink.once("drain", more);
      }
      sink.end();
    };
    more();
  });
  await Promise.race([written, lastRowSent.then(() => refusedAfterLastRow(tx, table))]);
  const result = await tx.unsafe(
    `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM ${tmp} ${conflict}`,
  );
  return result.count;
}

/**
 * The driver (postgres.js 3.4) never settles a COPY that the server refuses
 * after the last row went out (porsager/postgres#1173): no "finish", no error,
 * and the caller would wait for good. A query sent behind the COPY tells
 * instead: it runs once the COPY is over, and fails when the COPY failed (the
 * transaction is then aborted). It may only be sent once the driver has sent
 * the end of the data (before that it refuses it, and a refusal inside a
 * transaction fails the transaction). The server's own reason is not passed on
 * by the driver; it is in the server log.
 */
async function refusedAfterLastRow(tx: TransactionSql, table: string): Promise<never> {
  try {
    await tx.unsafe("SELECT 1");
  } catch (error) {
    throw new StorageError(
      `Postgres refused the bulk write into ${table} (see the server log for why): ${
        (error as Error).message
      }`,
      { cause: error },
    );
  }
  // It ran after the COPY, which went through: "finish" settles the race.
  return await new Promise<never>(() => {});
}

/** Resolves when the stream's final step starts: the driver then sends the end of the data. */
function whenFinalCalled(sink: Writable): Promise<void> {
  return new Promise((resolve) => {
    const final = sink._final;
    sink._final = function (callback) {
      final!.call(this, callback);
      resolve();
    };
  });
}

/** One row in COPY's text format. */
function line(row: Param[]): string {
  let out = "";
  for (let i = 0; i < row.length; i++) out += (i ? "\t" : "") + field(row[i]);
  return out + "\n";
}

/** Only text can hold what COPY escapes; numbers (most of a bulk write) are written as they are. */
function field(v: Param): string {
  if (v === null) return "\\N";
  if (typeof v !== "string") return String(v);
  return SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : v;
}

const SPECIAL = /[\\\t\n\r]/;

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
