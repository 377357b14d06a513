/**
 * Review texts for the fraud evaluation: honest reviews assembled from slots (so two strangers
 * rarely write the same sentence, as in life), the short stock phrases that do collide, and
 * what rings, competitors and paid reviewers write.
 */
import type { Rng } from './fraudPeople.ts';

const ITEMS = [
  '日替わり定食', '唐揚げ', 'パスタ', 'ハンバーグ', 'カレー', 'チーズケーキ', 'ブレンドコーヒー', '醤油ラーメン', '焼き魚定食', 'サラダ',
  'オムライス', 'パンケーキ', '抹茶ラテ', '天ぷら', '餃子', 'カツ丼', '海鮮丼', 'ピザ', 'プリン', 'ランチセット',
];
const WHO = ['友人と', '家族で', '同僚と', '子ども連れで', '母と', '一人で', '夫と', '妻と', '彼女と', '職場の先輩と'];
const WHEN = ['ランチ', '夜', '週末の昼', '平日の夕方', '仕事帰り', '日曜の朝', '雨の日の午後', '開店直後'];
const VISIT = ['伺いました', '利用しました', '行ってきました', '訪問しました', '寄りました'];

type Sentence = (rng: Rng) => string;

const POSITIVE: Sentence[] = [
  (r) => `${r.pick(ITEMS)}が${r.pick(['とても', 'すごく', '本当に', ''])}美味しかったです。`,
  (r) => `${r.pick(ITEMS)}は${r.pick(['期待以上', '絶品', 'ボリューム満点', '優しい味付け', '本格的な味'])}でした。`,
  (r) => `店員さんの対応が${r.pick(['丁寧で', '親切で', 'とても感じが良くて', '明るくて'])}、${r.pick(['気持ちよく過ごせました', 'また来たいと思いました', '安心して利用できました'])}。`,
  (r) => `店内は${r.pick(['清潔で', '明るくて', '落ち着いた雰囲気で', 'おしゃれで'])}${r.pick(['居心地が良いです', 'ゆっくりできました', 'つい長居してしまいました'])}。`,
  (r) => `${r.int(8, 25) * 100}円でこの内容なら${r.pick(['大満足です', 'コスパ最高です', '十分満足です'])}。`,
  (r) => `${r.pick(['駐車場があるので', '駅から近いので', '予約ができるので', '席数が多いので'])}${r.pick(['便利です', '助かります', '使いやすいです'])}。`,
  (r) => `${r.pick(['季節限定', '新作', '店長おすすめ'])}の${r.pick(ITEMS)}を頼みましたが、${r.pick(['正解でした', '大当たりでした', 'また食べたいです'])}。`,
];
const NEUTRAL: Sentence[] = [
  (r) => `${r.pick(ITEMS)}は${r.pick(['普通', 'まあまあ', '想像通りの味', '可もなく不可もなく'])}でした。`,
  (r) => `${r.pick(['少し待ちましたが', '混んでいましたが', '席は狭めですが'])}、${r.pick(['許容範囲です', '仕方ないですね', '気になるほどではありません'])}。`,
  (r) => `もう少し${r.pick(['量が多い', '品数が多い', '温かい', '安い', '早く出てくる'])}と嬉しいです。`,
  (r) => `${r.pick(['BGMが少し大きかった', '冷房が効きすぎていた', '椅子が硬かった', '注文までに時間がかかった'])}のが気になりました。`,
];
const NEGATIVE: Sentence[] = [
  (r) => `注文してから${r.int(20, 50)}分以上待たされました。`,
  (r) => `${r.pick(ITEMS)}が${r.pick(['ぬるかった', 'しょっぱすぎた', '冷めていた', '油っぽかった'])}です。`,
  (r) => `店員さんの${r.pick(['態度', '言葉遣い', '対応'])}が${r.pick(['残念', '雑', '不愉快'])}でした。`,
  (r) => `${r.pick(['テーブルが汚れていて', 'お会計を間違えられて', '注文を忘れられて', '予約が通っていなくて'])}${r.pick(['がっかりしました', '残念でした', '気分が悪かったです'])}。`,
];
const CLOSING = {
  good: ['また行きます！', 'おすすめです。', '次は別のメニューも試したいです。', 'ごちそうさまでした。', 'リピート確定です。', ''],
  mid: ['また機会があれば。', ''],
  bad: ['もう行かないと思います。', '改善を期待します。', '残念です。', ''],
};
const ENGLISH = {
  good: [
    (r: Rng) => `${r.pick(['Nice', 'Lovely', 'Great', 'Cozy'])} place, ${r.pick(['friendly staff', 'quick service', 'good value', 'tasty food'])}.`,
    (r: Rng) => `The ${r.pick(['ramen', 'curry', 'coffee', 'lunch set', 'cake', 'gyoza'])} was ${r.pick(['excellent', 'really good', 'worth the wait', 'better than expected'])}.`,
    (r: Rng) => `${r.pick(['Will come back', 'Recommended', 'Came here twice already', 'Staff spoke some English, which helped'])}.`,
  ],
  mid: [
    (r: Rng) => `${r.pick(['Food was okay', 'Average', 'Decent', 'Not bad'])}, ${r.pick(['a bit pricey', 'service a bit slow', 'quite crowded at lunch', 'small portions'])}.`,
    (r: Rng) => `The ${r.pick(['ramen', 'curry', 'coffee', 'lunch set'])} was ${r.pick(['fine', 'nothing special', 'a little bland'])}.`,
  ],
  bad: [
    (r: Rng) => `${r.pick(['Waited', 'Had to wait'])} ${r.int(20, 50)} minutes for ${r.pick(['our food', 'a table', 'the bill'])}.`,
    (r: Rng) => `The ${r.pick(['soup', 'rice', 'coffee', 'fries'])} was ${r.pick(['cold', 'too salty', 'stale'])} and ${r.pick(['nobody apologised', 'the staff seemed annoyed', 'the table was sticky'])}.`,
  ],
};

/** What honest customers write most often when they write almost nothing. */
export const SHORT_TEXTS = ['美味しかった！', 'また行きます', '良かったです', '最高！', '普通でした', 'おいしい', 'ごちそうさまでした', 'Good', '満足です', 'まあまあ', '美味しかったです', '', '★5'];

/** Stars people give: a mean about 3.8, with the J-shape of review sites (many fives, some ones). */
export function honestRating(rng: Rng, lean = 0): number {
  return rng.weighted([[5, 35 + lean * 30], [4, 30], [3, 18], [2, 9 - lean * 4], [1, 8 - lean * 4]] as const);
}

export function honestText(rng: Rng, rating: number): string {
  if (rng.chance(0.18)) return rng.pick(SHORT_TEXTS);
  const tone = rating >= 4 ? 'good' : rating === 3 ? 'mid' : 'bad';
  if (rng.chance(0.04)) return pickDistinct(rng, ENGLISH[tone], rng.int(1, 2)).map((s) => s(rng)).join(' ');
  const bank = rating >= 4 ? POSITIVE : rating === 3 ? NEUTRAL : NEGATIVE;
  const parts: string[] = [];
  if (rng.chance(0.55)) parts.push(`${rng.pick(WHO)}${rng.pick(WHEN)}に${rng.pick(VISIT)}。`);
  // A 4 can have a quibble and a 2 something that was fine; nobody says the same thing twice.
  const mixed = rating === 4 ? NEUTRAL : rating === 2 ? NEUTRAL : null;
  const sentences = pickDistinct(rng, bank, rng.int(1, 3));
  if (mixed && rng.chance(0.4)) sentences.push(rng.pick(mixed));
  parts.push(...sentences.map((s) => s(rng)));
  parts.push(rng.pick(CLOSING[tone]));
  return parts.join('');
}

function pickDistinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

/** A ring's script: one text that every member posts with small edits, so it reads as separate people. */
export function ringTexts(rng: Rng, rating: 1 | 5): (rng: Rng) => string {
  const base =
    rating === 5
      ? rng.pick([
          '本当に素晴らしいお店です！料理はどれも絶品で、スタッフの皆さんの笑顔と丁寧な接客に感動しました。友人や家族にも自信を持っておすすめできます。',
          '今まで行った中で一番のお店です。素材にこだわった料理はどれも美味しく、雰囲気も最高でした。記念日にもぴったりなので、ぜひ皆さんも行ってみてください！',
        ])
      : rng.pick([
          '最悪のお店でした。料理は冷めていて味もひどく、店員の態度も横柄でした。衛生面も不安になるレベルです。絶対におすすめしません。',
          'お金を払う価値はありません。注文は間違えられ、待たされた上に謝罪もなし。料理も美味しくなく、二度と行きません。皆さんも気をつけてください。',
        ]);
  return (r) => {
    let text = base;
    if (r.chance(0.5)) text = text.replaceAll('！', '!').replaceAll('。', r.chance(0.5) ? '。' : '！');
    if (r.chance(0.4)) text = text.replace('皆さん', 'みなさん').replace('本当に', 'ほんとうに');
    if (r.chance(0.4)) text = `${r.pick(['先日伺いました。', '友人の紹介で行きました。', '初めて利用しました。'])}${text}`;
    if (r.chance(0.3)) text = `${text}${r.pick(['また行きます。', '星5です。', '★★★★★', '二度と行きません。'])}`;
    return text;
  };
}

/** A competitor's staff each writing their own complaint: different words, the same few days. */
export const COMPLAINTS = [
  '最悪。二度と行かない。',
  '料理に髪の毛が入っていました。衛生管理どうなってるんですか。',
  '店員が客を無視して私語ばかり。接客業として失格だと思います。',
  '食べた後にお腹を壊しました。保健所に相談するか検討中です。',
  '値段が高いのに量が少なくて味も微妙。ネットの評判はあてにならない。',
  '予約していたのに30分待たされ、説明もなし。ありえません。',
  'トイレが汚くて驚きました。厨房も同じなのではと不安になります。',
  'レジで明らかに釣り銭を誤魔化されました。信用できない店です。',
  '口コミが良かったので行ったのにがっかり。サクラが多いのでは？',
  '隣の○○の方が断然おすすめです。ここはやめた方がいい。',
  '店長の態度が高圧的で気分が悪くなりました。',
  '冷凍食品をそのまま出しているような味でした。',
];

const NICK_PARTS = ['たなか', 'Yuki', 'ゆうこ', 'ken', 'はる', 'グルメ好き', 'mika', 'ランチ部', 'こうた', 'Sato', 'ぽん', 'momo', 'たけし', 'Aya'];

export function nickname(rng: Rng): string {
  return rng.chance(0.5) ? `${rng.pick(NICK_PARTS)}${rng.chance(0.5) ? rng.int(1, 999) : ''}` : `${rng.pick(NICK_PARTS)} ${rng.pick(['K', 'S', 'T', 'M', ''])}`.trim();
}
