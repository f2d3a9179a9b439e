import assert from "node:assert/strict";
import { maskUrl, maskUrlsIn, withoutPassword } from "./mask_url.ts";

Deno.test("maskUrl hides the whole password, even one holding @, : or /", () => {
  assert.equal(
    maskUrl("postgres://app:s3cr@t@db.example:5432/creator"),
    "postgres://app:****@db.example:5432/creator",
  );
  assert.equal(maskUrl("postgres://app:a:b@c/d@db/creator"), "postgres://app:****@db/creator");
  assert.equal(
    maskUrl("https://user:pass@proxy.example/binance"),
    "https://user:****@proxy.example/binance",
  );
  assert.equal(
    maskUrl("postgres://postgres@127.0.0.1:5432/test"),
    "postgres://postgres@127.0.0.1:5432/test",
  );
});

Deno.test("maskUrl hides a password holding an unencoded # or ?", () => {
  assert.equal(
    maskUrl("postgres://app:pa#ss@db:5432/creator"),
    "postgres://app:****@db:5432/creator",
  );
  assert.equal(
    maskUrl("postgres://app:pa?ss@db:5432/creator"),
    "postgres://app:****@db:5432/creator",
  );
  assert.equal(
    maskUrl("postgres://app:#?/@:x@db/creator?x=1"),
    "postgres://app:****@db/creator?x=1",
  );
  // With a port and an "@" in the query, more is masked rather than less.
  assert.equal(
    maskUrl("https://api.example:8443/v1?to=a@b.example"),
    "https://api.example:****@b.example",
  );
  assert.equal(
    maskUrl("https://api.example/v1?to=a@b.example"),
    "https://api.example/v1?to=a@b.example",
  );
});

Deno.test("maskUrl hides credential query parameters and keeps the others", () => {
  assert.equal(
    maskUrl("postgres://app@db/creator?sslmode=require&password=hunter2&sslpassword=x"),
    "postgres://app@db/creator?sslmode=require&password=****&sslpassword=****",
  );
  assert.equal(
    maskUrl("https://feeds.example/rss?api_key=abc&topic=btc&Token=t#frag"),
    "https://feeds.example/rss?api_key=****&topic=btc&Token=****#frag",
  );
  assert.equal(maskUrl("https://a.example/x?user@name=1"), "https://a.example/x?user@name=1");
  assert.equal(maskUrl("host=db user=app password='p w'"), "host=db user=app password=****");
});

Deno.test("maskUrlsIn masks a password holding # or ? in a quoted parse error", () => {
  assert.equal(
    maskUrlsIn("Invalid URL: 'postgres://app:pa?ss@127.0.0.1:5432/test'"),
    "Invalid URL: 'postgres://app:****@127.0.0.1:5432/test'",
  );
  assert.equal(
    maskUrlsIn("Invalid URL: 'postgres://app:pa#ss@127.0.0.1:5432/test'"),
    "Invalid URL: 'postgres://app:****@127.0.0.1:5432/test'",
  );
});

Deno.test("maskUrlsIn masks every URL inside a message", () => {
  assert.equal(
    maskUrlsIn(
      'Cannot reach Postgres at postgres://a:b@c@h/db?password=z: refused; see "https://u:p@x.example/"',
    ),
    'Cannot reach Postgres at postgres://a:****@h/db?password=****: refused; see "https://u:****@x.example/"',
  );
});

Deno.test("withoutPassword leaves the credentials out and keeps the rest of the URL", () => {
  assert.equal(
    withoutPassword("postgres://app:s3cr@t@db.example:5432/creator"),
    "postgres://app@db.example:5432/creator",
  );
  assert.equal(
    withoutPassword("postgres://app@db/creator?password=hunter2&sslmode=require"),
    "postgres://app@db/creator?sslmode=require",
  );
  assert.equal(
    withoutPassword("postgres://app@db/creator?sslmode=require&password=hunter2"),
    "postgres://app@db/creator?sslmode=require",
  );
  assert.equal(withoutPassword("postgres://app:x@db/c?password=y"), "postgres://app@db/c");
  assert.equal(withoutPassword("postgres://app@db/creator"), "postgres://app@db/creator");
  assert.equal(withoutPassword("store/creator.db"), "store/creator.db");
  // An "@" in the query of a URL with a port is not the end of a password.
  const named = "postgres://creator@db.internal:5432/creator?application_name=creator@web1";
  assert.equal(withoutPassword(named), named);
  assert.equal(
    withoutPassword("postgres://creator:s3cret@db:5432/c?sslmode=require&application_name=ops@x"),
    "postgres://creator@db:5432/c?sslmode=require&application_name=ops@x",
  );
  assert.equal(withoutPassword("postgres://u:pa#ss@h:5432/db"), "postgres://u@h:5432/db");
});
