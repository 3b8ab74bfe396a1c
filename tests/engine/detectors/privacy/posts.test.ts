/** Whole posts: what a reviewer would be stopped by (privacy at warn+, after merging). */
import { describe, expect, it } from 'vitest';
import { privacyAlarms, type Account } from './helpers';

describe('privacy alarms on whole posts', () => {
  it.each([
    ['company', '@user 住所も電話番号も把握していますよ、品川区東大井の田村さん。これ以上しつこいようなら、こちらにも考えがあります'],
    ['company', '本日ご成約いただいた小林 誠様(港区芝浦在住)、新居での暮らしが楽しみですね🏠 お引っ越しは来月15日とのこと!'],
    ['personal', '同じマンションの302号室の人、毎晩帰りが23時過ぎで一人暮らしっぽい。若い女の子なのに危ないなー'],
    ['company', "Shoutout to our regular, Mr. Kenji Mori (Apt 5B, Sakura Heights) — he's ordered our bento every weekday for two years! 🍱"],
    ['company', 'ポイント照合のため、以下のお客様はサービスカウンターまでお越しください。\n会員番号 00123456/電話 080-9876-5432'],
    ['company', 'いただいたご意見をご紹介📩 m.kato1987@example.ne.jp のお客様より「配送が遅い」とのご指摘。真摯に受け止めます!'],
    ['company', '抽選に当選された横浜市在住のマリアさん、おめでとうございます!'],
    ['company', '昨日ご来店の山本様、お財布のお忘れ物がございます。ご自宅(045-123-4567)にもお電話いたしました'],
    ['personal', '元カレの新しい住所わかった、杉並区高円寺南3-4-5のコーポ高円寺201'],
    ['company', 'お客様のマイナンバー 3141 5926 5352 の確認が取れました'],
  ] as const)('%s: %s', async (account, text) => {
    expect(await privacyAlarms(text, account as Account)).not.toEqual([]);
  });

  it.each([
    ['company', '【店舗移転のお知らせ】\n3/1より新店舗で営業いたします📍\n新住所:札幌市中央区南1条西4丁目 サンビル2F\nTEL 011-000-1234'],
    ['company', '駅前広場のクリスマスツリー点灯式は12/1(日)17時から🎄 当ビル1階ではホットワインとシュトーレンを販売します。'],
    ['company', 'ブラックフライデー限定!電動アシスト自転車が3万円引き🚲 11/29(金)〜12/2(月)、在庫がなくなり次第終了です。'],
    ['company', '本日、中期経営計画(2025〜2027年度)を公表しました。海外売上比率を40%まで高める方針です。資料はIRサイトからご覧いただけます。'],
    ['company', '当館1階ロビーが、市議会議員選挙の期日前投票所として使用されます(4/15〜4/20)。期間中は正面入口が混み合うため、お車は東側駐車場へお回りください。'],
    ['company', '食事制限なし!このお茶を毎日1杯続けるだけで'],
    ['company', '#PR 本投稿は @kinoko_hiking さんとのタイアップです🏔️ 軽量テントを持って八ヶ岳で一泊してきてもらいました。設営は約10分だったそうです。'],
    ['company', '@user お問い合わせありがとうございます。該当の商品は3月上旬に再入荷予定です。'],
    ['company', '【社内限定】新人事評価制度の説明資料を共有します。ダウンロードはこちら https://drive.example.com/share/abc123 パスワード: hr2025'],
    ['company', 'ご愛用者アンケートより📝「色がかわいくて、洗面所がぱっと明るくなりました」(30代・男性)'],
    ['company', 'お問い合わせ:株式会社カクニン 広報部 press@example.co.jp / 03-1234-5678(平日10:00〜18:00)'],
    ['company', '本社:〒100-0005 東京都千代田区丸の内1-1-1 パレスビル5F 代表 03-1234-5678'],
    ['company', '東京都在住のお客様より、嬉しいお便りが届きました'],
    ['company', 'セミナー会場:本館302号室(先着20名様)'],
    ['personal', 'Finally got my driver\'s license at 34. Took three tries but I did it 🚗'],
    ['company', 'Our support line will have longer wait times this week due to the holiday rush. You can also reach us via chat 24/7.'],
  ] as const)('no alarm, %s: %s', async (account, text) => {
    expect(await privacyAlarms(text, account as Account)).toEqual([]);
  });
});
