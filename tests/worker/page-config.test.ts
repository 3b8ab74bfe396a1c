import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings-schema';
import { pageEnabled } from '../../src/worker/page-config';

const with_ = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('pageEnabled', () => {
  it('built-in sites are on unless switched off', () => {
    expect(pageEnabled(DEFAULT_SETTINGS, 'x', 'x.com')).toBe(true);
    expect(pageEnabled(with_({ sites: { x: false } }), 'x', 'x.com')).toBe(false);
  });

  it('sites.mastodon switches off every instance: mastodon.social and the ones the user added', () => {
    const customSites = [{ origin: 'https://social.example.jp', kind: 'mastodon' as const, enabled: true }];
    expect(pageEnabled(with_({ customSites }), 'mastodon', 'social.example.jp')).toBe(true);
    expect(pageEnabled(with_({ customSites }), 'mastodon', 'mastodon.social')).toBe(true);
    expect(pageEnabled(with_({ customSites, sites: { mastodon: false } }), 'mastodon', 'social.example.jp')).toBe(false);
    expect(pageEnabled(with_({ customSites, sites: { mastodon: false } }), 'mastodon', 'mastodon.social')).toBe(false);
    expect(pageEnabled(with_({ sites: { mastodon: false } }), 'mastodon')).toBe(false);
  });

  it('an added instance switched off is off, the others stay on', () => {
    const customSites = [{ origin: 'https://social.example.jp', kind: 'mastodon' as const, enabled: false }];
    expect(pageEnabled(with_({ customSites }), 'mastodon', 'social.example.jp')).toBe(false);
    expect(pageEnabled(with_({ customSites }), 'mastodon', 'mastodon.social')).toBe(true);
  });

  it('an "any text box" site is checked only while anyTextBox is on, and only if listed and on', () => {
    const customSites = [
      { origin: 'https://forum.example.jp', kind: 'any' as const, enabled: true },
      { origin: 'https://off.example.jp', kind: 'any' as const, enabled: false },
    ];
    expect(pageEnabled(with_({ customSites }), 'forum.example.jp', 'forum.example.jp')).toBe(false);
    expect(pageEnabled(with_({ customSites, anyTextBox: true }), 'forum.example.jp', 'forum.example.jp')).toBe(true);
    expect(pageEnabled(with_({ customSites, anyTextBox: true }), 'off.example.jp', 'off.example.jp')).toBe(false);
    expect(pageEnabled(with_({ customSites, anyTextBox: true }), 'elsewhere.example.jp', 'elsewhere.example.jp')).toBe(false);
  });

  it('anyTextBox does not touch Mastodon instances or the built-in sites', () => {
    const customSites = [{ origin: 'https://social.example.jp', kind: 'mastodon' as const, enabled: true }];
    expect(pageEnabled(with_({ customSites, anyTextBox: false }), 'mastodon', 'social.example.jp')).toBe(true);
    expect(pageEnabled(with_({ anyTextBox: false }), 'x', 'x.com')).toBe(true);
  });
});
