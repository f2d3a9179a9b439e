import assert from "node:assert/strict";
import { findLinks, refang } from "./links.ts";
import { walletAddresses } from "./wallets.ts";
import { normalize } from "./_normalize.ts";

const problems = (text: string, allow: string[] = []) =>
  findLinks(refang(text), allow).map((l) => [l.shown, l.problem]);

Deno.test("refang undoes defanged schemes, brackets and spelled-out dots", () => {
  assert.equal(refang("hxxps://evil[.]io/x"), "https://evil.io/x");
  assert.equal(refang("evil dot com and evil (dot) net"), "evil.com and evil.net");
  // A word ending ("link") joins when a slash spelled out follows it.
  assert.equal(refang("wa (dot) link slash cryptoafrika"), "wa.link/cryptoafrika");
  assert.equal(refang("tinyurl ⋅ com / kz-signal"), "tinyurl.com/kz-signal");
  assert.equal(refang("kryptosignaly (bodka) sk"), "kryptosignaly.sk");
  assert.equal(refang("support [at] coinvip [dot] com"), "support@coinvip.com");
  assert.equal(refang("Up 5.2% in 24h. Close: 94,401."), "Up 5.2% in 24h. Close: 94,401.");
});

Deno.test("refang reads a middle dot or bullet glued between letters as a dot", () => {
  assert.equal(refang("join t\u00B7me/pumpers or t\u2022me/x"), "join t.me/pumpers or t.me/x");
  assert.deepEqual(problems("join evil\u00B7io/claim"), [[
    "evil.io",
    "a host not on the allowlist",
  ]]);
  for (const prose of ["BTC \u00B7 ETH \u00B7 SOL", "Up 5\u00B72% \u2022 close 94,401"]) {
    assert.equal(refang(prose), prose);
  }
});

Deno.test("refang reads a spelled-out dot before any top-level domain, and a spaced dot", () => {
  assert.equal(
    refang("evil dot ai, evil dot vip and evil dot cx"),
    "evil.ai, evil.vip and evil.cx",
  );
  assert.equal(refang("evil dot co dot uk"), "evil.co.uk");
  assert.equal(refang("visit evil .io or evil. io"), "visit evil.io or evil.io");
  assert.equal(refang("claim: evil dot top"), "claim: evil.top");
  for (
    const prose of [
      "The red dot is the close.",
      "A dot in the chart marks it.",
      "Polkadot (DOT) is up 5.2%.",
      "SOL DOT LINK and ARB DOT ONE rose.",
      "It closed at 94,401. Then it rose.",
    ]
  ) assert.equal(refang(prose), prose);
});

Deno.test("findLinks judges hosts, userinfo, raw IPs, shorteners, emails and deep links", () => {
  assert.deepEqual(problems("https://charts.example.com/a and evil.com/b", ["example.com"]), [
    ["charts.example.com", null],
    ["evil.com", "a host not on the allowlist"],
  ]);
  assert.deepEqual(problems("https://example.com@evil.io/x", ["example.com"]), [
    ["evil.io", "a link hiding its host behind userinfo"],
  ]);
  assert.deepEqual(problems("node 185.12.44.9:8080"), [["185.12.44.9:8080", "a raw IP address"]]);
  assert.deepEqual(problems("bit.ly/x", ["bit.ly"]), [["bit.ly", null]]);
  assert.deepEqual(problems("bit.ly/x"), [["bit.ly", "a link shortener"]]);
  assert.deepEqual(problems("mail help@evil.io"), [["help@evil.io", "an email address"]]);
  assert.deepEqual(problems("tg://resolve?domain=x"), [["tg://", "a deep link"]]);
  assert.deepEqual(problems("mailto:help@evil.io"), [["mailto:help@evil.io", "a deep link"]]);
  assert.deepEqual(problems("BTC.D at 58.1, e.g. 1.2.3"), []);
});

Deno.test("findLinks finds a link carried in an allowed link's path or query", () => {
  const allow = ["example.com"];
  assert.deepEqual(problems("https://example.com/r?u=https://evil.io", allow), [
    ["https://evil.io", "a link inside an allowed link"],
  ]);
  assert.deepEqual(problems("https://example.com/r?u=https%3A%2F%2Fevil.io%2Fx", allow), [
    ["https://evil.io/x", "a link inside an allowed link"],
  ]);
  assert.deepEqual(problems("https://example.com/go/evil.io", allow), [
    ["evil.io", "a link inside an allowed link"],
  ]);
  assert.deepEqual(problems("https://example.com/r?u=https://charts.example.com/x", allow), [
    ["example.com", null],
  ]);
});

Deno.test("walletAddresses finds addresses whole, split and in query strings, not long words", () => {
  const evm = "0x52908400098527886E0F7030069857D2E4169EE7";
  const sol = "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV";
  assert.deepEqual(walletAddresses(`to ${evm}`), [evm]);
  assert.deepEqual(walletAddresses(`to ${evm.match(/.{1,4}/g)!.join(".")}`), [evm]);
  assert.deepEqual(walletAddresses(`to ${sol.match(/.{1,8}/g)!.join(" ")}`), [sol]);
  assert.deepEqual(walletAddresses(`https://example.com/p?to=${sol}`), [sol]);
  assert.deepEqual(walletAddresses("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"), [
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
  ]);
  const innocent = "Antidisestablishmentarianism2024 #BitcoinHalvingCountdown2024 BTC/USDT " +
    "SOL DOGE PEPE WIF BONK LINK AVAX ARB";
  assert.deepEqual(walletAddresses(innocent), []);
});

Deno.test("refang joins a link spelled out letter by letter and a dot word in other languages", () => {
  assert.equal(refang("h t t p s : / / evil-site . de"), "https://evil-site.de");
  assert.equal(refang("More on w w w . k s m p u l s e . c o m"), "More on www.ksmpulse.com");
  assert.equal(refang("Canal: youtube(ponto)com/@x"), "Canal: youtube.com/@x");
  assert.equal(refang("a b c and 1 2 3"), "a b c and 1 2 3");
});

Deno.test("refang reads dots and slashes spelled in other languages, and spaced where a link goes on", () => {
  assert.equal(
    refang("El grupo está en t punto me barra señales"),
    "El grupo está en t.me/señales",
  );
  assert.equal(refang("Канал: telegram точка me слэш signals"), "Канал: telegram.me/signals");
  assert.equal(refang("完整分析请看 pumpdao点cc/vip"), "完整分析请看 pumpdao.cc/vip");
  assert.equal(refang("discord gg slash calls and t .me/ den"), "discord.gg/calls and t.me/den");
  assert.equal(refang("www[,]rewards[,]org"), "www.rewards.org");
  // A sentence that ends before a word that is also a domain ending stays prose.
  assert.equal(
    refang("that's the post. gm and stay hydrated"),
    "that's the post. gm and stay hydrated",
  );
  assert.equal(refang("Close at 3,100. Me too."), "Close at 3,100. Me too.");
});

Deno.test("refang reads a dot spelled in Hebrew, Ukrainian and Persian, bare or in brackets", () => {
  assert.equal(refang("קישור בפרופיל: rez-drop (נקודה) io"), "קישור בפרופיל: rez-drop.io");
  assert.equal(refang("Деталі тут: vitepump крапка net"), "Деталі тут: vitepump.net");
  assert.equal(refang("لینک کانال: xai-signal [نقطه] org"), "لینک کانال: xai-signal.org");
});

Deno.test("refang reads a dot spelled in Japanese, Korean, Chinese and German, and whole endings", () => {
  assert.equal(refang("詳しくは coin-navi ドット jp へ"), "詳しくは coin-navi.jp へ");
  assert.equal(refang("详情见 bicoin 点 cc"), "详情见 bicoin.cc");
  assert.equal(refang("Mehr unter krypto-bonus Punkt de"), "Mehr unter krypto-bonus.de");
  assert.equal(
    refang("자세한 내용은 coinvip 닷컴 에서 확인"),
    "자세한 내용은 coinvip.com 에서 확인",
  );
  assert.equal(refang("Подробности: moneta-bonus точка ру"), "Подробности: moneta-bonus.ru");
  assert.equal(refang("at the bottom. So far so good"), "at the bottom. So far so good");
});

Deno.test("refang reads a comma for a dot, a link written backwards and dots in angle quotes", () => {
  assert.equal(refang("see moonshot-calls,com now"), "see moonshot-calls.com now");
  assert.equal(refang("moc.sdrawer-eikooc//:sptth"), "https://cookie-rewards.com");
  assert.equal(refang("link: orca_rewards ‹dot› site"), "link: orca_rewards.site");
  assert.equal(refang("drift_vault [period] io"), "drift_vault.io");
  assert.equal(refang("layari pengu-hadiah titik my sekarang"), "layari pengu-hadiah.my sekarang");
  assert.equal(refang("gainers,losers,volume"), "gainers,losers,volume");
});

Deno.test("refang reads _dot_, dott and a host padded with tildes", () => {
  assert.equal(refang("tradeclub _dot_ vip for the rest"), "tradeclub.vip for the rest");
  assert.equal(refang("link in bio → gemhunters dott club"), "link in bio → gemhunters.club");
  assert.match(refang("xem ~ drops ~ (dot) ~ site, no spaces"), /drops\.site/);
});

Deno.test("a dot in brackets glued to a name hides a link whatever word the ending is", () => {
  assert.equal(refang("visit tradehub(dot)live today"), "visit tradehub.live today");
  assert.equal(refang("join alpha[dot]club now"), "join alpha.club now");
  assert.equal(refang("Polkadot (DOT) is up"), "Polkadot (DOT) is up");
});

Deno.test("a dot spelled in Italian, Danish or Hindi joins its ending; a Romance 'punto de' is prose", () => {
  assert.equal(refang("Visita segnali punto it per il gruppo"), "Visita segnali.it per il gruppo");
  assert.equal(refang("Tilmeld dig på kryptotips prik dk"), "Tilmeld dig på kryptotips.dk");
  assert.equal(refang("लिंक: cryptoguru डट com"), "लिंक: cryptoguru.com");
  assert.deepEqual(problems("Es el punto de entrada del rango."), []);
  assert.deepEqual(problems("O preço chegou a ponto de romper."), []);
});

Deno.test("a word-separator dot and a Ukrainian spelled dot hide a link", () => {
  for (
    const text of [
      "Bonus ➜ www⸱gemhunter⸱app",
      "Claim ➜ www‧airdrop-claim‧net",
      "Деталі на сайті cryptoprofit крапка ком",
    ]
  ) {
    assert.ok(
      findLinks(refang(normalize(text)), []).some((l) => l.problem),
      text,
    );
  }
});
