// @vitest-environment happy-dom
// The Mastodon adapter against Mastodon 4.x's compose form (tests/e2e/fixtures/mastodon).
import { beforeEach, describe, expect, it } from 'vitest';
import { mastodon, mastodonAddress, readMastodonAcct } from '../../src/sites/mastodon';

const initialState = (me: string, acct: string) =>
  JSON.stringify({ meta: { me, access_token: 'secret-token', domain: 'social.example.jp' }, accounts: { [me]: { id: me, acct } } });

const form = (n: number) => `
  <form class="compose-form">
    <input type="text" class="spoiler-input__input" value="注意${n}" ${n === 2 ? 'disabled' : ''}>
    <textarea class="autosuggest-textarea__textarea">下書き${n}</textarea>
    <button type="button" class="icon-button">CW</button>
    <button type="submit" class="button">投稿${n}</button>
  </form>`;

beforeEach(() => {
  document.head.innerHTML = `<script id="initial-state" type="application/json">${initialState('7', 'koho')}</script>`;
  document.body.innerHTML = `<div class="compose-panel">${form(1)}</div><div class="reply">${form(2)}</div><textarea class="search"></textarea>`;
});

describe('mastodon adapter', () => {
  it("finds the status textareas, then the content warnings that are on, each with its own form's submit button", () => {
    const found = mastodon.findComposers(document);
    expect(found.map((c) => [c.kind, (c.editor as HTMLInputElement).value])).toEqual([
      ['textarea', '下書き1'],
      ['textarea', '下書き2'],
      // Form 2's CW is off (older Mastodon keeps the field, disabled): its text is not posted.
      ['textarea', '注意1'],
    ]);
    expect(found.map((c) => mastodon.findPostButton(c.editor)?.textContent)).toEqual(['投稿1', '投稿2', '投稿1']);
    // The search box is not a composer.
    expect(found.some((c) => c.editor.classList.contains('search'))).toBe(false);
  });

  it('reads the signed-in acct from #initial-state and nothing else, as user@instance', () => {
    const [first] = mastodon.findComposers(document);
    expect(readMastodonAcct(document)).toBe('koho');
    expect(readMastodonAcct(document)).not.toContain('secret');
    expect(mastodon.readAccount(first!.editor)).toBe(`koho@${location.host}`);
  });

  it('qualifies the acct with the instance the page is on', () => {
    expect(mastodonAddress('koho', 'social.example.jp')).toBe('koho@social.example.jp');
    expect(mastodonAddress('koho@other.example', 'social.example.jp')).toBe('koho@other.example');
    expect(mastodonAddress('koho', '')).toBe('koho');
    expect(mastodonAddress(undefined, 'social.example.jp')).toBeUndefined();
  });

  it('gives no account for a missing or broken #initial-state', () => {
    document.head.innerHTML = `<script id="initial-state" type="application/json">{not json</script>`;
    expect(readMastodonAcct(document)).toBeUndefined();
    document.head.innerHTML = '';
    expect(readMastodonAcct(document)).toBeUndefined();
  });

  it('is the site `mastodon` on every instance (settings, accounts, when.sites, audit log)', () => {
    expect(mastodon.siteKey({ host: 'social.example.jp' })).toBe('mastodon');
    expect(mastodon.siteKey({ host: 'mastodon.social' })).toBe('mastodon');
    expect(mastodon.quirks?.formSubmit).toBe(true);
  });
});
