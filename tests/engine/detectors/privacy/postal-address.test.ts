import { describe, expect, it } from 'vitest';
import { findAddresses } from '../../../../src/engine/detectors/privacy/postal-address';
import { normalize } from '../../../../src/engine/normalize';
import { hits } from './helpers';

const RULE = 'privacy/postal-address';

describe('findAddresses', () => {
  const found = (s: string) => {
    const t = normalize(s).text;
    return findAddresses(t).map((a) => t.slice(a.span.start, a.span.end));
  };
  it.each([
    ['〒150-0041', '〒150-0041'],
    ['郵便番号:150-0041', '郵便番号:150-0041'],
    ['150-0041 東京都渋谷区神南1-2-3', '150-0041東京都渋谷区神南1-2-3'],
    ['所在地:東京都渋谷区神南1-2-3 サクラビル5F', '東京都渋谷区神南1-2-3'],
    ['大阪府大阪市北区梅田2丁目4番9号に移転', '大阪府大阪市北区梅田2丁目4番9号'],
    ['札幌市中央区南1条西4丁目 サンビル2F', '札幌市中央区南1条西4丁目'],
    ['横浜市中区山下町1-1', '横浜市中区山下町1-1'],
    ['千代田区丸の内1-1-1', '千代田区丸の内1-1-1'],
    ['目黒区自由が丘1-2-3', '目黒区自由が丘1-2-3'],
    ['さいたま市浦和区高砂3-15-1', 'さいたま市浦和区高砂3-15-1'],
    ['京都市左京区北白川三丁目', '京都市左京区北白川三丁目'],
    ['302号室', '302号室'],
    ['サクラハイツ203', 'サクラハイツ203'],
    ['Apt 5B, Sakura Heights', 'Apt 5B, Sakura Heights'],
    ['12 Oak Street', '12 Oak Street'],
    ['2-3-1 Jingumae, Shibuya-ku, Tokyo', '2-3-1 Jingumae, Shibuya-ku'],
    ['3-2-1 Minami-Aoyama, Minato-ku', '3-2-1 Minami-Aoyama, Minato-ku'],
    ['My neighbor at 5-3-2 Kichijoji is out a lot', '5-3-2 Kichijoji'],
  ])('%s', (s, expected) => expect(found(s)).toEqual([expected]));

  it.each([
    '当地区3-4月のイベント',
    '全地区10-20%OFF',
    '港区3-5月開催',
    '地区予選2-1で勝利',
    '期間は2025年3-4月です',
    '第3-4四半期',
    'お届けは10-14日後になります',
    '北海道札幌市で1-2月に開催された雪まつり',
    '品川区の3丁目交差点付近で工事があります',
    '123-4567',
    '新宿店・渋谷店・池袋店で販売開始',
  ])('no address in %s', (s) => expect(found(s)).toEqual([]));
});

describe('privacy/postal-address severity', () => {
  it('a store relocation notice is info (dev d064)', async () => {
    const post = '【店舗移転のお知らせ】\n3/1より新店舗で営業いたします📍\n新住所:札幌市中央区南1条西4丁目 サンビル2F\nTEL 011-000-1234';
    expect(await hits(post, RULE)).toEqual([['info', '札幌市中央区南1条西4丁目']]);
  });

  it.each([
    ['本社:〒100-0005 東京都千代田区丸の内1-1-1 パレスビル', '〒100-0005 東京都千代田区丸の内1-1-1'],
    ['アクセス:横浜市中区山下町1-1', '横浜市中区山下町1-1'],
    ['店長の田中さんが新店舗(渋谷区神南1-2-3)でお待ちしています', '渋谷区神南1-2-3'],
    ['Visit us at 2-3-1 Jingumae, Shibuya-ku, Tokyo.', '2-3-1 Jingumae, Shibuya-ku'],
    ['新宿区西新宿2-8-1にある都庁', '新宿区西新宿2-8-1'],
  ])('business address is info: %s', async (s, addr) => expect(await hits(s, RULE)).toEqual([['info', addr]]));

  it.each([
    ['本日ご契約の田中様のご自宅(世田谷区桜新町2-3-4)にお届けしました', '世田谷区桜新町2-3-4', 'company'],
    ['サクラハイツ203の山田さん宅に届けました', 'サクラハイツ203', 'company'],
    ['Shoutout to our regular, Mr. Kenji Mori (Apt 5B, Sakura Heights) — he has ordered every weekday!', 'Apt 5B, Sakura Heights', 'company'],
    ['Our neighbor Ms. Smith in Apt 3C always waves hello', 'Apt 3C', 'company'],
    ['友達の家、世田谷区桜新町2-3-4なんだけど遠い', '世田谷区桜新町2-3-4', 'personal'],
    ['〒154-0015 世田谷区桜新町2-3-4 のお客様宛の荷物', '〒154-0015 世田谷区桜新町2-3-4', 'company'],
  ] as const)('private address is warn: %s', async (s, addr, account) => expect(await hits(s, RULE, account)).toEqual([['warn', addr]]));

  it("a personal account posting a home address is warn, a shop's address info", async () => {
    expect(await hits('引っ越しました!新住所は杉並区高円寺南3-4-5 コーポ高円寺201です', RULE, 'personal')).toEqual([
      ['warn', '杉並区高円寺南3-4-5 コーポ高円寺201'],
    ]);
    expect(await hits('新しいお店、渋谷区神南1-2-3にあるよ', RULE, 'personal')).toEqual([['info', '渋谷区神南1-2-3']]);
  });

  it('room numbers: a resident is warn, a meeting room is nothing (dev d026)', async () => {
    expect(await hits('同じマンションの302号室の人、毎晩帰りが23時過ぎで一人暮らしっぽい。', RULE, 'personal')).toEqual([['warn', '302号室']]);
    expect(await hits('302号室に住んでる女性がいつも挨拶してくれる', RULE, 'personal')).toEqual([['warn', '302号室']]);
    expect(await hits('セミナー会場:本館302号室(10人限定)', RULE)).toEqual([]);
    expect(await hits('Mr. Tanaka will speak in Room 302 at 3pm.', RULE)).toEqual([]);
  });

  it("on a personal account, a neighbour's or an ex-partner's street address is warn", async () => {
    expect(await hits('The guy next door at 12 Oak Street plays drums at 2am.', RULE, 'personal')).toEqual([['warn', '12 Oak Street']]);
    expect(await hits('元カレの家、世田谷区桜新町2-5-8だよ', RULE, 'personal')).toEqual([['warn', '世田谷区桜新町2-5-8']]);
    expect(await hits('My neighbor at 5-3-2 Kichijoji is always out on weekends', RULE, 'personal')).toEqual([['warn', '5-3-2 Kichijoji']]);
    expect(await hits('We are open at 10-18 Mon to Fri.', RULE, 'personal')).toEqual([]);
  });

  it('full-width digits map back', async () => {
    expect(await hits('隣の３０２号室の人がうるさい', RULE, 'personal')).toEqual([['warn', '３０２号室']]);
    expect(await hits('〒１５０－００４１ 東京都渋谷区神南１－２－３ 当店', RULE)).toEqual([['info', '〒１５０－００４１ 東京都渋谷区神南１－２－３']]);
  });
});
