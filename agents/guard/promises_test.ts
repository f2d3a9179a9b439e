import assert from "node:assert/strict";
import { promisesIn } from "./promises.ts";

const refused = (kind: RegExp, texts: string[]) => {
  for (const text of texts) assert.match(promisesIn(text).join("; "), kind, text);
};

Deno.test("promisesIn refuses a future or modal form bound to a move or a target", () => {
  refused(/a prediction/, [
    "It will be back at 94,401 by Friday.",
    "It is going to break out.",
    "SOL is set to retest 200.",
    "ETH is poised to reclaim 3,300.",
    "Could double from here.",
    "It may retest the highs.",
    "Price could continue to rise.",
    "It should see new highs.",
    "Shorts will get squeezed.",
    "In a few days it'll be at 200.",
    "It won't stay down for long.",
    "If it holds above 3,100, it will run to 3,400.",
    "A break above 3,200 would open the door to 3,500.",
    "Could see a run toward the highs next.",
    "Dip buyers will step in and push it back up.",
    "Looks like it wants to go lower.",
    "It should find support and bounce.",
    "Bulls will likely take it higher.",
  ]);
});

Deno.test("promisesIn refuses an expected move and a move with a future cue", () => {
  refused(/a prediction/, [
    "Expect a massive rally.",
    "We expect price to climb.",
    "Strong bounce expected.",
    "A rebound looks likely.",
    "We think it tops at 4,000.",
    "More upside ahead.",
    "Next leg up incoming.",
    "New highs are next.",
    "Higher prices are coming.",
    "It's only up from here.",
    "BTC 150k incoming.",
    "Back above 3,300 by Friday.",
    "A squeeze is brewing.",
    "This is just the beginning.",
    "Next stop: the moon.",
    "Upside targets: 3,400 and 3,600.",
    "It has room to run.",
    "Odds favour more upside.",
    "Support should hold and a bounce will follow.",
    "Bullish continuation expected.",
    "Price will follow.",
  ]);
});

Deno.test("promisesIn refuses calls to trade and promised returns", () => {
  refused(/a prediction/, [
    "A: Yes, we expect the trend to continue over the coming days.",
    "Back to 0.05536 in no time.",
    "Das geht noch deutlich weiter, wetten?",
    "Wir sehen bald wieder 4,187.35.",
    "Έρχεται μεγάλο ράλι.",
    "Urmează o scădere serioasă.",
    "Скоро будет разворот.",
    "Tohle brzy vystřelí.",
    "這波穩了，等著看它繼續噴。",
    "مطمئن باشید این روند ادامه پیدا می‌کند.",
    "سيستمر الصعود في الأيام القادمة بلا شك.",
    "Confirm naik lagi lepas ni.",
    "Sigurado 'to, aakyat pa 'yan.",
    "Spodziewam się powrotu do 31.42.",
    "Vai voltar aos 4,206.80 em breve.",
    "This is where the real run starts.",
    "Load up, this won't last.",
    "Answer: it goes up.",
    "ここが底、あとは上がるだけ。",
    "稳了，后面只会更高。",
    "Da qui si riparte verso l'alto.",
    "Ovo ide na Mjesec.",
    "Разворот уже близко.",
    "Sẽ về lại 1.0842 sớm thôi.",
    "Оттук нататък посоката е ясна — само нагоре.",
    "ここから先は上しかない。",
    "Szerintem innen már csak felfelé vezet az út.",
    "Hou vas, die groot skuif kom nog.",
    "De vuelta a 23.18 antes del finde, anotalo.",
  ]);
  refused(/a call to trade/, [
    "Ово је тренутак да се уђе у позицију.",
    "Kto teraz nenakúpi, bude to ľutovať.",
    "Jo ara mateix ho vendria tot abans que sigui tard.",
  ]);
  refused(/a promised return/, ["Garantuoju, kad savaitės pabaigoje kaina bus aukščiau."]);
  refused(/a call to trade/, [
    "Anyone still sitting in cash is going to wish they weren't.",
    "If you're not positioned yet, you'll wish you were.",
    "Quem entrar agora não se vai arrepender.",
    "Wie nu niet instapt, kijkt straks vanaf de zijlijn toe.",
    "Bu treni kaçıran çok pişman olacak.",
    "Yo que tú no me quedaría fuera de esta.",
    "Hii ni nafasi ya mwisho kuingia.",
  ]);
  refused(/a call to trade/, [
    "Ώρα για αγορές, μην το χάσετε.",
    "Ai chưa vào thì vào nhanh kẻo lỡ tàu nha.",
    "Dags att sälja innan botten går ur.",
    "Kto nie kupi teraz, ten będzie żałował.",
    "Siguradong babawi ito bukas, bili na kayo!",
    "nakupte teď.",
    "vindeți acum.",
    "готовьте покупки, не пропустите.",
  ]);
  refused(/a call to trade/, [
    "Short BTC here.",
    "Long.",
    "Time to buy.",
    "Great entry here.",
    "Buy the dip now.",
    "Long ETH here.",
    "Load up before it's too late.",
    "Don't miss this.",
    "I'm buying more here.",
    "Now is the time to accumulate.",
    "This is your chance.",
    "Be greedy when others are fearful.",
  ]);
  refused(/a promised return/, [
    "This one can't lose.",
    "You won't regret holding.",
    "Guaranteed gains for holders.",
    "Risk-free trade.",
    "100% it pumps.",
  ]);
});

Deno.test("promisesIn reads the other languages people write drafts in", () => {
  refused(/a prediction/, [
    "Bitcoin subirá pronto.",
    "Va a subir mucho.",
    "Der Kurs wird steigen.",
    "爆上げ確定！",
    "将会上涨",
  ]);
  refused(/a prediction/, [
    "Se viene un rally enorme.",
    "무조건 오른다.",
    "Bu hafta yükselecek.",
    "これは確実に反発する。",
    "Moon mission starts now.",
    "Reclaims 0.25 by Sunday, bet.",
    "Ça va continuer à monter, c'est sûr.",
    "Anh em vào lệnh đi, sắp bay rồi.",
    "To dopiero początek wzrostów.",
    "Bentar lagi pasti tembus ke atas.",
    "Дальше будет только хуже.",
    "곧 반등 나옵니다.",
    "Itaendelea kupanda.",
    "Desk view: continuation is our base case for the next session.",
  ]);
  refused(/a call to trade/, [
    "Compra ahora.",
    "今が買い時です。",
    "지금 사세요",
    "No te quedes fuera.",
    "Bu fiyat kaçmaz, hemen al.",
    "지금 타라.",
    "今すぐ拾え。",
    "Buradan dönüş gelir, kaçırmayın.",
    "kupujcie póki tanio",
    "Dit gaat nog veel verder, stap nu in.",
    "Це лише початок, тримайте позиції.",
    "لا تفوتوا الفرصة.",
    "nunua sasa!",
  ]);
  refused(/a promised return/, ["Ganancia garantizada.", "稳赚不赔"]);
});

Deno.test("promisesIn lets description, careful context and conditions on a level through", () => {
  for (
    const text of [
      "Watch whether volume confirms the move.",
      "Short blog note. Bollinger bands frame where price usually sits.",
      "Long story short: the close sat outside the band.",
      "It goes up and down all day; that is what volatility means.",
      "Moves this size often get retested.",
      "Overbought can stay overbought; it is a warning, not a sell signal.",
      "Fear can deepen before it fades.",
      "Price often snaps back to the middle band, or rides the band in a strong trend.",
      "Follow-through over the next candles will tell more.",
      "Volume and breadth will show whether it holds.",
      "Oversold readings can come before a bounce, but in a downtrend they can persist.",
      "Sharp drops can draw dip buyers or extend; watch how price reacts at recent support.",
      "The index gauges mood, not timing: extremes in either direction call for caution.",
      "BTC rose 5.2% ahead of next week's CPI print.",
      "A close back below the band would undo the breakout.",
      "If it holds above 3,100, the breakout stands; a close below would weaken it.",
      "Bulls must hold 3,100 for the trend to stand.",
      "Nobody can say whether it will rally.",
      "It will be up to the next candles to confirm.",
      "AVAX came next, up 6.6%.",
      "As soon as it broke out, volume jumped.",
      "Short interest rose and long liquidations hit 40M.",
      "Make sure to check liquidity.",
      "If volume dries up, the move may lose steam.",
      "The move could fade or extend; the data does not say which.",
      "AVAX is now at 35.61 after a 6.6% gain in 4h.",
      "More details will follow.",
      "Volume will tell whether this is conviction or a one-off.",
      "It may be noise.",
      "Expect headlines to follow the move, not lead it.",
      "A retest of the breakout level would be normal after a move this size.",
      "Nothing in this data says where price goes next.",
    ]
  ) assert.deepEqual(promisesIn(text), [], text);
});

Deno.test("promisesIn refuses predictions worded without a number or a modal", () => {
  refused(/a prediction/, [
    "Strap in, see you at the moon.",
    "See y'all at the highs.",
    "Shorts are about to get completely destroyed.",
    "It only moves one way.",
    "Goes vertical from these levels.",
    "We retake 3,350.50 before Friday.",
    "Price gets back to 2.45 before the month is out.",
    "ETH se va a la luna.",
  ]);
  refused(/a call to trade/, [
    "You'll regret not buying this.",
    "Compren ya, no esperen.",
    "지금 안 사면 후회할 거예요.",
    "買わないと後悔するぞ。",
  ]);
  for (
    const text of [
      "It went vertical on the 1h chart.",
      "Volume went vertical before the close.",
      "See the chart at the top of the thread.",
      "It closed at 2.45 the day before.",
    ]
  ) assert.deepEqual(promisesIn(text), [], text);
});

Deno.test("promisesIn reads a move said to begin or to give way, and a trade held up to follow", () => {
  refused(/a prediction/, [
    "The next leg up begins tomorrow.",
    "Another squeeze is loading.",
    "No way support holds through the weekend.",
    "Es geht morgen richtig los.",
    "Bald steigt der Kurs.",
    "下がるのは時間の問題だ。",
    "ここからまだ伸びる。",
    "即将起飞。",
  ]);
  refused(/a call to trade/, [
    "We'd be shorting any rally into 3.40.",
    "I would be adding on every red candle.",
    "I'm longing this breakout, so should you.",
    "Bought some, you should do the same.",
    "Sofort zugreifen!",
    "今すぐ売り。",
    "赶快抄底。",
  ]);
  for (
    const text of [
      "You should also know RSI can stay overbought.",
      "The next leg of the data comes from the news feed.",
      "I'd be careful reading too much into one candle.",
      "Gleich geblieben ist nur das Volumen.",
      "价格很快跌回了均线下方。",
      "今買い物中。",
    ]
  ) assert.deepEqual(promisesIn(text), [], text);
});

Deno.test("promisesIn reads a multiplying move and an entry call in Spanish, and a rebound in Japanese", () => {
  refused(/a prediction/, [
    "Este token se va a duplicar.",
    "Vai multiplicar até o fim do mês.",
    "El precio rebotará desde aquí.",
    "ここから一気に急騰します。",
    "来週には反転します。",
    "天井確定だと思う。",
  ]);
  refused(/a call to trade/, ["Entren ya, después será tarde.", "Entre agora no dip."]);
  for (
    const text of [
      "El volumen se duplicó en una hora.",
      "昨日は反発しました。",
      "反発する場面もあったが、終値は下落。",
      "Entre ayer y hoy cambió poco.",
    ]
  ) assert.deepEqual(promisesIn(text), [], text);
});

Deno.test("promisesIn reads a forecast owned as one, and a session to come", () => {
  refused(/a prediction/, [
    "Back above the band before this weekend.",
    "Higher before tomorrow's open.",
    "Calling it now: 3,000 holds.",
    "I'm calling the bottom here.",
  ]);
  for (
    const text of [
      "A quick look before tonight's stream: RSI at 71 on the 15M.",
      "Posted before tomorrow's newsletter, 15M chart attached.",
      "Calling it a day after a 4% move.",
      "It was up 5% before the weekend.",
    ]
  ) assert.deepEqual(promisesIn(text), [], text);
});

Deno.test("promisesIn reads a bottom said to be in, a sure move and missing out, in more languages", () => {
  refused(/a prediction/, [
    "Das war der Boden.",
    "Дно пройдено, дальше только рост.",
    "Le plus dur est passé, la suite ne peut être que haussière.",
    "Ojo, que esto rebota seguro.",
    "Tohle se brzy otočí.",
    "Dit gaat morgen nog veel hoger, let maar op.",
    "Terug naar 0.5 is een kwestie van tijd.",
    "0.5まで戻すのは時間の問題。",
  ]);
  refused(/a call to trade/, [
    "Jetzt heißt es nachkaufen.",
    "Yo ya estoy dentro.",
    "מי שלא נכנס עכשיו יפספס את הגל הבא.",
  ]);
  refused(/a call to trade|a promised return/, [
    "Smart money is already positioned; you know what comes next.",
  ]);
  for (
    const text of [
      "Der Kurs fiel auf den Boden der Spanne von gestern.",
      "El precio rebotó 2% en una hora.",
      "Dit ging gisteren 3% hoger.",
      "Share charts, not price targets, please.",
    ]
  ) assert.deepEqual(promisesIn(text), [], text);
});

/** Each text makes a forbidden statement. */
function refusesEach(texts: string[]) {
  for (const text of texts) assert.notDeepEqual(promisesIn(text), [], text);
}

/** No text makes one. */
function allowsEach(texts: string[]) {
  for (const text of texts) assert.deepEqual(promisesIn(text), [], text);
}

Deno.test("predictions and calls of held-out sets ad and ae, in their languages", () => {
  refusesEach([
    "It's rolling over from here.",
    "Short it, this one is finished.",
    "Calling 0.61 before the weekend.",
    "Buying here, selling at 0.61.",
    "Vamos a ver un rebote fuerte esta semana, yo ya compré.",
    "Objetivo: 0.61 en los próximos días.",
    "Prochain objectif : 0.61.",
    "Retour à 0.044 très bientôt, j'en suis sûr.",
    "Цель — 0.61, держим.",
    "0.044 seviyesine geri dönecek, eminim.",
    "Segera ke bulan, buruan serok sebelum telat!",
    "곧 0.61까지 갑니다.",
    "0.61まで一直線、間違いない。",
    "Vai bater 0.61 até sexta, pode anotar.",
  ]);
});

Deno.test("predictions and promises of held-out sets af and ag", () => {
  refusesEach([
    "Easiest trade of the month, you honestly can't mess this one up.",
    "Bottom is confirmed, those lows are never coming back.",
    "Next station: orbit",
    "Generational entry. You will be telling people you bought here.",
    "Whales are accumulating, the breakout is a done deal.",
    "Watch it snap back to 0.52 this week.",
    "0.63 before the month is out, screenshot this.",
    "Alert set at 0.63, it tags it within days.",
    "Easy 0.63 from here, I would bet the house on it.",
    "Vuelve a 0.52 antes del domingo, apúntenlo.",
    "Objectif 0.63 d'ici la fin de la semaine.",
    "0.63 hedefi çok yakında gelir.",
    "곧 0.63 찍습니다.",
    "很快就会回到0.52。",
    "Revine la 0.52 până la sfârșitul săptămânii.",
  ]);
  assert.deepEqual(promisesIn("Price often snaps back to the middle band."), []);
});

Deno.test("predictions and calls of held-out sets ah and ai", () => {
  refusesEach([
    "Set and forget, this is going way higher.",
    "Entrate adesso, da qui si sale e basta.",
    "Kaçıran ağlar, bu coin uçuşa geçiyor.",
    "This is the cheapest it will ever be again.",
    "Bottom's in, load the bags.",
    "The bears get checkmated next, book it.",
    "It rips the moment the weekend starts.",
    "Price magnet at 0.63; it gets there this week.",
    "Back to 0.52 before Friday's close, watch.",
    "A retest of 0.52 comes first, then 0.63.",
    "Memo to self: it tags 0.63 this week.",
    "Bis Monatsende steht der Kurs wieder bei 0.52.",
    "Скоро увидим 0.63, не сомневайтесь.",
    "Itarudi 0.52 kabla ya Ijumaa.",
  ]);
  assert.deepEqual(promisesIn("Different exchanges may print slightly different values."), []);
});

Deno.test("predictions and calls of held-out sets aj and ak", () => {
  refusesEach([
    "Floor is in. Never seeing these prices again.",
    "Shorts are about to get wiped, grab a seat.",
    "Quem não entrar agora vai chorar depois.",
    "The reversal has started and nothing is stopping it.",
    "Sell the couch, buy this dip.",
    "Pode comprar sem medo, daqui só sobe.",
    "اشترِ الآن، الصعود مضمون.",
    "Outlook: clear skies and 0.63 by Monday.",
    "Next checkpoint 0.63, then we talk about the moon.",
    "Binnenkort weer op 0.52, let maar op.",
    "Balik ke 0.52 besok, percaya deh.",
  ]);
  allowsEach([
    "How an indicator behaved before guarantees nothing.",
    "Nana, the short average just crossed the long one. Short: 0.05534. Long: 0.05527.",
  ]);
});

Deno.test("predictions and calls to trade in Romanian, Hausa, Zulu and Irish", () => {
  refused(/a prediction/, [
    "Prețul va crește mult, credeți-mă.",
    "Farashi zai tashi sosai.",
    "Intengo izokhuphuka kakhulu.",
    "Beidh sé ag eitilt faoin Aoine.",
  ]);
  refused(/a call to trade/, [
    "Cumpărați acum, nu mai așteptați.",
    "Ku saya yanzu kafin ya yi latti.",
    "Thenga manje ngaphambi kokuthi kube sekwephuzile.",
    "Ceannaigh anois sula mbeidh sé ródhéanach.",
    "Køb nu, før det er for sent.",
  ]);
  allowsEach([
    "Prețul a crescut în ultimele 24 de ore.",
    "Intengo ikhuphuke ezinsukwini ezedlule.",
  ]);
});

Deno.test("orders the reader is told to set, and a setup said never to fail", () => {
  refusesEach([
    "Set your buy orders now — this setup never fails.",
    "Place your limit buy orders under the range.",
    "This setup never fails.",
    "A strategy that always wins.",
  ]);
  allowsEach([
    "Orders on the book thinned out overnight.",
    "The alert fires when the setup appears; it says nothing about what follows.",
  ]);
});

Deno.test("an Italian call with its explosion to come, a multi-bagger, a lead taken now", () => {
  refusesEach(["Compratelo subito, tra poco esplode.", "Setup looks like a 3xbagger."]);
  allowsEach([
    "And HYPE surges ahead! +7.6% across the 24h window.",
    "🚨 SAFE 🔴 dump alert 🚨 📉 -7.4% in 24h",
  ]);
});

Deno.test("a call closing a sentence after a comma, and the last dip you'll see, in English and Russian", () => {
  refusesEach([
    "This is the last dip you'll see at these levels, load up.",
    "Сейчас лучшее время купить, дальше будет только дороже.",
  ]);
  allowsEach(["The mood turned, then settled.", "Bags were light, so was volume."]);
});

Deno.test("a German move tomorrow with its exit call, and a Spanish bet on tomorrow", () => {
  refusesEach([
    "Das fällt morgen weiter, jetzt raus!",
    "Apuesto lo que quieras a que mañana sube todavía más.",
  ]);
  allowsEach(["Morgen erscheint der Wochenbericht.", "Mañana publicamos el resumen semanal."]);
});

Deno.test("'due' is a forecast in English but 'two' in Italian", () => {
  refusesEach(["A bounce is due.", "A 20% rally is due soon."]);
  allowsEach(["2/2 Le due si sono incrociate (golden cross).", "Le due medie distano 0.3%."]);
});
