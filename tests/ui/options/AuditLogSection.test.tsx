// @vitest-environment happy-dom
// The audit log on the real options page, over the background's real audit handlers and a
// fake-indexeddb log: filters, export, retention and the text opt-in; and the checklist editor.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuditEventInput, Request } from '../../../src/messaging/protocol';
import { DEFAULT_CHECKLIST } from '../../../src/storage/settings-schema';
import { setup, type Harness as Background } from '../../worker/approval-harness';
import { quietTransport, renderOptions, setupBrowser, stored, type Harness } from './harness';

const DAY = 86_400_000;
let bg: Background;
let h: Harness;

const AUDIT_TYPES = new Set(['listAudit', 'exportAudit', 'pruneAudit']);
const transport = (m: Request) => (AUDIT_TYPES.has(m.type) ? bg.transport(m) : quietTransport(m));
const section = () => within(document.getElementById('audit')!);
const rows = () => section().queryAllByRole('row').slice(1); // without the header

async function seed(daysAgo: number, event: Partial<AuditEventInput> & Pick<AuditEventInput, 'kind'>, text?: string) {
  await bg.audit.append({ site: 'x', handle: 'kakunin_jp', account: 'company', textHash: 'H'.repeat(43), findings: [], ...event }, { now: bg.clock.now - daysAgo * DAY, text });
}

beforeEach(async () => {
  bg = setup(Date.now());
  h = setupBrowser();
  await seed(40, { kind: 'held', findings: [{ rule: 'compliance/no1', category: 'compliance', severity: 'block' }] });
  await seed(10, { kind: 'override', reason: '=HYPERLINK("http://evil")', site: 'threads', handle: 'other' });
  await seed(2, { kind: 'approval-requested', actor: '佐藤 (abc)' });
  await seed(1, { kind: 'approved', actor: '田中 (def)', reason: 'OK です' });
});
afterEach(cleanup);

describe('audit log section', () => {
  it('lists events newest first and filters by kind, site, account and time range', async () => {
    await renderOptions(h, { transport });
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows().map((r) => r.getAttribute('data-kind'))).toEqual(['approved', 'approval-requested', 'override', 'held']);
    expect(section().getByTestId('audit-count').textContent).toBe('Showing 4 of 4 (newest first)');
    expect(rows()[0]!.textContent).toContain('田中 (def)');

    fireEvent.change(section().getByLabelText('Kind'), { target: { value: 'override' } });
    fireEvent.click(section().getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-kind'))).toEqual(['override']));

    fireEvent.click(section().getByRole('button', { name: 'Clear' }));
    fireEvent.input(section().getByLabelText('Site'), { target: { value: 'x' } });
    fireEvent.input(section().getByLabelText('Account (handle, company or personal)'), { target: { value: '@KAKUNIN_JP' } });
    fireEvent.click(section().getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(rows()).toHaveLength(3));

    const day = (daysAgo: number) => new Date(bg.clock.now - daysAgo * DAY).toLocaleDateString('sv-SE'); // YYYY-MM-DD, local
    fireEvent.click(section().getByRole('button', { name: 'Clear' }));
    fireEvent.input(section().getByLabelText('From'), { target: { value: day(11) } });
    fireEvent.input(section().getByLabelText('To'), { target: { value: day(2) } });
    fireEvent.click(section().getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-kind'))).toEqual(['approval-requested', 'override']));
  });

  it('exports the filtered events as CSV and JSON', async () => {
    await renderOptions(h, { transport });
    await waitFor(() => expect(rows()).toHaveLength(4));
    fireEvent.click(section().getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(h.downloads).toHaveLength(1));
    const csv = h.downloads[0]!;
    expect(csv.fileName).toMatch(/^kakunin-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.mime).toBe('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('id,time,kind,site,handle,account,textHash,findings,reason,actor,detail,text');
    expect(lines[1]).toContain(',held,x,kakunin_jp,company,');
    expect(lines[1]).toContain('compliance/no1:block');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`); // a formula is defused
    expect(section().getByTestId('audit-note').textContent).toBe('Exported 4 events');

    fireEvent.change(section().getByLabelText('Kind'), { target: { value: 'approved' } });
    fireEvent.click(section().getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(section().getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(h.downloads).toHaveLength(2));
    const json = JSON.parse(h.downloads[1]!.text);
    expect(json.format).toBe('kakunin-audit/1');
    expect(json.events).toEqual([expect.objectContaining({ kind: 'approved', reason: 'OK です', actor: '田中 (def)' })]);
  });

  it('saves the retention and prunes what is older at once', async () => {
    await renderOptions(h, { transport });
    await waitFor(() => expect(rows()).toHaveLength(4));
    const days = section().getByLabelText('Keep events for (days)') as HTMLInputElement;
    expect(days.value).toBe('365');
    fireEvent.input(days, { target: { value: '0' } });
    fireEvent.click(section().getByRole('button', { name: 'Save retention' })); // the browser's own range check stops it
    await new Promise((r) => setTimeout(r, 50));
    expect((await stored()).audit.retentionDays).toBe(365);
    fireEvent.input(days, { target: { value: '30' } });
    fireEvent.click(section().getByRole('button', { name: 'Save retention' }));
    await waitFor(() => expect(section().getByTestId('audit-note').textContent).toBe('Deleted 1 events past retention'));
    expect((await stored()).audit.retentionDays).toBe(30);
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('keeps the text opt-in off by default, explains it, and saves it', async () => {
    await renderOptions(h, { transport });
    const box = section().getByRole('checkbox', { name: 'Also record the text' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe('audit-store-text-hint');
    expect(document.getElementById('audit-store-text-hint')!.textContent).toContain('Off by default');
    fireEvent.click(box);
    await waitFor(async () => expect((await stored()).audit.storeText).toBe(true));
  });

  it('shows an admin-set retention and text choice locked', async () => {
    await fakeBrowser.storage.managed.set({ audit: { retentionDays: 90, storeText: false } });
    await renderOptions(h, { transport, lang: 'ja' });
    const s = section();
    expect((s.getByLabelText('保存期間 (日)') as HTMLInputElement).disabled).toBe(true);
    expect((s.getByRole('checkbox', { name: /本文も記録する/ }) as HTMLInputElement).disabled).toBe(true);
    expect(s.getAllByText('管理者が設定', { exact: false }).length).toBeGreaterThan(0);
  });
});

describe('checklist section', () => {
  const list = () => within(document.getElementById('checklist')!);

  it('shows the default items; adds, reorders, removes and resets them in settings', async () => {
    await renderOptions(h, { transport });
    const items = () => list().getAllByRole('listitem').map((li) => li.getAttribute('data-item'));
    expect(items()).toEqual(DEFAULT_CHECKLIST.map((i) => i.id));
    fireEvent.input(list().getByLabelText('Japanese'), { target: { value: '法務の確認を受けた' } });
    fireEvent.click(list().getByRole('button', { name: 'Add item' }));
    await waitFor(async () => expect((await stored()).checklist.at(-1)).toMatchObject({ ja: '法務の確認を受けた', en: '法務の確認を受けた' }));
    fireEvent.click(list().getByRole('button', { name: 'Move up: 投稿するアカウントが正しい' }));
    await waitFor(async () => expect((await stored()).checklist.slice(0, 2).map((i) => i.id)).toEqual(['account', 'purpose']));
    fireEvent.click(list().getByRole('button', { name: 'Remove: 必要な承認を得た' }));
    await waitFor(async () => expect((await stored()).checklist.map((i) => i.id)).not.toContain('approval'));
    fireEvent.click(list().getByRole('button', { name: 'Reset to the default items' }));
    await waitFor(async () => expect((await stored()).checklist).toEqual(DEFAULT_CHECKLIST));
  });
});
