// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_RULES } from '../../../src/engine/detectors/model';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportList } from '../../../src/storage/list-import';
import { saveSettings, SETTINGS_KEY } from '../../../src/storage/settings';
import { DEFAULT_SETTINGS, type CompanyList } from '../../../src/storage/settings-schema';
import { entry, manyEntries } from '../../storage/list-fixtures';
import { fileFor, renderOptions, setupBrowser, stored, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  fakeBrowser.reset();
  h = setupBrowser();
});
afterEach(cleanup);

const section = () => within(document.getElementById('word-lists')!);
const status = () => screen.getByTestId('status').textContent;
const list = (entries = [entry()], over: Partial<CompanyList> = {}): CompanyList => ({ id: 'l1', name: '販促', enabled: true, entries, ...over });

async function chooseFile(file: File) {
  const input = section().getByLabelText('Import a CSV or JSON file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const type = (label: string, value: string) => fireEvent.input(section().getByLabelText(label), { target: { value } });

describe('company lists', () => {
  it('creates a list and adds an entry through the form, which validates every field first', async () => {
    await renderOptions(h);
    fireEvent.input(section().getByLabelText('Name of the new list'), { target: { value: '販促NG' } });
    fireEvent.click(section().getByRole('button', { name: 'New list' }));
    await waitFor(async () => expect((await stored()).lists.map((l) => l.name)).toEqual(['販促NG']));

    fireEvent.click(await section().findByRole('button', { name: 'Add entry' }));
    expect(document.activeElement).toBe(section().getByLabelText('Id'));
    type('Regular expressions (one per line, /…/i allowed)', '/(unclosed/');
    fireEvent.click(section().getByRole('button', { name: 'Save' }));
    await section().findByText('Please check the highlighted fields.');
    // every problem at its field: no pattern at all is fine only with a regex, the regex is broken, no message
    expect(section().getByLabelText('Regular expressions (one per line, /…/i allowed)').getAttribute('aria-invalid')).toBe('true');
    expect(section().getByLabelText('Message (Japanese)').getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).lists[0]?.entries).toEqual([]);

    type('Regular expressions (one per line, /…/i allowed)', '');
    type('Patterns (one per line)', '業界最安\n(必ず|絶対に)儲かる');
    type('Message (Japanese)', '根拠が必要です。');
    fireEvent.change(section().getByLabelText('Severity'), { target: { value: 'block' } });
    fireEvent.click(section().getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await stored()).lists[0]?.entries).toHaveLength(1));
    const saved = (await stored()).lists[0]!.entries[0]!;
    expect(saved).toEqual({
      id: expect.stringMatching(/^compliance\/c-/),
      category: 'compliance',
      severity: 'block',
      patterns: ['業界最安', '(必ず|絶対に)儲かる'],
      message: { ja: '根拠が必要です。', en: '根拠が必要です。' },
    });
    expect(section().getByRole('cell', { name: saved.id })).toBeTruthy();
    // focus returns to where the form was opened from
    await waitFor(() => expect(document.activeElement).toBe(section().getByRole('button', { name: 'Add entry' })));
  });

  it('edits an entry, keeping the fields the form does not show, and refuses a taken id', async () => {
    const advanced = entry({ id: 'compliance/adv', allow: ['黒字'], examples: { match: ['業界最安'], noMatch: [] } });
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list([entry(), advanced])] });
    await renderOptions(h);
    fireEvent.click(section().getByRole('button', { name: 'Edit compliance/adv' }));
    expect(section().getByText(/Advanced fields \(allow, examples\) are kept/)).toBeTruthy();
    type('Id', 'compliance/our-claim');
    fireEvent.click(section().getByRole('button', { name: 'Save' }));
    expect(await section().findByText(/id "compliance\/our-claim" is already used \(list "販促"\)/)).toBeTruthy();
    type('Id', 'compliance/adv2');
    type('Message (English)', 'Changed');
    fireEvent.click(section().getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await stored()).lists[0]?.entries[1]?.id).toBe('compliance/adv2'));
    expect((await stored()).lists[0]?.entries[1]).toEqual({ ...advanced, id: 'compliance/adv2', message: { ...advanced.message, en: 'Changed' } });
  });

  it('deletes an entry and can undo it', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list([entry(), entry({ id: 'compliance/two' })])] });
    await renderOptions(h);
    fireEvent.click(section().getByRole('button', { name: 'Delete compliance/two' }));
    await waitFor(async () => expect((await stored()).lists[0]?.entries.map((e) => e.id)).toEqual(['compliance/our-claim']));
    expect(status()).toBe('Deleted compliance/two');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored()).lists[0]?.entries.map((e) => e.id)).toEqual(['compliance/our-claim', 'compliance/two']));
  });

  it('renames, switches off and deletes a list (undoably)', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list()] });
    await renderOptions(h);
    fireEvent.change(section().getByLabelText('List name'), { target: { value: '新しい名前' } });
    await waitFor(async () => expect((await stored()).lists[0]?.name).toBe('新しい名前'));
    fireEvent.click(section().getByLabelText('Use this list'));
    await waitFor(async () => expect((await stored()).lists[0]?.enabled).toBe(false));
    fireEvent.click(section().getByRole('button', { name: 'Delete list' }));
    await waitFor(async () => expect((await stored()).lists).toEqual([]));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored()).lists.map((l) => l.name)).toEqual(['新しい名前']));
  });

  it('keeps 10,000 entries to one page of rows, and searches them', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list(manyEntries(10_000))] });
    const started = performance.now();
    await renderOptions(h);
    console.log(`options page with a 10,000-entry list rendered in ${(performance.now() - started).toFixed(0)} ms`);
    const table = section().getByRole('table', { name: '販促' });
    expect(within(table).getAllByRole('row')).toHaveLength(51); // header + 50
    expect(section().getByText('Page 1 of 200 (50 of 10000 shown)')).toBeTruthy();
    fireEvent.click(within(section().getByRole('navigation', { name: 'Entries of 販促' })).getByRole('button', { name: 'Next' }));
    expect(await within(section().getByRole('table', { name: '販促' })).findByText('religion/company-50')).toBeTruthy();
    fireEvent.input(section().getByLabelText(/Search entries/), { target: { value: '社内用語9999' } });
    await waitFor(() => expect(within(section().getByRole('table', { name: '販促' })).getAllByRole('row')).toHaveLength(2));
    expect(section().getByText('abuse/company-9999')).toBeTruthy();
    expect(await section().findByText('Page 1 of 1 (1 of 1 shown)')).toBeTruthy();
  }, 60_000);
});

describe('import', () => {
  const HEADER = 'id,category,severity,patterns,message_ja';

  it('imports a CSV as a new list', async () => {
    await renderOptions(h);
    await chooseFile(fileFor('販促.csv', `${HEADER}\r\ncompliance/a,compliance,warn,"(必ず|絶対に)儲かる",断定です\r\n`));
    await waitFor(async () => expect((await stored()).lists).toHaveLength(1));
    const l = (await stored()).lists[0]!;
    expect(l.name).toBe('販促');
    expect(l.entries.map((e) => e.patterns)).toEqual([['(必ず|絶対に)儲かる']]);
    expect(status()).toMatch(/^Imported 1 entries into “販促” \(\d+\.\d s\)$/);
  });

  it('reports every bad CSV row with its line number and changes nothing', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list()] });
    const before = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    await renderOptions(h);
    fireEvent.click(section().getByLabelText('Replace the selected list'));
    const csv = [HEADER, 'compliance/ok,compliance,warn,ok,m', 'compliance/b,compliance,severe,x,m', '"compliance/c",compliance,warn,"two', 'lines",', 'compliance/d,compliance,warn,"(a|b",m'].join('\r\n');
    await chooseFile(fileFor('bad.csv', csv));
    const alert = await section().findByRole('alert');
    expect(within(alert).getByText('3 problems found, so nothing was changed.')).toBeTruthy();
    const items = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/^Line 3 compliance\/b \[severity\]: /),
      expect.stringMatching(/^Line 4 compliance\/c \[message_ja\]: /),
      expect.stringMatching(/^Line 6 compliance\/d \[patterns\]: missing "\)"/),
    ]);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(before);
  });

  it('reports bad JSON entries and JSON syntax errors with line numbers and changes nothing', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list()] });
    const before = await stored();
    await renderOptions(h);
    const json = '{\n  "name": "x",\n  "entries": [\n    {"id": "compliance/z", "category": "compliance",\n     "severity": "urgent", "patterns": ["z"], "message": {"ja": "a", "en": "b"}}\n  ]\n}';
    await chooseFile(fileFor('x.json', json));
    expect(within(await section().findByRole('alert')).getByText(/^Line 5/)).toBeTruthy();
    await chooseFile(fileFor('broken.json', '{\n  "entries": [\n    {},\n  ]\n}'));
    await waitFor(() => expect(within(section().getByRole('alert')).getByText(/^Line 4/)).toBeTruthy());
    expect(await stored()).toEqual(before);
  });

  it('refuses an import whose ids are used by another list, all or nothing', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list(), list([entry({ id: 'compliance/other' })], { id: 'l2', name: 'Other' })] });
    const before = await stored();
    await renderOptions(h);
    fireEvent.click(section().getByLabelText('Add to the selected list (same id: updated)'));
    await chooseFile(fileFor('x.json', JSON.stringify([entry({ id: 'compliance/new' }), entry({ id: 'compliance/other' })])));
    expect(within(await section().findByRole('alert')).getByText(/already used \(list "Other"\)/)).toBeTruthy();
    expect(await stored()).toEqual(before);
  });

  it('merges into the selected list, updating same ids, and replaces', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list([entry(), entry({ id: 'compliance/keep' })])] });
    await renderOptions(h);
    fireEvent.click(section().getByLabelText('Add to the selected list (same id: updated)'));
    await chooseFile(fileFor('m.json', JSON.stringify([entry({ severity: 'block' }), entry({ id: 'compliance/new' })])));
    await waitFor(async () => expect((await stored()).lists[0]?.entries.map((e) => `${e.id}:${e.severity}`)).toEqual(['compliance/our-claim:block', 'compliance/keep:warn', 'compliance/new:warn']));
    fireEvent.click(section().getByLabelText('Replace the selected list'));
    await chooseFile(fileFor('r.json', JSON.stringify({ name: 'ignored', entries: [entry({ id: 'compliance/only' })] })));
    await waitFor(async () => expect((await stored()).lists[0]?.entries.map((e) => e.id)).toEqual(['compliance/only']));
    expect((await stored()).lists).toHaveLength(1);
  });

  it('imports 10,000 entries from CSV', async () => {
    await renderOptions(h);
    const csv = exportList({ name: 'big', entries: manyEntries(10_000) }, 'csv');
    const started = performance.now();
    await chooseFile(fileFor('big.csv', csv));
    await waitFor(async () => expect((await stored()).lists[0]?.entries).toHaveLength(10_000), { timeout: 30_000 });
    console.log(`options page: 10,000-entry CSV import saved in ${(performance.now() - started).toFixed(0)} ms`);
    expect(section().getByText('Page 1 of 200 (50 of 10000 shown)')).toBeTruthy();
  }, 60_000);

  it('exports the selected list as JSON and CSV in the import format', async () => {
    const entries = [entry(), entry({ id: 'compliance/re', patterns: [{ re: 'No\\.?1', flags: 'i' }], note: 'a, "b"' })];
    await saveSettings({ ...DEFAULT_SETTINGS, lists: [list(entries)] });
    await renderOptions(h);
    fireEvent.click(section().getByRole('button', { name: 'Export JSON' }));
    fireEvent.click(section().getByRole('button', { name: 'Export CSV' }));
    expect(h.downloads.map((d) => [d.fileName, d.mime])).toEqual([
      ['販促.json', 'application/json'],
      ['販促.csv', 'text/csv'],
    ]);
    expect(JSON.parse(h.downloads[0]!.text)).toEqual({ name: '販促', entries });
    expect(h.downloads[1]!.text).toBe(exportList({ name: '販促', entries }, 'csv'));
  });
});

describe('built-in rules', () => {
  it('turns a category down or off and switches a single rule off', async () => {
    await renderOptions(h);
    fireEvent.change(section().getByLabelText('Religion'), { target: { value: 'info' } });
    await waitFor(async () => expect((await stored()).categories).toEqual({ religion: 'info' }));
    fireEvent.change(section().getByLabelText('Politics'), { target: { value: 'off' } });
    await waitFor(async () => expect((await stored()).categories).toEqual({ religion: 'info', politics: 'off' }));
    fireEvent.change(section().getByLabelText('Religion'), { target: { value: 'default' } });
    await waitFor(async () => expect((await stored()).categories).toEqual({ politics: 'off' }));

    const rules = section().queryAllByRole('checkbox', { name: /^Use [a-z-]+\// });
    if (rules.length === 0) return; // built-in lists still empty in this checkout
    const first = rules[0] as HTMLInputElement;
    const id = first.getAttribute('aria-label')!.replace(/^Use /, '');
    fireEvent.click(first);
    await waitFor(async () => expect((await stored()).disabledRules).toEqual([id]));
  });
});

describe('the learned model', () => {
  it('is switched off and on as a whole: every model/<category> rule id', async () => {
    await renderOptions(h);
    const box = section().getByRole('checkbox', { name: 'Use the learned model' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(async () => expect((await stored()).disabledRules).toEqual(MODEL_RULES));
    await waitFor(() => expect(box.checked).toBe(false));
    fireEvent.click(box);
    await waitFor(async () => expect((await stored()).disabledRules).toEqual([]));
  });

  it('is locked when the administrator switched a model rule off', async () => {
    await fakeBrowser.storage.managed.set({ disabledRules: ['model/politics'] });
    await renderOptions(h);
    const box = section().getByRole('checkbox', { name: 'Use the learned model' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(true);
  });
});

describe('switched-off rule ids that name no rule', () => {
  it('are listed next to the rules, each with a near miss, and the user’s own can be removed', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, disabledRules: ['compliance/superiorty-claim', 'compliance/superiority-claim'] });
    await renderOptions(h);
    const note = within(await section().findByTestId('unknown-rules'));
    expect(note.getByText('compliance/superiorty-claim').closest('li')!.textContent).toContain('did you mean compliance/superiority-claim?');
    expect(note.queryByText(/^compliance\/superiority-claim/)).toBeNull(); // a real rule is not listed
    fireEvent.click(note.getByRole('button', { name: 'Remove compliance/superiorty-claim' }));
    await waitFor(async () => expect((await stored()).disabledRules).toEqual(['compliance/superiority-claim']));
    await waitFor(() => expect(section().queryByTestId('unknown-rules')).toBeNull());
  });

  it('from the administrator: reported with the policy problems and shown locked', async () => {
    await fakeBrowser.storage.managed.set({ disabledRules: ['compliance/no1-claim'] });
    await renderOptions(h);
    expect(screen.getByText('managed policy "disabledRules[0]": no rule "compliance/no1-claim"; it switches nothing off')).toBeTruthy();
    const note = within(await section().findByTestId('unknown-rules'));
    expect(note.getByText(/compliance\/no1-claim/)).toBeTruthy();
    expect(note.queryByRole('button', { name: /^Remove / })).toBeNull();
    expect(note.getByText('Set by your administrator')).toBeTruthy();
  });
});
