import assert from "node:assert/strict";
import { tenseOf } from "./_tense.ts";

/** The tense of the figure at `{}` in `sentence`; `[]` is the next figure, 57. */
function tense(sentence: string) {
  const at = sentence.indexOf("{}");
  const before = sentence.slice(0, at).replace("[]", "57");
  const rest = sentence.slice(at + 2);
  const next = rest.indexOf("[]");
  const upToNext = next < 0 ? rest : rest.slice(0, next);
  return tenseOf(before, before, rest.replace("[]", "57"), upToNext);
}

Deno.test("tenseOf reads past words before and after a figure", () => {
  assert.equal(tense("It opened the day at {}").past, true);
  assert.equal(tense("It sat at {} a day ago").past, true);
  assert.equal(tense("It sits at {} now").past, false);
  assert.equal(tense("Ayer estaba en {}").past, true);
  assert.equal(tense("Ontem estava em {}").past, true);
  assert.equal(tense("現在{}ドル（24h前は[]ドル）").past, false);
  assert.equal(tense("現在[]ドル（24h前は{}").past, true);
  assert.equal(tense("目前{}").past, false);
  assert.equal(tense("어제 {}").past, true);
  assert.equal(tense("Subiu de {} para []").past, true);
  assert.equal(tense("Subió de [] a {}").past, false);
  assert.equal(tense("Media de {} frente a []").past, false);
});

Deno.test("tenseOf leaves a past word to the figure it leads into", () => {
  assert.equal(tense("Index {} 🙂 yesterday it was []").past, false);
  assert.equal(tense("Index {} → Fear").past, false);
  assert.equal(tense("{} → [] over the day").past, true);
  assert.equal(tense("Mean {} vs [] the day before").past, false);
  assert.equal(tense("Mean {} the day before").past, true);
  assert.equal(tense("It tags {} before the week is out").past, false);
  assert.equal(tense("Set against {}").anyTense, true);
});

Deno.test("tenseOf reads a terse 'prev' and past words in French and German", () => {
  assert.equal(tense("RSI 41 | prev {}").past, true);
  assert.equal(tense("RSI {} | prev []").past, false);
  assert.equal(tense("Moyenne à {} la veille").past, true);
  assert.equal(tense("D'hier à aujourd'hui, de [] à {}").past, false);
  assert.equal(tense("Gestern lag der Kurs bei {}").past, true);
  assert.equal(tense("Kurs {} am Vortag").past, true);
  // German "hier" is "here", not the French "yesterday".
  assert.equal(tense("Hier steht der Kurs bei {}").past, false);
  assert.equal(tense("Indice [] contre {}").anyTense, true);
  assert.equal(tense("Index [] gegenüber {}").anyTense, true);
});

Deno.test("tenseOf lets a present verb undo the past words before it", () => {
  assert.equal(tense("Open a week ago: [] It trades near {}").past, false);
  assert.equal(tense("A day earlier it hovered, and now it is around {}").past, false);
  assert.equal(tense("Open a week ago: {}").past, true);
});

Deno.test("tenseOf reads past and present words in Russian, Turkish and Indonesian", () => {
  assert.equal(tense("Цена была {}, сейчас []").past, true);
  assert.equal(tense("Цена была [], сейчас {}").past, false);
  assert.equal(tense("Вчера индекс {}").past, true);
  assert.equal(tense("Индекс {} неделю назад").past, true);
  assert.equal(tense("Dün endeks {}").past, true);
  assert.equal(tense("Endeks {} idi").past, true);
  assert.equal(tense("Endeks şimdi {}").past, false);
  assert.equal(tense("Kemarin [], sekarang {}").past, false);
  assert.equal(tense("Kemarin {}").past, true);
});

Deno.test("tenseOf reads 'before' a time to come as no past word", () => {
  assert.equal(tense("A short note before tonight's call: RSI {}").past, false);
  assert.equal(tense("Posted before next week's print, RSI {}").past, false);
  assert.equal(tense("The close the day before: {}").past, true);
});

Deno.test("tenseOf reads a start, yesterday and 'from' in more languages", () => {
  assert.equal(tense("closed at [] after starting the 24h window at {}").past, true);
  assert.equal(tense("Gisteren was dat nog {}").past, true);
  assert.equal(tense("ดัชนีวันนี้อยู่ที่ [] เมื่อวานอยู่ที่ {}").past, true);
  assert.equal(tense("μέσος όρος [] στις τελευταίες 24 ώρες, από {}").past, true);
});
