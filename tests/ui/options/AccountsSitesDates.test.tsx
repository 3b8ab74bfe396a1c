// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resolveAccountKind } from '../../../src/storage/accounts';
import { saveSettings } from '../../../src/storage/settings';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings-schema';
import { toOrigin } from '../../../src/ui/options/SitesSection';
import { validateDate } from '../../../src/ui/options/date-form-model';
import { builtinCalendar } from '../../../src/rules/builtin';
import { renderOptions, setupBrowser, stored, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  fakeBrowser.reset();
  h = setupBrowser();
});
afterEach(cleanup);
const sectionOf = (id: string) => within(document.getElementById(id)!);

describe('accounts', () => {
  const s = () => sectionOf('accounts');

  it('adds handles per site as company or personal, which decides the account kind', async () => {
    await renderOptions(h);
    fireEvent.input(s().getByLabelText('Handle (without @)'), { target: { value: '@Kakunin_JP' } });
    fireEvent.click(s().getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await stored()).accounts).toEqual([{ site: 'x', handle: 'kakunin_jp', kind: 'company' }]));
    fireEvent.input(s().getByLabelText('Handle (without @)'), { target: { value: 'me' } });
    fireEvent.change(s().getByLabelText('Kind'), { target: { value: 'personal' } });
    fireEvent.click(s().getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await stored()).accounts).toHaveLength(2));
    fireEvent.change(s().getByLabelText('Accounts not listed are treated as'), { target: { value: 'personal' } });
    await waitFor(async () => expect((await stored()).unknownAccountKind).toBe('personal'));
    const settings = await stored();
    expect(resolveAccountKind(settings, 'x', '@KAKUNIN_jp')).toBe('company');
    expect(resolveAccountKind(settings, 'x', 'me')).toBe('personal');
    expect(resolveAccountKind(settings, 'x', 'someone')).toBe('personal');

    // the same handle again is refused
    fireEvent.input(s().getByLabelText('Handle (without @)'), { target: { value: 'kakunin_jp' } });
    fireEvent.click(s().getByRole('button', { name: 'Add' }));
    expect(await s().findByText('This account is already listed.')).toBeTruthy();

    fireEvent.change(s().getByLabelText('Kind: x @kakunin_jp'), { target: { value: 'personal' } });
    await waitFor(async () => expect((await stored()).accounts[0]?.kind).toBe('personal'));
    fireEvent.click(s().getByRole('button', { name: 'Delete x @me' }));
    await waitFor(async () => expect((await stored()).accounts.map((a) => a.handle)).toEqual(['kakunin_jp']));
  });

  it('offers `mastodon` for every Mastodon instance, and other added sites by host', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      customSites: [
        { origin: 'https://social.example.jp', kind: 'mastodon', enabled: true },
        { origin: 'https://intranet.example.jp', kind: 'any', enabled: true },
      ],
    });
    await renderOptions(h);
    const choices = [...document.querySelectorAll('#account-sites option')].map((o) => o.getAttribute('value'));
    expect(choices).toContain('mastodon');
    expect(choices).toContain('intranet.example.jp');
    expect(choices).not.toContain('social.example.jp');
    fireEvent.input(s().getByLabelText('Site'), { target: { value: 'mastodon' } });
    fireEvent.input(s().getByLabelText('Handle (without @)'), { target: { value: '@koho@social.example.jp' } });
    fireEvent.change(s().getByLabelText('Kind'), { target: { value: 'personal' } });
    fireEvent.click(s().getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await stored()).accounts).toEqual([{ site: 'mastodon', handle: 'koho@social.example.jp', kind: 'personal' }]));
    // what the Mastodon adapter reads on that instance (src/sites/mastodon.ts)
    expect(resolveAccountKind(await stored(), 'mastodon', 'koho@social.example.jp')).toBe('personal');
    expect(resolveAccountKind(await stored(), 'mastodon', 'koho@mastodon.social')).toBe('company');
  });

  it('shows admin accounts locked', async () => {
    await fakeBrowser.storage.managed.set({ accounts: [{ site: 'x', handle: 'corp', kind: 'company' }], unknownAccountKind: 'company' });
    await renderOptions(h);
    expect((s().getByLabelText('Kind: x @corp') as HTMLSelectElement).disabled).toBe(true);
    expect(s().queryByRole('button', { name: 'Delete x @corp' })).toBeNull();
    expect((s().getByLabelText('Accounts not listed are treated as') as HTMLSelectElement).disabled).toBe(true);
  });
});

describe('sites', () => {
  const s = () => sectionOf('sites');

  it('switches a built-in site off', async () => {
    await renderOptions(h);
    const x = s().getByLabelText('Check on X (Twitter)') as HTMLInputElement;
    expect(x.checked).toBe(true);
    fireEvent.click(x);
    await waitFor(async () => expect((await stored()).sites).toEqual({ x: false }));
  });

  it('adds a Mastodon instance only once the browser granted its host permission', async () => {
    await renderOptions(h);
    h.grant.next = false;
    fireEvent.input(s().getByLabelText('Address (https://…)'), { target: { value: 'social.example.jp/home' } });
    fireEvent.click(s().getByRole('button', { name: 'Add site' }));
    expect(await s().findByText('Access was not granted, so the site was not added.')).toBeTruthy();
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://social.example.jp/*'] });
    expect((await stored()).customSites).toEqual([]);

    h.grant.next = true;
    fireEvent.click(s().getByRole('button', { name: 'Add site' }));
    await waitFor(async () => expect((await stored()).customSites).toEqual([{ origin: 'https://social.example.jp', kind: 'mastodon', enabled: true }]));
    expect(await s().findByText(/Access granted/)).toBeTruthy();

    fireEvent.click(s().getByRole('button', { name: 'Delete https://social.example.jp' }));
    await waitFor(async () => expect((await stored()).customSites).toEqual([]));
    await waitFor(() => expect(h.granted.has('https://social.example.jp/*')).toBe(false));
  });

  it('refuses an address that is not https, and offers to grant a missing permission', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, customSites: [{ origin: 'https://intranet.example.jp', kind: 'any', enabled: true }] });
    await renderOptions(h);
    fireEvent.input(s().getByLabelText('Address (https://…)'), { target: { value: 'http://plain.example' } });
    fireEvent.click(s().getByRole('button', { name: 'Add site' }));
    expect(await s().findByText(/Enter an https address/)).toBeTruthy();
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    fireEvent.click(await s().findByRole('button', { name: 'Grant access: https://intranet.example.jp' }));
    await waitFor(() => expect(h.granted.has('https://intranet.example.jp/*')).toBe(true));
    // The site is added as "Other": not checked until "check every text box" is on.
    expect(s().getByText('Not checked: “Check every text box” is off')).toBeTruthy();
    fireEvent.click(s().getByLabelText('Check every text box on the sites added as “Other”'));
    await waitFor(async () => expect((await stored()).anyTextBox).toBe(true));
    await waitFor(() => expect(s().queryByText('Not checked: “Check every text box” is off')).toBeNull());
  });

  it('reads addresses as origins', () => {
    expect(toOrigin('mastodon.example.jp')).toBe('https://mastodon.example.jp');
    expect(toOrigin('https://Mastodon.Example.jp/@me?x=1')).toBe('https://mastodon.example.jp');
    expect(toOrigin('http://a.example')).toBeUndefined();
    expect(toOrigin('ftp://a.example')).toBeUndefined();
    expect(toOrigin('')).toBeUndefined();
  });
});

describe('sensitive dates', () => {
  const s = () => sectionOf('dates');

  it('shows the built-in calendar with its reasons', async () => {
    await renderOptions(h);
    const table = s().getAllByRole('table').at(-1)!;
    const calendar = builtinCalendar();
    expect(within(table).getAllByRole('row')).toHaveLength(calendar.length + 1);
    for (const d of calendar.slice(0, 3)) expect(within(table).getAllByText(d.reason.en).length).toBeGreaterThan(0);
  });

  it('adds, edits and deletes a company date, validated', async () => {
    await renderOptions(h);
    fireEvent.click(s().getByRole('button', { name: 'Add date' }));
    const put = (label: string, value: string) => fireEvent.input(s().getByLabelText(label), { target: { value } });
    put('ID', 'product-recall');
    put('Month', '2');
    put('Day', '30');
    put('Reason (Japanese)', '製品回収の日');
    fireEvent.click(s().getByRole('button', { name: 'Save' }));
    expect(await s().findByText('That month has no such day.')).toBeTruthy();
    put('Day', '29');
    fireEvent.click(s().getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await stored()).dates).toEqual([{ id: 'product-recall', month: 2, day: 29, days: 1, reason: { ja: '製品回収の日', en: '製品回収の日' } }]));

    fireEvent.click(await s().findByRole('button', { name: 'Edit product-recall' }));
    put('Days', '3');
    fireEvent.click(s().getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await stored()).dates[0]?.days).toBe(3));
    fireEvent.click(await s().findByRole('button', { name: 'Delete product-recall' }));
    await waitFor(async () => expect((await stored()).dates).toEqual([]));
  });

  it('refuses an id the built-in calendar uses', () => {
    const builtinId = builtinCalendar()[0]?.id ?? 'x';
    const r = validateDate({ id: builtinId, month: '3', day: '11', days: '1', since: '', reasonJa: 'a', reasonEn: '', source: '' }, new Set([builtinId]));
    expect(r).toEqual({ ok: false, errors: { id: 'taken' } });
    expect(validateDate({ id: 'ok', month: '13', day: '1', days: '1', since: '', reasonJa: '', reasonEn: '', source: '' }, new Set()).ok).toBe(false);
  });
});
