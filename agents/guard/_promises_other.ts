/**
 * Predictions, calls to trade and promised returns in the languages crypto
 * drafts are most often written in besides English: Spanish, Portuguese,
 * French, German, Japanese, Chinese and Korean. The product writes English;
 * these are for drafts people write and check with `creator draft check`.
 * Each line binds a future form or a trade verb to a move, as the English
 * grammar does, in fewer words.
 */

const PREDICTIONS: RegExp[] = [
  // es / pt: "va a subir", "subirá", "vai disparar", "llegará a".
  /\b(?:va|van|vai|vão) a?\s?(?:subir|bajar|caer|cair|explotar|explodir|disparar|despegar|romper|superar|llegar|chegar)\b|\b(?:subir|bajar|caer|cair|explotar|explodir|disparar|llegar|chegar|romper)á(?:n|o)?(?!\p{L})|\bprecio objetivo\b|\bpreço[- ]alvo\b|\b(?:hacia|a) la luna\b|\b(?:rumo|para) à lua\b|\bpara a lua\b/iu,
  // fr / de: "va monter", "montera", "wird steigen", "Kursziel".
  /\b(?:va|vont) (?:monter|baisser|exploser|chuter|grimper|atteindre)\b|\b(?:monter|baisser|exploser|chuter|grimper|atteindr)(?:a|ont)\b|\bobjectif de (?:prix|cours)\b|\bwird (?:\p{L}+ )?(?:steigen|fallen|explodieren|durchstarten|erreichen)\b|\bkursziel\b/iu,
  // ja / zh / ko: "上がるでしょう", "爆上げ確定", "将上涨", "오를 것".
  /(?:上が|上昇す|下落す|下が|到達す)る(?:でしょう|はず|見込み|予定|だろう)|爆上げ(?:確定|間近|必至)|目標価格|将(?:会)?(?:上涨|下跌|暴涨|突破|达到)|会涨|会跌|必涨|目标价|(?:오를|상승할|하락할|떨어질|갈) (?:것|거)|폭등 (?:예정|임박)|목표가/u,
];

const CALLS: RegExp[] = [
  /\b(?:compra|comprar|compre|compren|comprad|comprem|vende|vender|venda|vendan|vended|vendam)\s(?:ya|ahora|agora|já)(?![\p{L}])|\b(?:achetez|achète|vendez|vends) (?:maintenant|vite)\b|\b(?:jetzt|sofort) (?:kaufen|verkaufen)\b|\b(?:kauf|kaufe|kauft) jetzt\b/iu,
  /今(?:すぐ|が)?買(?:い時|え|う)|買い時|現在買入|赶紧买|马上买|现在买|지금 (?:사|매수)|매수하세요|매도하세요/u,
  // Regret to come: "지금 안 사면 평생 후회", "後悔するぞ", "会后悔", "te arrepentirás".
  /후회(?:합니다|할|하게|해요|한다)|後悔(?:する|します|しない)|会后悔|會後悔|\bte (?:vas a )?arrepentir(?:ás)?\b|\b(?:vai|vão) se arrepender\b/i,
];

const RETURNS: RegExp[] = [
  /\bgarantizad[oa]s?\b|\bgarantid[oa]s?\b|\bgaranti(?:e|es|s)?\b|\bgarantiert\b|\bsin riesgo\b|\bsem risco\b|\bsans risque\b|\b(?:risikofrei|ohne risiko)\b|\bdinero f[áa]cil\b|\bdinheiro f[áa]cil\b|\bargent facile\b|\bleichtes geld\b/iu,
  /必ず(?:上が|儲か)|確実に(?:上が|儲か)|絶対(?:上が|儲か)|損しない|稳赚|保证(?:收益|赚)|无风险|보장|무위험|확실히 오/u,
];

export const OTHER_LANGUAGES: Array<[string, RegExp[]]> = [
  ["a prediction", PREDICTIONS],
  ["a call to trade", CALLS],
  ["a promised return", RETURNS],
];
