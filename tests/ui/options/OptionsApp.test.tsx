// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_KEY } from '../../../src/storage/settings';
import { entry } from '../../storage/list-fixtures';
import { renderOptions, setupBrowser, stored, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  fakeBrowser.reset();
  h = setupBrowser();
});
afterEach(cleanup);

const SECTIONS_JA = ['文を試す', '単語リスト', 'アカウント', '承認者とポリシー', 'サイト', '配慮日', '管理者のポリシー', '投稿前チェックリスト', '監査ログ'];
const SECTIONS_EN = ['Try a sentence', 'Word lists', 'Accounts', 'Approvers and policy', 'Sites', 'Sensitive dates', 'Managed policy', 'Before-posting checklist', 'Audit log'];

describe('the page', () => {
  it.each([
    ['ja', SECTIONS_JA],
    ['en', SECTIONS_EN],
  ] as const)('has every section, linked from the navigation (%s)', async (lang, names) => {
    await renderOptions(h, { lang });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((e) => e.textContent);
    expect(headings).toEqual(names);
    const nav = screen.getByRole('navigation', { name: lang === 'ja' ? '設定の項目' : 'Settings sections' });
    expect(within(nav).getAllByRole('link')).toHaveLength(names.length);
    for (const link of within(nav).getAllByRole('link')) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target?.tagName).toBe('SECTION');
      expect(target?.getAttribute('aria-labelledby')).toBeTruthy();
    }
  });

  it('follows the browser language when none is given', async () => {
    Object.defineProperty(navigator, 'languages', { value: ['en-GB', 'ja'], configurable: true });
    const { render } = await import('@testing-library/preact');
    const { OptionsApp } = await import('../../../src/ui/options/OptionsApp');
    const { createOptionsServices } = await import('../../../entrypoints/options/services');
    render(<OptionsApp services={createOptionsServices(async () => ({ ok: false, error: 'x' }))} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Kakunin settings' })).toBeTruthy();
  });

  it('is keyboard accessible: every control has a label, actions are buttons, nothing jumps the tab order', async () => {
    await renderOptions(h);
    for (const el of document.querySelectorAll<HTMLElement>('input, select, textarea')) {
      const id = el.id;
      const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (id && document.querySelector(`label[for="${id}"]`)) || el.closest('label');
      expect(labelled, `control without a label: ${el.outerHTML.slice(0, 120)}`).toBeTruthy();
    }
    for (const el of document.querySelectorAll<HTMLElement>('[tabindex]')) expect(Number(el.getAttribute('tabindex'))).toBeLessThanOrEqual(0);
    for (const b of document.querySelectorAll('button')) expect(b.getAttribute('type'), b.outerHTML).toMatch(/^(button|submit)$/);
    // ids are unique (labels and aria references rely on it)
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('damaged or old stored settings', () => {
  it('does not crash on a value that is not settings at all, and says so', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    await renderOptions(h);
    const alert = screen.getByRole('heading', { name: 'Problems with the stored settings' }).closest('[role=alert]')!;
    expect(within(alert as HTMLElement).getByText('stored settings were not an object; defaults used')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Word lists' })).toBeTruthy();
  });

  it('lists each repair, keeps the good parts, and backs the original up on the next save', async () => {
    const damaged = {
      version: 1,
      lists: [{ id: 'l1', name: '販促', entries: [entry(), { id: 'broken' }] }],
      accounts: [{ site: 'x', handle: 'bad', kind: 'robot' }],
    };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: damaged });
    await renderOptions(h);
    expect(screen.getByText(/word list "販促": entry 2 \(broken\) was invalid and was removed/)).toBeTruthy();
    expect(screen.getByText(/settings\.accounts\[0\] \(bad\) was invalid and was removed/)).toBeTruthy();
    // the good entry is there
    expect(within(document.getElementById('word-lists')!).getByText('compliance/our-claim')).toBeTruthy();

    fireEvent.click(within(document.getElementById('sites')!).getByLabelText('Check on X (Twitter)'));
    await waitFor(async () => expect((await stored()).sites).toEqual({ x: false }));
    fireEvent.click(await screen.findByText('Backups (1)'));
    fireEvent.click(screen.getByRole('button', { name: /^Download the backup of / }));
    expect(h.downloads).toHaveLength(1);
    expect(JSON.parse(h.downloads[0]!.text)).toEqual(damaged);
  });

  it('migrates a value saved before versioning and shows it without problems', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { accounts: [{ site: 'x', handle: 'old', kind: 'personal' }] } });
    await renderOptions(h);
    expect(screen.queryByRole('heading', { name: 'Problems with the stored settings' })).toBeNull();
    expect(within(document.getElementById('accounts')!).getByText('@old')).toBeTruthy();
  });
});

describe('managed policy', () => {
  it('shows the administrator’s values in one place and locked where they are used (Japanese)', async () => {
    await fakeBrowser.storage.managed.set({
      lists: [{ id: 'corp', name: '全社NG', entries: [entry({ id: 'confidential/code', category: 'confidential', patterns: ['プロジェクトK'] })] }],
      sites: { facebook: false },
      categories: { religion: 'off' },
      policy: { allowOverride: false },
      bogus: 1,
    });
    await renderOptions(h, { lang: 'ja' });
    const managed = within(document.getElementById('managed')!);
    expect(managed.getByText('全社NG (1)')).toBeTruthy();
    expect(managed.getByText('facebook: false')).toBeTruthy();
    expect(managed.getAllByText('管理者が設定').length).toBeGreaterThan(0);
    // an unknown key is reported, not fatal
    expect(screen.getByText('managed policy "bogus" ignored: unknown setting')).toBeTruthy();

    const lists = within(document.getElementById('word-lists')!);
    expect(lists.getAllByText('管理者が設定').length).toBeGreaterThan(0);
    expect((lists.getByLabelText('リスト名') as HTMLInputElement).disabled).toBe(true);
    expect(lists.queryByRole('button', { name: '項目を追加' })).toBeNull();
    expect(lists.queryByRole('button', { name: /^編集 / })).toBeNull();
    expect((lists.getByLabelText('宗教') as HTMLSelectElement).disabled).toBe(true);
    expect((within(document.getElementById('sites')!).getByLabelText('Facebook で確認する') as HTMLInputElement).disabled).toBe(true);
    expect((within(document.getElementById('approvers')!).getByLabelText('理由を記録すれば、保留中でも投稿できる') as HTMLInputElement).disabled).toBe(true);
    // admin lists can still be exported
    fireEvent.click(lists.getByRole('button', { name: 'JSON で書き出す' }));
    expect(JSON.parse(h.downloads[0]!.text).name).toBe('全社NG');
  });

  it('refuses an admin list whose ids collide and ignores an admin date with a built-in id, saying exactly why', async () => {
    await fakeBrowser.storage.managed.set({
      lists: [
        { id: 'corp', name: '全社NG', entries: [entry({ id: 'confidential/code', category: 'confidential', patterns: ['プロジェクトK'] })] },
        { id: 'promo', name: '販促NG', entries: [entry({ id: 'compliance/superiority-claim' }), entry({ id: 'confidential/code', category: 'confidential' })] },
      ],
      dates: [
        { id: 'great-east-japan-earthquake', month: 3, day: 11, reason: { ja: '震災', en: 'Quake' } },
        { id: 'plant-accident', month: 6, day: 3, reason: { ja: '工場事故の日', en: 'Plant accident' } },
      ],
    });
    await renderOptions(h);
    const problems = within(document.querySelector<HTMLElement>('section.problems')!);
    expect(problems.getByText('managed word list "販促NG" ignored: 2 entry ids are already used: compliance/superiority-claim (built-in: dictionaries/compliance.json), confidential/code (managed list "全社NG")')).toBeTruthy();
    expect(problems.getByText('managed policy "dates[0]" ignored: id "great-east-japan-earthquake" is a built-in sensitive date')).toBeTruthy();
    // what is in force is what is shown: the refused list is nowhere, the other one is
    const lists = within(document.getElementById('word-lists')!);
    expect([...(lists.getByLabelText('List') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([expect.stringMatching(/^全社NG/)]);
    expect(within(document.getElementById('managed')!).getByText('全社NG (1)')).toBeTruthy();
    expect(within(document.getElementById('managed')!).getByText('6/3 Plant accident')).toBeTruthy();
  });

  it('follows policy changes while the page is open', async () => {
    await renderOptions(h);
    expect(within(document.getElementById('managed')!).getByText('No administrator policy is set.')).toBeTruthy();
    await fakeBrowser.storage.managed.set({ anyTextBox: true });
    await waitFor(() => expect(within(document.getElementById('managed')!).getByText('true')).toBeTruthy());
    expect((within(document.getElementById('sites')!).getByLabelText('Check every text box on the sites added as “Other”') as HTMLInputElement).disabled).toBe(true);
  });
});
