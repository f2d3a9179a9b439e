import type { Db } from "./db.ts";

/** A backend-neutral description of the schema, for comparing backends. */
export interface TableShape {
  columns: string[]; // "name type [not null]" with portable type names
  unique: string[]; // column lists of unique constraints and unique indexes
}

export async function describeSchema(db: Db): Promise<Record<string, TableShape>> {
  return db.backend === "sqlite" ? await describeSqlite(db) : await describePostgres(db);
}

const TYPE: Record<string, string> = {
  "integer": "integer",
  "bigint": "bigint",
  "text": "text",
  "double precision": "double",
  "real": "double",
};

async function describeSqlite(db: Db) {
  const out: Record<string, TableShape> = {};
  const tables = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  for (const { name } of tables) {
    const cols = await db.all<{ name: string; type: string; notnull: number; pk: number }>(
      `PRAGMA table_info(${name})`,
    );
    // SQLite's rowid alias must be spelled INTEGER; it is a 64-bit key like Postgres' BIGINT.
    const columns = cols.map((c) =>
      `${c.name} ${
        c.pk && c.type === "INTEGER" && name !== "schema_migrations"
          ? "bigint"
          : TYPE[c.type.toLowerCase()]
      }${c.notnull || c.pk ? " not null" : ""}`
    );
    const unique: string[] = [];
    for (
      const idx of await db.all<{ name: string; unique: number }>(`PRAGMA index_list(${name})`)
    ) {
      if (!idx.unique) continue;
      const info = await db.all<{ name: string }>(`PRAGMA index_info(${idx.name})`);
      unique.push(info.map((i) => i.name).join(","));
    }
    out[name] = { columns, unique: unique.sort() };
  }
  return out;
}

async function describePostgres(db: Db) {
  const out: Record<string, TableShape> = {};
  const cols = await db.all<
    { table_name: string; column_name: string; data_type: string; is_nullable: string }
  >(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  for (const c of cols) {
    out[c.table_name] ??= { columns: [], unique: [] };
    out[c.table_name].columns.push(
      `${c.column_name} ${TYPE[c.data_type]}${c.is_nullable === "NO" ? " not null" : ""}`,
    );
  }
  const idx = await db.all<{ tablename: string; indexdef: string }>(
    "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
  );
  for (const { tablename, indexdef } of idx) {
    // Primary keys are compared through the columns; SQLite keeps no index for them.
    if (!/UNIQUE/i.test(indexdef) || /INDEX \w+_pkey /.test(indexdef)) continue;
    out[tablename].unique.push(/\((.*)\)/.exec(indexdef)![1].replaceAll(" ", ""));
  }
  for (const t of Object.values(out)) t.unique.sort();
  return out;
}
