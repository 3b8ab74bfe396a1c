import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, phoneKind } from '../../../../src/engine/detectors/privacy/phone';
import { normalize } from '../../../../src/engine/normalize';
import { hits } from './helpers';

const RULE = 'privacy/phone-number';

describe('phoneKind', () => {
  it.each([
    ['09012345678', 'mobile'],
    ['08098765432', 'mobile'],
    ['07011112222', 'mobile'],
    ['05012345678', 'ip'],
    ['0120123456', 'toll-free'],
    ['08001234567', 'toll-free'],
    ['0570000123', 'toll-free'],
    ['0312345678', 'landline'],
    ['0451234567', 'landline'],
    ['0467123456', 'landline'],
    ['0112223333', 'landline'],
  ])('%s is %s', (n, kind) => expect(phoneKind(n)).toBe(kind));

  it.each(['0901234567', '012345678901', '01234567890', '0012345678', '1234567890', '03123456'])('%s is not a phone number', (n) =>
    expect(phoneKind(n)).toBeUndefined(),
  );
});

describe('findPhoneNumbers (formats)', () => {
  const found = (s: string) => findPhoneNumbers(normalize(s).text).map((m) => normalize(s).text.slice(m.span.start, m.span.end));
  it.each([
    ['090-1234-5678', '090-1234-5678'],
    ['090‐1234‐5678', '090‐1234‐5678'],
    ['090−1234−5678', '090−1234−5678'],
    ['090 1234 5678', '090 1234 5678'],
    ['09012345678', '09012345678'],
    ['03-1234-5678', '03-1234-5678'],
    ['045-123-4567', '045-123-4567'],
    ['0467-12-3456', '0467-12-3456'],
    ['01267-2-3456', '01267-2-3456'],
    ['(03)1234-5678', '(03)1234-5678'],
    ['03(1234)5678', '03(1234)5678'],
    ['(090-1234-5678)', '090-1234-5678'],
    ['0120-123-456', '0120-123-456'],
    ['0120-12-3456', '0120-12-3456'],
    ['0800-123-4567', '0800-123-4567'],
    ['0570-000-123', '0570-000-123'],
    ['+81-3-1234-5678', '+81-3-1234-5678'],
    ['+81 90 1234 5678', '+81 90 1234 5678'],
    ['+81(0)90-1234-5678', '+81(0)90-1234-5678'],
    ['TEL.03-1234-5678', '03-1234-5678'],
    ['電話0312345678', '0312345678'],
  ])('%s', (input, expected) => expect(found(input)).toEqual([expected]));

  it.each([
    '駅前広場のクリスマスツリー点灯式は12/1(日)17時から',
    'ブラックフライデー限定!11/29(金)〜12/2(月)',
    '中期経営計画(2025〜2027年度)を公表しました',
    '期日前投票所として使用されます(4/15〜4/20)',
    '期間:2025-03-01〜2025-03-31',
    '営業時間 09:00-18:00',
    '5/1 0:00〜23:59',
    '受付番号 0123-4567-8901',
    '商品コード 012-3456-7890',
    '注文番号0312345678',
    'ISBN 978-4-12-345678-9',
    '〒060-0001',
    '03-1234-5678-9',
    '詳しくは https://example.com/tel/0312345678 へ',
    '1日1杯、30日で3,000円',
    '海外売上比率を40%まで高める',
  ])('no number in %s', (s) => expect(found(s)).toEqual([]));
});

describe('privacy/phone-number severity', () => {
  it('full-width input maps back to the original span', async () => {
    expect(await hits('ご予約は０９０－１２３４－５６７８まで', RULE)).toEqual([['warn', '０９０－１２３４－５６７８']]);
    expect(await hits('お問い合わせ：０３－１２３４－５６７８', RULE)).toEqual([['info', '０３－１２３４－５６７８']]);
  });

  it('a store relocation notice with TEL stays info (dev d064)', async () => {
    const post = '【店舗移転のお知らせ】\n3/1より新店舗で営業いたします📍\n新住所:札幌市中央区南1条西4丁目 サンビル2F\nTEL 011-000-1234';
    expect(await hits(post, RULE)).toEqual([['info', '011-000-1234']]);
  });

  it.each([
    'お問い合わせ:03-1234-5678(平日10時〜18時)',
    'TEL 045-123-4567',
    'お客様相談室 0120-123-456(9:00〜17:00)',
    'フリーダイヤル0120-12-3456',
    'ナビダイヤル 0570-000-123',
    '代表電話:(03)1234-5678',
    '050-1234-5678 までお電話ください',
    'Call us at +81-3-1234-5678',
    '電話でのご予約も承ります(03-1234-5678)',
    'お問い合わせは担当の田中さん(03-1234-5678)まで',
  ])('company business line is info: %s', async (s) => {
    const h = await hits(s, RULE);
    expect(h).toHaveLength(1);
    expect(h[0]![0]).toBe('info');
  });

  it.each([
    ['会員番号 00123456/電話 080-9876-5432', '080-9876-5432'],
    ['090-1111-2222', '090-1111-2222'],
    ['+81 90 1234 5678', '+81 90 1234 5678'],
    ['田中様のご自宅(03-1234-5678)に折り返しご連絡しました', '03-1234-5678'],
    ['お客様(03-1234-5678)からのお電話で判明しました', '03-1234-5678'],
    ['IP電話 050-1234-5678(佐藤様)', '050-1234-5678'],
    ["Mrs. Tanaka's home number is 03-1234-5678", '03-1234-5678'],
  ])('private or mobile number on a company account is warn: %s', async (s, num) => {
    expect(await hits(s, RULE)).toEqual([['warn', num]]);
  });

  it.each([
    ['昨日しつこく電話してきたクレーマーの番号、03-1234-5678 です。皆さんご注意を', '03-1234-5678'],
    ['この番号からの無言電話が続いています:052-123-4567。出ないようにしてください', '052-123-4567'],
    ['Prank caller alert: 03-5555-1234 has called us 20 times today.', '03-5555-1234'],
  ])('a landline exposed to warn others about its owner is warn: %s', async (s, num) => {
    expect(await hits(s, RULE)).toEqual([['warn', num]]);
  });

  it.each([
    ['クレーム対応窓口:0120-123-456(平日10時〜17時)', '0120-123-456'],
    ['当社を名乗る不審な電話(03-9876-5432)にご注意ください', '03-9876-5432'],
    ['しつこくない甘さのケーキ、ご予約は03-1234-5678まで', '03-1234-5678'],
    ['クレームのお電話は、お客様相談室 0120-555-000 までお願いいたします', '0120-555-000'],
  ])("the company's own complaint desk or an impersonator's line is not exposure: %s", async (s, num) => {
    expect(await hits(s, RULE)).toEqual([['info', num]]);
  });

  it('every number is warn on a personal account', async () => {
    expect(await hits('うちの電話番号は03-1234-5678です', RULE, 'personal')).toEqual([['warn', '03-1234-5678']]);
    expect(await hits('新しいお店、0120-111-222に電話して予約した', RULE, 'personal')).toEqual([['warn', '0120-111-222']]);
  });

  it('messages are bilingual and carry a legal basis', async () => {
    const [f] = await (await import('./helpers')).findings('090-1234-5678', RULE);
    expect(f!.message.ja).toMatch(/携帯/);
    expect(f!.message.en).toMatch(/mobile/);
    expect(f!.suggestion?.ja).toBeTruthy();
    expect(f!.basis).toMatch(/個人情報保護法/);
    const [p] = await (await import('./helpers')).findings('090-1234-5678', RULE, 'personal');
    expect(p!.basis).toMatch(/民法 709条/);
  });
});
