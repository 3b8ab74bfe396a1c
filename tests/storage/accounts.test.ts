import { describe, expect, it } from 'vitest';
import { accountKeys, resolveAccountKind } from '../../src/storage/accounts';
import type { Account } from '../../src/storage/settings-schema';

const settings = (accounts: Account[]) => ({ accounts, unknownAccountKind: 'company' as const });
const personal = (site: string, handle: string): Account => ({ site, handle, kind: 'personal' });

describe('resolveAccountKind', () => {
  it('matches a handle on its site, ignoring @ and case', () => {
    const s = settings([personal('x', 'Me')]);
    expect(resolveAccountKind(s, 'x', '@ME')).toBe('personal');
    expect(resolveAccountKind(s, 'bluesky', 'me')).toBe('company');
    expect(resolveAccountKind(s, 'x', undefined)).toBe('company');
  });

  it('Mastodon: an entry for site `mastodon` with `user` matches that user on every instance', () => {
    const s = settings([personal('mastodon', 'koho')]);
    expect(resolveAccountKind(s, 'mastodon', 'koho@mastodon.social')).toBe('personal');
    expect(resolveAccountKind(s, 'mastodon', 'koho@social.example.jp')).toBe('personal');
    expect(resolveAccountKind(s, 'mastodon', 'other@mastodon.social')).toBe('company');
  });

  it('Mastodon: `user@instance` under `mastodon` matches that instance only', () => {
    const s = settings([personal('mastodon', '@koho@social.example.jp')]);
    expect(resolveAccountKind(s, 'mastodon', 'koho@social.example.jp')).toBe('personal');
    expect(resolveAccountKind(s, 'mastodon', 'koho@mastodon.social')).toBe('company');
  });

  it('Mastodon: entries stored under the instance host (earlier versions) still match there', () => {
    const s = settings([personal('mastodon.social', 'kakunin_jp')]);
    expect(resolveAccountKind(s, 'mastodon', 'kakunin_jp@mastodon.social')).toBe('personal');
    expect(resolveAccountKind(s, 'mastodon', 'kakunin_jp@social.example.jp')).toBe('company');
  });

  it('the most specific entry wins: user@instance, then the instance host, then any instance', () => {
    expect(accountKeys('mastodon', '@Koho@Social.Example.jp')).toEqual([
      { site: 'mastodon', handle: 'koho@social.example.jp' },
      { site: 'social.example.jp', handle: 'koho' },
      { site: 'mastodon', handle: 'koho' },
    ]);
    const s = settings([personal('mastodon', 'koho'), { site: 'mastodon', handle: 'koho@social.example.jp', kind: 'company' }]);
    expect(resolveAccountKind({ ...s, unknownAccountKind: 'personal' }, 'mastodon', 'koho@social.example.jp')).toBe('company');
    expect(resolveAccountKind(s, 'mastodon', 'koho@mastodon.social')).toBe('personal');
  });

  it('other sites never split a handle at @', () => {
    expect(accountKeys('x', 'a@b')).toEqual([{ site: 'x', handle: 'a@b' }]);
    expect(resolveAccountKind(settings([personal('b', 'a')]), 'x', 'a@b')).toBe('company');
  });
});
