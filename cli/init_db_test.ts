import assert from "node:assert/strict";
import { recordsSame, setDbLine } from "./init_db.ts";

Deno.test("a file naming the same store, password and all, counts as the same and is kept", () => {
  assert.ok(recordsSame("postgres://u:pw@h/db", "postgres://u:pw@h/db"));
  assert.ok(recordsSame("postgres://u@h/db", "postgres://u:pw@h/db"));
  assert.ok(recordsSame(null, "creator.db"));
  assert.ok(!recordsSame("postgres://u@h/db", "postgres://u@other/db"));
});

Deno.test("the db line keeps a URL's query as it is, with only the password left out", () => {
  const url = "postgres://creator:s3cret@db.internal:5432/creator?application_name=creator@web1";
  const text = setDbLine("logLevel: info\n", url);
  assert.match(
    text,
    /^db: "postgres:\/\/creator@db\.internal:5432\/creator\?application_name=creator@web1" {2}# /m,
  );
  assert.ok(!text.includes("s3cret"));
});
