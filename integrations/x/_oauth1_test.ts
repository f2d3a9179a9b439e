import assert from "node:assert/strict";
import { oauth1Signer, percentEncode, signatureBase } from "./_oauth1.ts";

Deno.test("percentEncode() keeps only the unreserved characters, as RFC 5849 3.6 asks", () => {
  assert.equal(percentEncode("AZaz09-._~"), "AZaz09-._~");
  assert.equal(percentEncode("Ladies + Gentlemen"), "Ladies%20%2B%20Gentlemen");
  assert.equal(percentEncode("!'()*"), "%21%27%28%29%2A");
  assert.equal(percentEncode("a=b&c/d?e@f"), "a%3Db%26c%2Fd%3Fe%40f");
  assert.equal(percentEncode("☃ é"), "%E2%98%83%20%C3%A9");
});

Deno.test("signatureBase() reproduces the base string of RFC 5849 3.4.1.1", () => {
  // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b with the body c2&a3=2+q, decoded.
  const params = [
    ["b5", "=%3D"],
    ["a3", "a"],
    ["c@", ""],
    ["a2", "r b"],
    ["c2", ""],
    ["a3", "2 q"],
    ["oauth_consumer_key", "9djdj82h48djs9d2"],
    ["oauth_token", "kkk9d7dh3k39sjv7"],
    ["oauth_signature_method", "HMAC-SHA1"],
    ["oauth_timestamp", "137131201"],
    ["oauth_nonce", "7d8f3e4a"],
  ] as const;
  assert.equal(
    signatureBase("POST", "http://example.com/request", params),
    "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q" +
      "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_" +
      "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m" +
      "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk" +
      "9d7dh3k39sjv7",
  );
});

Deno.test("oauth1Signer() gives the signature of X's 'Creating a signature' example", async () => {
  const authorize = oauth1Signer({
    appKey: "xvz1evFS4wEEPTGEFPHBog",
    appSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
    accessToken: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
    accessSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
  });
  const header = await authorize(
    "POST",
    "https://api.twitter.com/1.1/statuses/update.json",
    [["include_entities", "true"], ["status", "Hello Ladies + Gentlemen, a signed OAuth request!"]],
    { nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", timestamp: 1318622958 },
  );
  assert.equal(
    header,
    'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", ' +
      'oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", ' +
      'oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", ' +
      'oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", ' +
      'oauth_version="1.0", oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"',
  );
});

Deno.test("oauth1Signer() makes a fresh nonce and the current time for each request", async () => {
  const authorize = oauth1Signer({
    appKey: "k",
    appSecret: "s",
    accessToken: "t",
    accessSecret: "u",
  });
  const field = (header: string, name: string) =>
    header.match(new RegExp(`${name}="([^"]*)"`))?.[1];
  const [a, b] = await Promise.all([
    authorize("GET", "https://api.x.com/2/users/me", []),
    authorize("GET", "https://api.x.com/2/users/me", []),
  ]);
  assert.match(field(a, "oauth_nonce") ?? "", /^[A-Za-z0-9_-]{32}$/);
  assert.notEqual(field(a, "oauth_nonce"), field(b, "oauth_nonce"));
  assert.ok(Math.abs(Number(field(a, "oauth_timestamp")) - Date.now() / 1000) < 5);
});
