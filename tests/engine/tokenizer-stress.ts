/**
 * Inputs that stress the tokenizer's edges, the same on every run (seeded): long unpunctuated runs
 * (cut at 512 code units, a surrogate pair at the cut), emoji and lone surrogates, half-width kana,
 * full-width and mixed English, numbers, every character class, and random mixtures of them.
 */

const FIXED = [
  '',
  'あ',
  '。',
  '、、。。\n\n\n',
  '🚗💦 そんなドライブ',
  '👨‍👩‍👧家族で𠮷野家へ🍓🍓🍓',
  '\ud83d',
  '\ude97あ\ud83d',
  'a\ud800\ud800b\udc00\udc00c',
  'ｱｲｳｴｵｶﾞｷﾞｸﾞﾃﾞｰﾀﾍﾞｰｽはﾊﾟｿｺﾝで',
  'ＡＢＣ１２３ｘｙｚ　全角スペース　と半角 space',
  'Finally got my driver\'s license at 34. Took three tries but I did it',
  '価格は12,345.67円(税込)、送料¥500、割引率-15%、2024/12/01 17:30〜',
  '第3四半期の売上は前年同期比120.5％増の1兆2345億円',
  'iPhone15ProMaxをAmazonで買ったらGoogleのPixelも欲しくなったw',
  'ｗｗｗｗｗ草ｗ',
  '！？!?‼⁉…‥・「」『』【】（）()［］',
  '\t\u0000\u0001\u001f\u007f\u00a0\u2028\u3000 \r\n',
  // U+0000: kuromoji's byte trie terminates keys with byte 0 (at the root it steps to the root)
  '\u0000東京都',
  '\u0000\u0000すもも',
  '東\u0000京',
  '東京\u0000\u0000都\u0000',
  'αβγ Ελληνικά Кириллица 한국어 ไทย עברית العربية',
  'ㇰㇱㇲ ゟ ヿ 〆 々 ゝゞヽヾ 〇',
  'すもももももももものうち',
  '東京都特許許可局長今日急遽休暇許可拒否',
  'にわにはにわにわとりがいる',
];

const POOLS = [
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽぁぃぅぇぉっゃゅょー',
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポァィゥェォッャュョヴー',
  '日本人会社社長東京大学新商品販売開始投資利益確実元本保証宗教政治選挙地震災害差別障害者病気治療効果痩身美容最高最強限定無料',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '0123456789０１２３４５６７８９.,%$¥円万億兆',
  'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝﾞﾟｰ',
  ' 　!?！？・…「」()（）#@＃＠~〜-ー_/\\:;',
  '🚗💦🍓🎄📈😀👍🏻🇯🇵𠮷𩸽',
  '、。\n',
  '\u0000\ud800\udc00\ud83d',
];

/** mulberry32 */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function stressTexts(randomCount = 400): string[] {
  const out = [...FIXED];
  // long unpunctuated runs: one class, and mixed, around and past the 512-unit segment cut
  for (const n of [511, 512, 513, 1030]) {
    out.push('あ'.repeat(n), 'ア'.repeat(n), '日'.repeat(n), 'x'.repeat(n), 'ｱ'.repeat(n), '1'.repeat(n));
    out.push('今日は良い天気ですね'.repeat(Math.ceil(n / 10)).slice(0, n));
  }
  // a surrogate pair straddling the cut, and a run of them
  out.push('あ'.repeat(511) + '🍓' + 'い'.repeat(10), 'あ'.repeat(510) + '🍓🍓' + 'い', '🍓'.repeat(600), '𠮷'.repeat(300) + '野家');
  out.push('あいう'.repeat(2000), 'ホゲ'.repeat(1500) + 'です', 'testtest'.repeat(200));
  const random = rng(20261124);
  const pick = (s: string) => {
    const chars = [...s];
    return chars[Math.floor(random() * chars.length)]!;
  };
  for (let k = 0; k < randomCount; k++) {
    const len = 1 + Math.floor(random() * (k % 10 === 0 ? 900 : 120));
    // mostly one pool at a time (runs of a class), sometimes any
    let pool = POOLS[Math.floor(random() * POOLS.length)]!;
    let s = '';
    while (s.length < len) {
      if (random() < 0.15) pool = POOLS[Math.floor(random() * POOLS.length)]!;
      s += pick(pool);
    }
    out.push(s);
  }
  return out;
}
