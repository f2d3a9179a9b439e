/**
 * Predictions, calls to trade and promised returns in the languages crypto
 * drafts are written in besides English: Spanish, Portuguese, French, German,
 * Japanese, Chinese and Korean first, then some thirty more. The product writes English;
 * these are for drafts people write and check with `creator draft check`.
 * Each line binds a future form or a trade verb to a move, as the English
 * grammar does, in fewer words.
 */

const PREDICTIONS: RegExp[] = [
  // es / pt: "va a subir", "se va a multiplicar", "subirá", "vai disparar", "llegará a".
  /\b(?:va|van|vai|vão) a?\s?(?:subir|bajar|caer|cair|explotar|explodir|disparar(?:se)?|despegar|decolar|romper|superar|llegar|chegar|multiplicar(?:se)?|duplicar(?:se)?|triplicar(?:se)?|volar|voar|rebotar|repuntar|recuperar(?:se)?|hundir(?:se)?|desplomar(?:se)?|despencar|bombar|bater|tocar|alcanzar|alcançar|atingir)\b|\b(?:subir|bajar|caer|cair|explotar|explodir|disparar|llegar|chegar|romper|multiplicar|duplicar|triplicar|rebotar|despegar|decolar|desplomar|despencar)á(?:n|o)?(?!\p{L})|\bprecio objetivo\b|\bpreço[- ]alvo\b|\b(?:hacia|a) la luna\b|\b(?:rumo|para) à lua\b|\bpara a lua\b/iu,
  // fr / de: "va monter", "montera", "wird steigen", "Kursziel".
  /\b(?:va|vont) (?:monter|baisser|exploser|chuter|grimper|atteindre)\b|\b(?:monter|baisser|exploser|chuter|grimper|atteindr)(?:a|ont)\b|\bobjectif de (?:prix|cours)\b|\bwird (?:\p{L}+ )?(?:steigen|fallen|explodieren|durchstarten|erreichen)\b|\bkursziel\b/iu,
  // de: a move with a time to come, "geht bald richtig ab", "bald steigt er", "zum Mond".
  /\bgeht(?:'?s)?\s(?:\p{L}+\s){0,3}?(?:bald|demnächst|gleich|morgen)\s(?:\p{L}+\s){0,3}?(?:ab|hoch|los|durch die decke)(?![\p{L}])|\b(?:bald|demnächst|gleich|morgen)\s(?:\p{L}+\s){0,3}?(?:steigt|steigen|fällt|fallen|explodiert|explodieren|startet \p{L}+ durch|geht(?:'?s)? (?:\p{L}+\s)?(?:ab|hoch|los))(?![\p{L}])|\bzum mond\b/iu,
  // ja / zh / ko: "上がるでしょう", "爆上げ確定", "将上涨", "오를 것".
  /(?:上が|上昇す|下落す|下が|到達す)る(?:でしょう|はず|見込み|予定|だろう)|爆上げ(?:確定|間近|必至)|目標価格|将(?:会)?(?:上涨|下跌|暴涨|突破|达到)|会涨|会跌|必涨|目标价|(?:오를|상승할|하락할|떨어질|갈) (?:것|거)|폭등 (?:예정|임박)|목표가/u,
  // ja: a move said to be certain, or to come from here: "上がるのは確実", "ここからさらに上がる",
  // "ここから反発します"; a move in the plain or polite non-past closing a sentence is one to come
  // ("来週には反発します"), and so is a bottom or top said to be in ("底打ち確定").
  /(?:上が|下が|上昇す|下落す|伸び|戻|到達す|暴騰す)る(?:の|こと)?(?:は|が)?(?:確実|確定|間違いない|必至|時間の問題)|ここから(?:さらに|まだ|もっと|一気に)?(?:(?:上が|下が|戻)(?:る|ります)|伸び(?:る|ます)|(?:上昇|下落|爆上げ|反発|反転|急騰|暴騰|暴落|急落|回復|高騰)(?:する|します))|(?:上昇|下落|反発|反転|急騰|暴騰|暴落|急落|高騰|爆上げ)(?:する|します)(?:でしょう|はず|よ|ぞ|ね)?(?:[。.!！]|$)|(?:底|天井)(?:打ち)?(?:確定|完了)/u,
  // es: a move announced as coming, "se viene un pump enorme", "se vienen subidas".
  /\bse vienen? (?:\p{L}+ ){0,2}?(?:pump|dump|subidas?|bajadas?|ca[íi]das?|rally|explosi[óo]n|rebote|despegue)(?![\p{L}])/iu,
  // ko: a move in the plain present closing a clause is one to come ("무조건 오른다"); tr: the
  // future tense of a move ("yükselecek", "uçacak"), and a price said never to come back.
  /(?:무조건|반드시|확실히|곧)\s?(?:오른|올라|상승|폭등|떡상|간다)|(?:오른다|올라간다|떨어진다|내려간다|간다)(?=\s*(?:[,.!。]|$))|\b(?:yükselecek|düşecek|uçacak|patlayacak|çıkacak|toparlanacak)\b|\bbir daha (?:gelmez|görmeyeceksin|göremezsin)\b/iu,
  // ja: a move said to be certain: "確実に反発する", "絶対に戻る".
  /(?:確実に|絶対に?|間違いなく)(?:上が|下が|反発|反転|上昇|下落|戻|伸び|爆上げ|急騰|高騰|暴騰)/u,
  // zh: a move about to happen, "马上就要拉盘了", "即将起飞".
  /(?:马上|即将|快要|就要)就?(?:要|会)?(?:拉盘|起飞|暴涨|大涨|上涨|拉升|暴跌|大跌|下跌|砸盘|突破|爆发|反弹|新高|涨|跌)/u,
  // fr: "ça va continuer à monter", "va encore grimper".
  /\b(?:va|vont) (?:continuer (?:à|de) |encore |bientôt |forcément )(?:monter|baisser|grimper|chuter|exploser|descendre)\b/iu,
  // tr: a move said to come: "buradan dönüş gelir" (a reversal comes from here).
  /(?<![\p{L}])(?:dönüş|yükseliş|düşüş|sıçrama|ralli|pump)\s+gel(?:ir|ecek)(?![\p{L}])|(?<![\p{L}])buradan\s+(?:dönüş|yükseliş|düşüş|sıçrama)/iu,
  // vi: "sắp bay" (about to fly), "sẽ tăng" (will rise).
  /(?<![\p{L}])(?:sắp|sẽ|chắc chắn)\s+(?:bay|tăng|giảm|lên|xuống|nổ|bứt phá|hồi phục|pump|x\d)(?![\p{L}])/iu,
  // pl: "to dopiero początek wzrostów", "wzrośnie", "spadnie".
  /dopiero początek|(?<![\p{L}])(?:wzrośnie|wzrosną|spadnie|spadną|poleci|wystrzeli)(?![\p{L}])/iu,
  // id: "bentar lagi pasti tembus ke atas", "akan naik".
  /(?<![\p{L}])(?:pasti|bakal|akan|segera)\s+(?:\p{L}+\s+){0,2}?(?:naik|turun|tembus|terbang|meledak|mantul|rebound|pump|to the moon)(?![\p{L}])/iu,
  // hi: "और ऊपर जाएगा" (will go further up), "बढ़ेगा", "गिरेगा".
  /(?:ऊपर|नीचे) जाएगा|बढ़ेगा|गिरेगा|चढ़ेगा/u,
  // nl: "dit gaat nog veel verder", "zal stijgen".
  /(?<![\p{L}])(?:gaat|zal|gaan|zullen)\s+(?:nog\s+)?(?:veel\s+)?(?:verder|stijgen|dalen|omhoog|omlaag|knallen|exploderen)(?![\p{L}])/iu,
  // ru / uk: "дальше будет только хуже", "это только начало", "вырастет", "лише початок".
  /(?:будет|буде)\s+(?:только\s+|лише\s+)?(?:хуже|лучше|выше|ниже|гірше|краще|вище|нижче|расти|падать|рости|падати)|(?:только|лишь|лише|тільки)\s+начал\p{L}*|(?:только|лишь|лише|тільки)\s+початок|(?<![\p{L}])(?:вырастет|упад[её]т|полетит|взлетит|зросте|впаде|полетить)(?![\p{L}])/iu,
  // th: "ขึ้นต่อแน่นอน" (will surely keep rising), "จะขึ้น", "จะลง".
  /ขึ้นต่อ|ลงต่อ|จะ(?:ขึ้น|ลง|พุ่ง|ร่วง|เด้ง)|แน่นอน/u,
  // ar: "الصعود القادم قريب" (the next rise is near), "سيرتفع".
  /(?:الصعود|الارتفاع|الهبوط|الانفجار)\s+القادم|(?<![\p{L}])(?:سيرتفع|سينخفض|سيصعد|سيهبط|سينفجر)/u,
  // ko: "곧 반등 나옵니다" (a rebound comes soon).
  /곧\s?(?:반등|상승|폭등|하락|급등|떡상|펌핑)/u,
  // sw: "itaendelea kupanda" (it will keep rising), "itapanda".
  /(?<![\p{L}])(?:itaendelea\s+(?:kupanda|kushuka)|itapanda|itashuka|itaruka)(?![\p{L}])/iu,
  // ja: a move from now on, "これから暴落する"; zh: "一定會噴" (it will surely pump); ru: "дальше
  // только вверх" (only up from here); fr: "va rebondir".
  /これから(?:\p{L}{0,4})?(?:暴落|急落|下落|上昇|暴騰|急騰|反発|上が|下が|伸び)|一定[會会](?:噴|喷|漲|涨|跌|暴|飛|飞|拉|反彈|反弹)|(?:дальше|теперь)\s+только\s+(?:вверх|вниз)|(?:va|vont) (?:\p{L}+ )?(?:rebondir|remonter|repartir|s'envoler|décoller)(?![\p{L}])/iu,
  // he: "זה הולך לטוס" (it's going to fly); bn: "আরও উঠবে" (will rise more); ur: "اوپر جائے گا" (will
  // go up); gsw: "das gaht no vil höcher"; sv: "drar iväg" (takes off).
  /הולך ל(?:טוס|עלות|רדת|התפוצץ)|(?:উঠবে|নামবে|বাড়বে|পড়বে)|(?:اوپر|نیچے) جائے گا|gaht no vil (?:höcher|abe)|\bdrar iväg\b/iu,
  // it: "salirà", "scenderà", "sale ancora, fidatevi".
  /(?<![\p{L}])(?:salirà|scenderà|esploderà|volerà)(?![\p{L}])|(?<![\p{L}])(?:steigt|fällt|sinkt|klettert|stürzt) morgen(?![\p{L}])|(?<![\p{L}])mañana (?:sube|baja|cae|sigue subiendo|sigue bajando|explota)(?![\p{L}])|(?<![\p{L}])tra poco (?:esplode|sale|vola|parte|scende)(?![\p{L}])|(?<![\p{L}])(?:sale|scende) ancora(?![\p{L}])/iu,
  // de: "das geht noch deutlich weiter" (this goes a lot further), "wir sehen bald wieder …"; pt / es:
  // "vai voltar aos …" (will go back to); fr: "on revoit … très vite" (we'll see … again soon).
  /\bgeht\s(?:noch\s)?(?:(?:deutlich|viel|weit|locker|sicher)\s)?weiter\b|\bsehen\s(?:\p{L}+\s)?bald\b|\bbald wieder\b|\b(?:vai|vão|va|van) a?\s?(?:voltar|volver|regresar|retornar)\b|\bon (?:revoit|reverra)\b/iu,
  // el: "Έρχεται μεγάλο ράλι" (a big rally is coming); ro: "urmează o scădere" (a fall follows);
  // ru: "скоро будет разворот" (a reversal soon); cs: "brzy vystřelí" (will shoot up soon).
  /(?:έρχεται|ερχεται)\s+(?:\p{L}+\s+){0,2}?(?:ράλι|άνοδος|πτώση|έκρηξη|pump|dump|rally)|(?<![\p{L}])urmează\s+(?:o |un )?(?:\p{L}+\s)?(?:scădere|creștere|cădere|prăbușire|explozie|rally|raliu|pump|dump)|скоро\s+(?:будет|начнётся|начнется|пойдёт|пойдет)\s+(?:\p{L}+\s+)?(?:разворот|памп|дамп|рост|падение|ралли|отскок|пробой|взл[её]т|вверх|вниз)|(?<![\p{L}])(?:vystřelí|vyletí|poroste|vzroste|klesne|spadne|vyroste)(?![\p{L}])/iu,
  // zh: "這波穩了" (this wave is in the bag), "繼續噴" (keeps pumping); fa: "این روند ادامه پیدا
  // می‌کند" (this trend goes on), "مطمئن باشید" (rest assured); ar: the future prefix on a move,
  // "سيستمر الصعود" (the rise will go on), "سيعود السعر" (the price will come back).
  /(?:這波|这波)(?:穩|稳)了|(?:繼續|继续|還會|还会)(?:噴|喷|漲|涨|飛|飞|拉|衝|冲|跌)|روند ادامه (?:پیدا )?(?:می‌کند|میکند|خواهد)|مطمئن باشید|(?:بالا|پایین) خواهد|(?<![\p{L}])(?:سيستمر|ستستمر|سيعود|ستعود|سيواصل|ستواصل|سيصل|ستصل|سيتجاوز|سيتخطى|سترتفع|ستنخفض|ستهبط|ستصعد)(?![\p{L}])/u,
  // ms / id: "confirm naik lagi" (sure to rise again); fil: the future of a move, "aakyat pa" (will
  // climb further), "babawi" (will recover); pl: "spodziewam się powrotu" (I expect a return).
  /(?<![\p{L}])(?:confirm|konfirm|gerenti|mesti|sure)\s+(?:\p{L}+\s+)?(?:naik|turun|terbang|meletup|meledak|pump|tembus)(?![\p{L}])|(?<![\p{L}])(?:aakyat|tataas|bababa|babagsak|babawi|lilipad|sasabog|aangat)(?![\p{L}])|(?<![\p{L}])(?:spodziewam się|oczekuję|oczekujemy)\s+(?:\p{L}+\s+)?(?:powrotu|wzrostu|spadku|odbicia|wybicia)/iu,
  // ja: "ここが底、あとは上がるだけ" (this is the bottom, only up from here); zh: "后面只会更高" (only
  // higher from here); it: "da qui si riparte verso l'alto" (from here it heads up again); hr: "ide
  // na Mjesec" (goes to the moon); ru: "разворот уже близко" (the reversal is near); vi: "sẽ về lại"
  // (will come back to); sw: "kabla bei haijapaa" (before the price soars).
  /(?:あと|後)は(?:上が|下が|伸び)るだけ|ここが(?:底|天井)|(?:只会|只會)更(?:高|低)|(?:^|[，,。.!！\s])(?:稳了|穩了)|da qui si riparte|(?<![\p{L}])ide na (?:mjesec|mesec)|(?:разворот|рост|памп|ралли|отскок|дно|пробой)\s+(?:уже\s+)?близ(?:ко|ок)|sẽ\s+(?:về lại|về|quay lại|trở lại|hồi)|kabla bei haija\p{L}+/iu,
  // "only up from here" and a price to come back, in more languages: bg "само нагоре", hu "csak
  // felfelé", ja "上しかない", lt "bus aukščiau" (will be higher), kk "жоғары болады" (will be
  // higher), af "die groot skuif kom nog" (the big move is still coming), no "rett til månen",
  // es "de vuelta a 23.18 antes del finde", pt "volta pra 0.05 rapidinho", vi "sắp về lại", sr
  // "враћа се на" (comes back to).
  /(?:само|лише|только)\s+(?:нагоре|надолу|вгору|вниз|вверх)|оттук нататък|(?<![\p{L}])csak (?:felfelé|lefelé)|(?:上|下)しかない|(?<![\p{L}])bus (?:aukščiau|žemiau)|(?:жоғары|төмен) болады|(?<![\p{L}])kom nog(?![\p{L}])|til månen|(?<![\p{L}])de vuelta (?:a|en) \$?\d|antes del (?:finde|fin de semana|viernes|lunes)|(?<![\p{L}])volta (?:pra|para) \$?\d|rapidinho|sắp về|враћа се на|врати се на/iu,
  // The bottom said to be in, or only one way left from here: de "das war der Boden", ru "дно
  // пройдено", fr "le plus dur est passé", "ne peut être que haussière", es "ya tocó fondo", pt "só
  // pode subir", it "il fondo è fatto", nl "de bodem ligt erin", pl "dno za nami", tr "dip gördü".
  /(?<![\p{L}])(?:das war (?:der|den) (?:boden|tiefpunkt)|(?:der )?boden ist (?:drin|da|erreicht|gefunden|gemacht))(?![\p{L}])|(?:дно|минимум|днище)\s+(?:уже\s+)?(?:пройден[оа]?|позади|позаду|найден[оа]?|сформирован[оа]?)|le plus dur est (?:passé|fait|derrière)|(?:ne )?(?:peut|pourra) (?:être|aller) que (?:haussi\p{L}+|baissi\p{L}+|monter|vers le haut)|ne (?:peut|pourra) que (?:monter|grimper|baisser)|(?<![\p{L}])(?:ya )?toc[óo] fondo|(?<![\p{L}])(?:solo|sólo|só) (?:puede|pode) (?:subir|bajar|ir hacia arriba|ir para cima)|o fundo (?:já )?(?:foi|ficou para trás|está feito)|il fondo è (?:fatto|alle spalle)|de bodem (?:ligt erin|is bereikt|is binnen)|(?<![\p{L}])dno (?:za nami|zaliczone|jest za nami)|(?<![\p{L}])dip(?:ten)? (?:gördü|görüldü|döndü)/iu,
  // A move said to be sure or a matter of time: es "rebota seguro", "seguro que sube", cs "se
  // brzy otočí", "garantuju"; "es cuestión de tiempo", "eine Frage der Zeit", "вопрос времени",
  // ja "時間の問題"; nl "gaat morgen nog veel hoger", "ik zie hem zo weer op"; hi "वापस आएगा"
  // (will come back); fa "به‌زودی به ماه می‌رسد" (reaches the moon soon).
  /(?<![\p{L}])(?:sube|baja|rebota|explota|revienta|vuela|despega|repunta|sobe|desce|explode|dispara)\s+(?:seguro|fijo|seguramente|com certeza|certeza)(?![\p{L}])|(?<![\p{L}])seguro que (?:sube|baja|rebota|explota|vuela|despega|repunta)|(?<![\p{L}])brzy (?:se )?(?:otočí|odrazí|vyletí|vystřelí|poroste|klesne|zvedne|vrátí)|(?<![\p{L}])(?:garantuju|garantuji|garantizo|garanto|garantisco|gwarantuję|гарантирую|гарантую|garandeer|ich garantiere)(?![\p{L}])|cuesti[óo]n de tiempo|quest(?:ão|ao) de tempo|question de temps|questione di tempo|frage der zeit|kwestia czasu|вопрос времени|питання часу|zaman meselesi|kwestie van tijd|時間の問題|时间问题|時間問題|시간문제|시간 문제|(?<![\p{L}])(?:gaat|zal|gaan|zullen)\s+(?:\p{L}+\s+){0,3}?(?:hoger|lager|omhoog|omlaag)(?![\p{L}])|(?<![\p{L}])(?:zie|zien) (?:hem|het|'m|deze|die|we) (?:\p{L}+ ){0,2}?weer op(?![\p{L}])|वापस (?:आएगा|जाएगा|आएगी)|लौटेगा|به(?:\u200c|\s)?زودی\s+(?:\p{L}+\s+){0,3}?(?:می\u200c?رسد|می\u200c?رود|خواهد)|به ماه|לירח/iu,
  // A move or a target said to come: es "vamos a ver un rebote fuerte", "Objetivo: 0.61", fr
  // "Prochain objectif : 0.61", "Retour à 0.04 très bientôt, j'en suis sûr", ru "Цель — 0.61", tr
  // "geri dönecek, eminim" (will come back, I'm sure), id "segera ke bulan" (to the moon soon), ko
  // "곧 0.61까지" (soon up to 0.61), ja "0.61まで一直線" (straight to 0.61), pt "pode anotar" (write
  // it down).
  /\bvamos a ver (?:un|una) (?:\p{L}+ )?(?:rebote|subida|bajada|ca[íi]da|rally|pump|dump|repunte|despegue)(?![\p{L}])|(?<![\p{L}])(?:objetivo|objectif|alvo|ziel|obiettivo)\s?[:=]?\s?\$?\d|prochain objectif|(?<![\p{L}])цель\s?[—:-]\s?\$?\d|(?<![\p{L}])retour (?:à|au|vers) \$?\d|j'en suis (?:sûr|certain)e?(?![\p{L}])|(?<![\p{L}])(?:geri )?dönecek(?![\p{L}])|(?<![\p{L}])eminim(?![\p{L}])|(?<![\p{L}])ke bulan(?![\p{L}])|곧\s?\$?[\d.,]+\s?까지|まで一直線|(?<![\p{L}])pode anotar(?![\p{L}])/iu,
  // Only one way from here, or a price sure to come back: pt "daqui só sobe", it "da qui si sale e
  // basta", ar "الصعود مضمون" (the rise is guaranteed), ru "Цель 0.63 уже на этой неделе" (the
  // target this week), "Скоро увидим" (we'll see soon), "не сомневайтесь" (no doubt), ja
  // "到達は確実" (reaching it is certain), "到達へ" (heading to reach), id "Balik ke 0.52 besok,
  // percaya deh" (back tomorrow, trust me), nl "Binnenkort weer op 0.52, let maar op" (soon back
  // at, just watch), tr "uçuşa geçiyor" (takes flight), de "Bis Monatsende steht der Kurs wieder
  // bei", zh "必回" (surely back), sw "itarudi" (will come back).
  /daqui só (?:sobe|desce)|مضمون|(?<![\p{L}])цель\s+\$?\d|(?:回復|到達|上昇|反発|下落|急騰)は(?:確実|確定)|(?<![\p{L}])balik ke \$?\d|percaya deh|(?<![\p{L}])binnenkort weer|let maar op|da qui si (?:sale|scende)|uçuşa geç\p{L}*|(?<![\p{L}])bis (?:zum )?(?:monatsende|wochenende|jahresende|freitag|montag|ende der woche)(?![\p{L}])|必回|скоро увидим|не сомневайтесь|到達へ|(?<![\p{L}])itarudi(?![\p{L}])/iu,
  // A price to come back to by a day: es "Vuelve a 0.52 antes del domingo, apúntenlo", ro "Revine la
  // 0.52 până la sfârșitul săptămânii", fr "d'ici la fin de la semaine", tr "hedefi çok yakında"
  // (the target, very soon), ko "곧 0.62 찍습니다" (hits 0.62 soon), "장담해요" (I guarantee it), zh
  // "很快就会回到" (will soon be back at), "下周必到" (surely reached next week).
  /(?<![\p{L}])(?:vuelve|volverá|regresa|regresará|revine|va reveni) (?:a|la) \$?\d|antes del (?:domingo|sábado|martes|miércoles|jueves)|(?<![\p{L}])ap[úu]nt(?:enlo|alo|ad)(?![\p{L}])|până la sfârșitul|d'ici la fin d|(?<![\p{L}])hedef\p{L}*(?![\p{L}])|(?<![\p{L}])çok yakında(?![\p{L}])|곧\s?\$?[\d.,]+\s?(?:을|를)?\s?(?:찍|회복|돌파|도달|갑)|장담|很快(?:就)?(?:会|會)|必到|必达|必達/iu,
  // ro: "va exploda", "va crește" (will rise); ha: "zai tashi" (will rise); zu: "izokhuphuka" (will
  // rise); ga: "beidh sé ag eitilt" (it will be flying).
  /(?<![\p{L}])va (?:exploda|crește|creşte|urca|scădea|zbura|sări|ajunge)(?![\p{L}])|(?<![\p{L}])(?:zai|za su|za ta) (?:tashi|fadi|hau|yi tashin)(?![\p{L}])|(?<![\p{L}])(?:izokhuphuka|izokwehla|izonyuka|izodlula)(?![\p{L}])|(?<![\p{L}])beidh (?:sé|sí|an praghas) ag (?:eitilt|ardú|titim)(?![\p{L}])/iu,
];

const CALLS: RegExp[] = [
  // "Buy now", "get in now" in more languages: ro "intrați acum", ha "ku saya yanzu", zu "thenga
  // manje", ga "ceannaigh anois", da "køb nu", no "kjøp nå", hr "kupite sada", bg "купете сега",
  // sq "blini tani", so "iibso hadda", az "indi alın", uz "hozir oling".
  /(?<![\p{L}])(?:intrați|intrati|cumpărați|cumparati|cumpără|vindeți) acum(?![\p{L}])|(?<![\p{L}])(?:ku |ka )?(?:saya|sayi|sayar) yanzu(?![\p{L}])|(?<![\p{L}])(?:thenga|thengani|thengisa) manje(?![\p{L}])|(?<![\p{L}])(?:ceannaigh|díol) anois(?![\p{L}])|(?<![\p{L}])(?:køb|sælg) nu(?![\p{L}])|(?<![\p{L}])(?:kjøp|selg) nå(?![\p{L}])|(?<![\p{L}])(?:kupite|kupi|prodajte|uđite) (?:sada|odmah)(?![\p{L}])|(?:купете|купи|продайте|влезте) (?:сега|веднага)|(?<![\p{L}])(?:blini|bli|shitni) (?:tani|menjëherë)(?![\p{L}])|(?<![\p{L}])(?:iibso|iibsada) hadda(?![\p{L}])|(?<![\p{L}])indi (?:alın|al|satın)(?![\p{L}])|(?<![\p{L}])hozir (?:oling|sotib oling|soting)(?![\p{L}])/iu,
  // it "Entrate adesso" (get in now), tr "Kaçıran ağlar" (who misses it cries).
  /(?<![\p{L}])(?:entrate|comprate|vendete|compra|vendi) adesso(?![\p{L}])|kaçıran ağlar/iu,
  // pt "Quem não entrar agora vai chorar depois" (who doesn't get in now will cry later), "Pode
  // comprar sem medo" (buy without fear); ar "اشترِ الآن" (buy now).
  /(?<![\p{L}])quem não (?:entrar|comprar)|vai chorar depois|comprar sem medo|اشتر(?:ِ|وا)? الآن/iu,
  // A trade already made, held up to follow: es "yo ya compré", pt "já comprei"; id "buruan serok
  // sebelum telat" (hurry, scoop it up before it's too late).
  /(?<![\p{L}])(?:(?:yo )?ya (?:compré|vendí)|já (?:comprei|vendi)|j'ai (?:déjà )?(?:acheté|vendu))(?![\p{L}])|(?<![\p{L}])(?:buruan (?:serok|beli|masuk|jual)|serok (?:sekarang|sebelum)|sebelum telat)(?![\p{L}])/iu,
  // "Ово је тренутак да се уђе" (now's the moment to get in), sk "bude to ľutovať" (will regret
  // it), ca "ho vendria tot abans que sigui tard" (I'd sell it all before it's too late), af "hou
  // vas" (hold on), no "bare vent" (just wait), vi "gom đi" (accumulate), kk "сеніңіз" (trust me).
  /тренутак да се уђе|уђите|(?<![\p{L}])(?:bude to|budeš to|budete to) ľutovať|abans que sigui tard|ho vendria tot|(?<![\p{L}])hou vas(?![\p{L}])|(?<![\p{L}])bare vent(?![\p{L}])|gom đi|сеніңіз/iu,
  // Regret or the sidelines for who stays out: "wie nu niet instapt, kijkt straks vanaf de zijlijn
  // toe", "kto nie kupi teraz", "bu treni kaçıran çok pişman olacak", "грех не зайти" (a sin not
  // to get in), "yo que tú no me quedaría fuera" (I wouldn't stay out), "ne propustite priliku"
  // (don't miss the chance), "nafasi ya mwisho kuingia" (the last chance to get in), "quem entrar
  // agora não se vai arrepender" (who gets in now won't regret it).
  /wie nu niet (?:instapt|koopt|verkoopt)|vanaf de zijlijn|(?<![\p{L}])kto nie (?:kupi|wejdzie|sprzeda)(?![\p{L}])|pişman ol(?:acak\p{L}*|ursun\p{L}*)|грех не (?:зайти|купить|взять|продать)|yo que (?:tú|vos) no me quedar\p{L}*|no me quedar[íi]a fuera|ne propustite|nafasi ya mwisho|\bse (?:vai|vão) arrepender\b/iu,
  // "Ώρα για αγορές" (time to buy), "μην το χάσετε" (don't miss it), "vào nhanh kẻo lỡ tàu" (get
  // in fast or miss the train), "dags att sälja" (time to sell), "bili na kayo" (buy now),
  // "nakupte teď" (buy now), "vindeți acum" (sell now), "готовьте покупки" (get your buys ready),
  // "kto nie kupi teraz, ten będzie żałował" (who doesn't buy now will regret it).
  /ώρα για (?:αγορ|πωλ)\p{L}*|μην το χάσετε|αγοράστε|πουλήστε|vào nhanh|kẻo lỡ|lỡ tàu|nhanh tay (?:mua|bán|vào)|(?<![\p{L}])dags att (?:köpa|sälja|gå in|kliva in)(?![\p{L}])|(?<![\p{L}])(?:bili|benta) na(?![\p{L}])|(?<![\p{L}])hold lang(?![\p{L}])|(?<![\p{L}])(?:nakupte|nakupujte|prodejte|kupte|vindeți|cumpărați)(?![\p{L}])|(?:vinde|cumpără) acum|готовьте (?:покупки|деньги|кошельки)|не пропустите|(?:będzie|będziesz|będziecie) żałowa\p{L}*|pożałujesz/iu,
  // "kaçırmayın" (don't miss it), "vào lệnh đi" (get in), "kupujcie póki tanio" (buy while cheap),
  // "jangan sampai ketinggalan", "अभी खरीद लो", "stap nu in", "тримайте позиції", "фиксируйте
  // прибыль", "รีบเข้า", "لا تفوتوا الفرصة", "매수 기회", "nunua sasa", "fidatevi".
  // "תקנו עכשיו" (buy now), "এখনই কিনুন" (buy right now), "ابھی خرید لیں", "jetz ichaufe", "köp innan".
  /תקנו עכשיו|קנו עכשיו|এখনই কিনুন|ابھی خرید|خرید لیں|jetz(?:t)? i?chaufe|(?<![\p{L}])(?:köp|sälj) (?:nu|innan)(?![\p{L}])/iu,
  // "売っておくべき" (you should sell now), "快上車" (get on board fast), "заходите, пока не поздно"
  // (get in before it's too late), "c'est le moment d'acheter".
  /(?:買|売)っておくべき|(?:買|売)うべき|(?:買|売)るべき|[快趕赶](?:上車|上车|上(?=[。！!]|$)|買|买|進場|进场)|還沒上車|还没上车|(?<![\p{L}])(?:заходите|пока не поздно|поки не пізно|c'est le moment d'(?:acheter|entrer|vendre))(?![\p{L}])/iu,
  /(?<![\p{L}])(?:kaçırma(?:yın|yin)?|vào lệnh|mua ngay|bán ngay|đừng bỏ lỡ|kupuj(?:cie|my)?|sprzedawaj(?:cie)?|póki tanio|jangan sampai ketinggalan|(?:beli|jual) sekarang|stap nu in|koop nu|koop nou|verkoop nou|osta (?:heti|nyt)|myy (?:heti|nyt)|vegyél(?: most)?|vegyetek|adj el most|kupujte|kupite|prodajte|купујте|купите сада|prynwch|gwerthwch|nu instappen|тримайте позиції|держите позиции|фиксируйте прибыль|лучшее время (?:купить|продать|зайти|входить)|будет только (?:дороже|дешевле)|фіксуйте прибуток|покупайте|купуйте|продавайте|не упустите|не пропустіть|nunua sasa|uza sasa|fidatevi|fidati|comprate (?:ora|adesso|subito)|compra(?:telo|tela|lo|la)? subito|jetzt raus|raus hier|apuesto (?:lo que (?:quieras|sea) )?a que)(?![\p{L}])|अभी खरीद|खरीद लो|बेच दो|मौका मत|รีบ(?:เข้า|ซื้อ|ขาย)|ก่อนจะสาย|لا تفوت|اشتر(?:وا)? الآن|매수 기회|지금이 (?:기회|매수)/iu,
  // "Compra ya", "entra ya" (get in now), "entre agora".
  /\b(?:compra|comprar|compre|compren|comprad|comprem|vende|vender|venda|vendan|vended|vendam|entra|entrad|entren|entre|entrem|métete|metete|súbete|aprovecha|aproveita)\s(?:ya|ahora|agora|já)(?![\p{L}])|\b(?:achetez|achète|vendez|vends) (?:maintenant|vite)\b|\b(?:jetzt|sofort|schnell) (?:kaufen|verkaufen|einsteigen|rein|zuschlagen|zugreifen|nachkaufen)(?![\p{L}])|\b(?:kauf|kaufe|kauft|steig|steigt) jetzt\b/iu,
  // "no te quedes fuera" (don't stay out), "não fique de fora", "hemen al" (buy right away),
  // "지금 타라" (get on now), "今すぐ拾え" (pick it up right now).
  /\bno te (?:quedes|pierdas) (?:fuera|afuera|esto|esta)\b|\bn[ãa]o fique de fora\b|\b(?:hemen|şimdi|acele) (?:al|sat|gir|alın|satın)(?![\p{L}])|(?:지금|빨리|당장)\s?(?:타라|타세요|사라|들어가라|매수)|今すぐ(?:拾|買|売|乗|入)[えれっ]/iu,
  // "今すぐ買い", "赶紧上车" (get on board now), "지금 매수".
  /今(?:すぐ|が)?(?:買|売)(?:い(?!物)|え|う|り)|買い時|現在買入|(?:赶紧|赶快|马上|立刻|现在|快)(?:买|上车|入场|进场|抄底|梭哈)|지금 (?:사|매수)|매수하세요|매도하세요/u,
  // Buying more, being in already, missing out: de "jetzt heißt es nachkaufen", es "yo ya estoy
  // dentro", fr "je suis dedans", he "מי שלא נכנס עכשיו יפספס" (who doesn't get in now will miss
  // it), fa "جا نمانید" (don't be left behind), "از دست ندهید" (don't lose it).
  /(?<![\p{L}])(?:nachkaufen|heißt es (?:kaufen|verkaufen|einsteigen)|(?:yo )?ya estoy dentro|estoy dentro|já estou dentro|je suis (?:déjà )?dedans|ich bin (?:schon |bereits )?drin|я уже в (?:деле|позиции|лонге|шорте))(?![\p{L}])|יפספס|תפספסו|אל תפספסו|מי שלא (?:נכנס|קונה)|جا نمانید|جا نمونید|از دست ندهید|بخرید/iu,
  // Regret to come: "지금 안 사면 평생 후회", "後悔するぞ", "会后悔", "te arrepentirás".
  /후회(?:합니다|할|하게|해요|한다)|後悔(?:する|します|しない)|会后悔|會後悔|\bte (?:vas a )?arrepentir(?:ás)?\b|\b(?:vai|vão) se arrepender\b/i,
];

const RETURNS: RegExp[] = [
  /(?<![\p{L}])garantuoju(?![\p{L}])|\bgarantizad[oa]s?\b|\bgarantid[oa]s?\b|\bgarantit[oa]\b|\bgaranti(?:e|es|s)?\b|\bgarantiert\b|\bsin riesgo\b|\bsem risco\b|\bsans risque\b|\b(?:risikofrei|ohne risiko)\b|\bdinero f[áa]cil\b|\bdinheiro f[áa]cil\b|\bargent facile\b|\bleichtes geld\b/iu,
  /必ず(?:上が|儲か)|確実に(?:上が|儲か)|絶対(?:上が|儲か)|損しない|稳赚|保证(?:收益|赚)|无风险|보장|무위험|확실히 오/u,
];

export const OTHER_LANGUAGES: Array<[string, RegExp[]]> = [
  ["a prediction", PREDICTIONS],
  ["a call to trade", CALLS],
  ["a promised return", RETURNS],
];
