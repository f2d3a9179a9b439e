/**
 * The baselines for the bulk-insert benchmarks: the same upsert of candles written straight
 * against each driver, with nothing of the storage adapter in between. The statement is the
 * one storage/market_data.ts sends, so both sides do the same work per row.
 */
import {
  DatabaseSync,
  type SQLInputValue,
  type SQLOutputValue,
  type StatementSync,
} from "node:sqlite";
import type { Sql } from "postgres";
import type { Candle } from "../core/vocabulary.ts";
import {
  CANDLE_COLUMNS,
  CANDLE_UPSERT,
  candleRow,
  type SeriesKey,
} from "../storage/market_data.ts";

// The very statement storage/market_data.ts sends, so both sides do the same work per row.
const COLUMNS = CANDLE_COLUMNS.join(", ");
const UPSERT = CANDLE_UPSERT;
/** Postgres takes at most 65535 bind parameters in one statement. */
const MAX_PARAMS = 65_535;

/** node:sqlite, multi-row statements prepared once (see sqliteRows), inside BEGIN/COMMIT. */
export function rawSqliteInsert(
  path: string,
  key: SeriesKey,
  candles: readonly Candle[],
  fetchedAt: number,
): number {
  const db = new DatabaseSync(path);
  // The adapter's connection settings, so only the code path differs.
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  try {
    const start = performance.now();
    db.exec("BEGIN IMMEDIATE");
    sqliteRows(
      db,
      `INSERT INTO market_data (${COLUMNS}) VALUES`,
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      UPSERT,
      candles.map((c) => candleRow(key, c, fetchedAt)),
    );
    db.exec("COMMIT");
    return performance.now() - start;
  } finally {
    db.close();
  }
}

/**
 * Parameters bound per statement by the SQLite baselines. A call into SQLite per row costs
 * more than the row's own work: a statement per row is about 2x slower, and statements larger
 * than this gain little more.
 */
const SQLITE_PARAMS = 2_000;

/**
 * `head tuple, tuple, ... tail` over `rows` through node:sqlite: statements of as many rows as
 * SQLITE_PARAMS allows, prepared once, and the few left over one by one. Returns what a
 * RETURNING in `tail` returned.
 */
export function sqliteRows(
  db: DatabaseSync,
  head: string,
  tuple: string,
  tail: string,
  rows: readonly SQLInputValue[][],
): Record<string, SQLOutputValue>[] {
  const out: Record<string, SQLOutputValue>[] = [];
  if (!rows.length) return out;
  const perStatement = Math.max(1, Math.floor(SQLITE_PARAMS / rows[0].length));
  const statement = (n: number) => db.prepare(`${head} ${Array(n).fill(tuple).join(", ")} ${tail}`);
  const returning = /\bRETURNING\b/i.test(tail);
  const run = (stmt: StatementSync, params: SQLInputValue[]) => {
    if (returning) out.push(...stmt.all(...params));
    else stmt.run(...params);
  };
  let i = 0;
  if (rows.length >= perStatement) {
    const many = statement(perStatement);
    for (; i + perStatement <= rows.length; i += perStatement) {
      run(many, rows.slice(i, i + perStatement).flat());
    }
  }
  const one = statement(1);
  for (; i < rows.length; i++) run(one, rows[i]);
  return out;
}

/** porsager postgres: multi-row VALUES statements, as large as the parameter limit allows. */
export async function rawPostgresValues(
  sql: Sql,
  key: SeriesKey,
  candles: readonly Candle[],
  fetchedAt: number,
): Promise<number> {
  const perStatement = Math.floor(MAX_PARAMS / 10);
  const start = performance.now();
  await sql.begin(async (tx) => {
    for (let i = 0; i < candles.length; i += perStatement) {
      const chunk = candles.slice(i, i + perStatement);
      const params: Array<string | number> = [];
      const tuples = chunk.map((c) => {
        const n = params.length;
        params.push(...candleRow(key, c, fetchedAt));
        return `(${Array.from({ length: 10 }, (_, j) => `$${n + j + 1}`).join(", ")})`;
      });
      await tx.unsafe(
        `INSERT INTO market_data (${COLUMNS}) VALUES ${tuples.join(", ")} ${UPSERT}`,
        params,
      );
    }
  });
  return performance.now() - start;
}

/** porsager postgres: one statement, ten array parameters spread into rows by unnest(). */
export async function rawPostgresUnnest(
  sql: Sql,
  key: SeriesKey,
  candles: readonly Candle[],
  fetchedAt: number,
): Promise<number> {
  const start = performance.now();
  const column = (pick: (c: Candle) => number) => candles.map(pick);
  const same = <T>(value: T) => candles.map(() => value);
  await sql.begin(async (tx) => {
    await tx.unsafe(
      `INSERT INTO market_data (${COLUMNS})
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[],
         $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::bigint[])
       ${UPSERT}`,
      [
        same(key.exchange),
        same(key.symbol),
        same(key.timeframe),
        column((c) => c.openTime),
        column((c) => c.open),
        column((c) => c.high),
        column((c) => c.low),
        column((c) => c.close),
        column((c) => c.volume),
        same(fetchedAt),
      ] as never[],
    );
  });
  return performance.now() - start;
}

/**
 * porsager postgres: COPY ... FROM STDIN into a temporary staging table, then one
 * INSERT ... SELECT with the same upsert, all in one transaction. COPY alone cannot upsert.
 */
export async function rawPostgresCopy(
  sql: Sql,
  key: SeriesKey,
  candles: readonly Candle[],
  fetchedAt: number,
): Promise<number> {
  const start = performance.now();
  const prefix = [key.exchange, key.symbol, key.timeframe].map(copyText).join("\t");
  await sql.begin(async (tx) => {
    await tx.unsafe(
      `CREATE TEMPORARY TABLE market_data_stage (exchange text, symbol text, timeframe text,
         open_time bigint, open float8, high float8, low float8, close float8, volume float8,
         fetched_at bigint) ON COMMIT DROP`,
    );
    const stream = await tx.unsafe(`COPY market_data_stage FROM STDIN`).writable();
    // Listen before writing: a failed COPY errors the stream straight away.
    const finished = new Promise((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    for (let i = 0; i < candles.length; i += COPY_BATCH) {
      const text = candles.slice(i, i + COPY_BATCH).map((c) =>
        `${prefix}\t${c.openTime}\t${c.open}\t${c.high}\t${c.low}\t${c.close}\t${c.volume}\t${fetchedAt}\n`
      ).join("");
      if (!stream.write(text)) await new Promise((resolve) => stream.once("drain", resolve));
    }
    stream.end();
    await finished;
    await tx.unsafe(
      `INSERT INTO market_data (${COLUMNS}) SELECT ${COLUMNS} FROM market_data_stage ${UPSERT}`,
    );
  });
  return performance.now() - start;
}

/** Rows per write to the COPY stream. */
const COPY_BATCH = 5000;

/** COPY's text format: backslash, tab and line breaks escaped. */
function copyText(value: string): string {
  return value.replace(
    /[\\\t\n\r]/g,
    (c) => ({ "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? "\\\\",
  );
}
