import { describe, expect, it } from 'vitest';
import { findEmails, isFreeMail, isRoleAddress, looksLikeNameWithDigits } from '../../../../src/engine/detectors/privacy/email';
import { hits } from './helpers';

const RULE = 'privacy/email-address';

describe('findEmails', () => {
  const found = (s: string) => findEmails(s).map((m) => s.slice(m.span.start, m.span.end));
  it.each([
    ['連絡先 info@example.co.jp まで', 'info@example.co.jp'],
    ['m.kato1987@example.ne.jp のお客様', 'm.kato1987@example.ne.jp'],
    ['taro+shop@gmail.com', 'taro+shop@gmail.com'],
    ['info(at)example.co.jp', 'info(at)example.co.jp'],
    ['info [at] example.co.jp', 'info [at] example.co.jp'],
    ['(hanako@example.com)', 'hanako@example.com'],
    ['Email us: press@example.com.', 'press@example.com'],
  ])('%s', (s, expected) => expect(found(s)).toEqual([expected]));

  it.each([
    '@tokyo_foodie Your review is the dumbest thing',
    '#PR 本投稿は @kinoko_hiking さんとのタイアップです',
    'Thanks @user.name for the shoutout',
    'ロゴは logo@2x.png を使ってください',
    '詳しくは https://example.com/users/@abc.def をご覧ください',
    'メールアドレスは会員ページで変更できます',
    'user@localhost',
  ])('no address in %s', (s) => expect(found(s)).toEqual([]));
});

describe('address classification', () => {
  it.each(['info', 'support', 'contact', 'press', 'recruit', 'noreply', 'no-reply', 'info-tokyo', 'support.jp', 'saiyo'])('%s is a role address', (l) =>
    expect(isRoleAddress(l)).toBe(true),
  );
  it.each(['m.kato1987', 'tanaka', 'hanako.yamada', 'taro.info'])('%s is not a role address', (l) =>
    expect(isRoleAddress(l)).toBe(false),
  );
  it.each(['gmail.com', 'yahoo.co.jp', 'docomo.ne.jp', 'ezweb.ne.jp', 'icloud.com', 'i.softbank.jp'])('%s is free mail', (d) =>
    expect(isFreeMail(d)).toBe(true),
  );
  it.each(['example.co.jp', 'gmail.com.example.org', 'notgmail.com'])('%s is not free mail', (d) => expect(isFreeMail(d)).toBe(false));
  it('name + digits', () => {
    expect(looksLikeNameWithDigits('m.kato1987')).toBe(true);
    expect(looksLikeNameWithDigits('taro_05')).toBe(true);
    expect(looksLikeNameWithDigits('info2024')).toBe(false);
    expect(looksLikeNameWithDigits('tanaka')).toBe(false);
  });
});

describe('privacy/email-address severity', () => {
  it("a customer's address quoted by the company is warn (dev d082)", async () => {
    const post = 'いただいたご意見をご紹介📩 m.kato1987@example.ne.jp のお客様より「配送が遅い」とのご指摘。真摯に受け止めます!';
    expect(await hits(post, RULE)).toEqual([['warn', 'm.kato1987@example.ne.jp']]);
  });

  it.each([
    ['お問い合わせは info@example.co.jp まで', 'info@example.co.jp'],
    ['採用に関するご質問は recruit@example.com へ', 'recruit@example.com'],
    ['取材のご依頼は press@example.jp までお願いします', 'press@example.jp'],
    ['Contact us at support@example.com for help.', 'support@example.com'],
    ['noreply@example.com からのメールが届かない場合は', 'noreply@example.com'],
    ['ご質問は担当 tanaka@example.co.jp までどうぞ', 'tanaka@example.co.jp'],
    ['お問い合わせ：ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ'],
  ])('company contact address is info: %s', async (s, addr) => {
    expect(await hits(s, RULE)).toEqual([['info', addr]]);
  });

  it.each([
    ['当選者の方は hanako.yamada@gmail.com からご連絡ください', 'hanako.yamada@gmail.com'],
    ['田中様(tanaka.k@example.co.jp)より', 'tanaka.k@example.co.jp'],
    ['tanaka@example.co.jp', 'tanaka@example.co.jp'],
    ['support@example.com の田中様のご自宅の件', 'support@example.com'],
  ])('personal-looking address is warn: %s', async (s, addr) => {
    expect(await hits(s, RULE)).toEqual([['warn', addr]]);
  });

  it('personal account: personal address is warn, a company role address info', async () => {
    expect(await hits('my email is kenji.mori@example.com', RULE, 'personal')).toEqual([['warn', 'kenji.mori@example.com']]);
    expect(await hits('サポートに support@apple.com 経由で連絡したら返事来た', RULE, 'personal')).toEqual([['info', 'support@apple.com']]);
  });

  it('SNS mentions are never addresses', async () => {
    expect(await hits("@tokyo_foodie Your 'review' is the dumbest thing I've read all week.", RULE)).toEqual([]);
    expect(await hits('#PR 本投稿は @kinoko_hiking さんとのタイアップです🏔️', /^privacy\//)).toEqual([]);
  });
});
