import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/engine/analysis';
import { personMentions } from '../../../../src/engine/detectors/privacy/shared';
import { tokenizer } from '../../../support/engine';
import { hits } from './helpers';

const RULE = 'privacy/person-details';

describe('personMentions', () => {
  const names = async (s: string) => {
    const a = analyze(s, await tokenizer());
    return personMentions(a).map((p) => a.norm.text.slice(p.span.start, p.span.end));
  };
  it('finds surnames and full names with honorifics, and Mr./Ms. names', async () => {
    expect(await names('品川区東大井の田村さん')).toEqual(['田村さん']);
    expect(await names('山田花子さんと鈴木一郎様')).toEqual(['山田花子さん', '鈴木一郎様']);
    expect(await names('Shoutout to Mr. Kenji Mori and Ms. Smith')).toEqual(['Mr. Kenji Mori', 'Ms. Smith']);
  });
  it('ignores handles, generic referents and common nouns', async () => {
    expect(await names('#PR 本投稿は @kinoko_hiking さんとのタイアップです')).toEqual([]);
    expect(await names('お客様、皆様、皆さん、店員さん、お隣さん')).toEqual([]);
    expect(await names('リゾートホテル海音さんにご招待いただき')).toEqual([]);
  });
});

describe('privacy/person-details', () => {
  it.each([
    ['@user 住所も電話番号も把握していますよ、品川区東大井の田村さん。これ以上しつこいようなら', '田村さん'],
    ['本日ご成約いただいた小林 誠様(港区芝浦在住)、新居での暮らしが楽しみですね🏠', '小林 誠様'],
    ['港区芝浦在住の佐藤様より、嬉しいお便りが届きました', '佐藤様'],
    ['田中様のご自宅(03-1234-5678)に折り返しご連絡しました', '田中様'],
    ['サクラハイツ203の山田さん宅に届けました', '山田さん'],
    ['会員番号12345の鈴木様、お忘れ物があります', '鈴木様'],
    ['Shoutout to our regular, Mr. Kenji Mori (Apt 5B, Sakura Heights)!', 'Mr. Kenji Mori'],
    ['Ms. Smith lives on our street and walks her dog at 6.', 'Ms. Smith'],
    ['常連の佐藤様が今月でお引っ越しされるそうで寂しいです', '佐藤様'],
    ['スタッフの鈴木さんが入院のためしばらくお休みします', '鈴木さん'],
    ['本日来院された田中様は腰痛の症状で', '田中様'],
    ['当選者:東京都 田中太郎様', '田中太郎様'],
    ['本日の当選者は横浜市の山田花子さんです!', '山田花子さん'],
    ['Happy 100th birthday to our oldest member, Mrs. Sato, who lives just around the corner!', 'Mrs. Sato'],
    ['【当選者発表】最優秀賞は田中花子さん(東京都世田谷区)に決定!', '田中花子さん'],
    ['当選者:山田太郎様(大阪府堺市)、おめでとうございます!', '山田太郎様'],
    ['Big thanks to Mrs. Yamada from Unit 12, our most loyal customer!', 'Mrs. Yamada'],
    ['昨日19時にご予約の田中様、無断キャンセルはやめてください。', '田中様'],
  ])('warn: %s', async (s, name) => expect(await hits(s, RULE)).toEqual([['warn', name]]));

  it('locating facts warn on a personal account too', async () => {
    expect(await hits('佐藤さんの家、世田谷区桜新町2-3-4だった', RULE, 'personal')).toEqual([['warn', '佐藤さん']]);
    expect(await hits('田中さんは港区在住らしい', RULE, 'personal')).toEqual([['warn', '田中さん']]);
  });

  it('life events alone do not warn on a personal account', async () => {
    expect(await hits('田中さんの引っ越し手伝ってきた', RULE, 'personal')).toEqual([]);
  });

  it.each([
    '講師の山田太郎さんをお招きしました',
    '当日は山田さん(広報担当)が会場をご案内します',
    '応援してくださった鈴木様、佐藤様、ありがとうございました!',
    '田中様、住所変更はマイページから行えます',
    '店長の田中さんが新店舗(渋谷区神南1-2-3)でお待ちしています',
    'Thanks Mr. Suzuki for visiting our booth at the expo!',
    '#PR 本投稿は @kinoko_hiking さんとのタイアップです🏔️ 軽量テントを持って八ヶ岳で一泊してきてもらいました。',
    'トヨタ様との共同開発',
    '新入社員の田中花子さんは横浜市出身、趣味はカメラです',
    'Congrats to Mr. Ken Ito, winner of our photo contest!',
    '講師の山田太郎さん(株式会社サンプル代表)をお招きしました',
  ])('nothing: %s', async (s) => expect(await hits(s, RULE)).toEqual([]));

  it('naming a customer next to a transaction is info on a company account', async () => {
    expect(await hits('本日ご成約いただいた小林 誠様、ありがとうございました', 'privacy/customer-name')).toEqual([['info', '小林 誠様']]);
    expect(await hits('本日ご成約いただいた小林 誠様、ありがとうございました', 'privacy/customer-name', 'personal')).toEqual([]);
  });
});
