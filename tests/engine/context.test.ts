/** Context rules: the posting account and the day the post goes out. */
import { describe, expect, it } from 'vitest';
import { sensitiveDaysOn, type SensitiveDate } from '../../src/engine/context/calendar';
import { parseDictionary } from '../../src/engine/dictionary/compile';
import { resolveContext } from '../../src/engine/index';
import { builtinCalendar } from '../../src/rules/builtin';
import { builtinEngine, engineWith } from '../support/engine';

const day = (id: string, month: number, d: number, extra: Partial<SensitiveDate> = {}): SensitiveDate => ({
  id, month, day: d, days: 1, reason: { ja: id, en: id }, ...extra,
});

describe('sensitive-date calendar', () => {
  const cal = [day('a', 3, 11), day('kumamoto', 4, 14, { days: 3 }), day('noto', 1, 1, { since: 2024 })];
  it('covers multi-day spans and first years', () => {
    expect(sensitiveDaysOn(cal, { year: 2027, month: 3, day: 11 }).map((d) => d.id)).toEqual(['a']);
    expect(sensitiveDaysOn(cal, { year: 2027, month: 3, day: 12 })).toEqual([]);
    expect(sensitiveDaysOn(cal, { year: 2027, month: 4, day: 16 }).map((d) => d.id)).toEqual(['kumamoto']);
    expect(sensitiveDaysOn(cal, { year: 2027, month: 4, day: 17 })).toEqual([]);
    expect(sensitiveDaysOn(cal, { year: 2023, month: 1, day: 1 })).toEqual([]);
    expect(sensitiveDaysOn(cal, { year: 2025, month: 1, day: 1 }).map((d) => d.id)).toEqual(['noto']);
  });

  it('resolves the context: no account means the company account; a date finds its days', () => {
    expect(resolveContext(undefined)).toEqual({ account: 'company', site: undefined });
    expect(resolveContext({ date: '2027-03-11T09:00:00+09:00' }, cal).sensitiveDays?.map((d) => d.id)).toEqual(['a']);
  });

  it('ships the built-in days with reasons', () => {
    const ids = builtinCalendar().map((d) => `${d.month}/${d.day}`);
    for (const d of ['1/17', '3/11', '8/6', '8/9', '8/15', '9/1']) expect(ids).toContain(d);
  });
});

describe('sensitive dates in a check', () => {
  it('every draft that day gets an info reminder of the reason; promotion that day warns', async () => {
    const engine = await builtinEngine();
    const plain = engine.check('本日のランチメニューです', { account: 'company', date: '2027-03-11' });
    const reminder = plain.filter((f) => f.rule === 'disaster/sensitive-date');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toMatchObject({ severity: 'info', start: 0, end: 0, text: '' });
    expect(reminder[0]!.message.ja).toContain('東日本大震災');
    const sale = engine.check('春の大感謝セール開催!全品半額', { account: 'company', date: '2027-03-11' });
    expect(sale.some((f) => f.category === 'disaster' && f.severity !== 'info')).toBe(true);
    expect(engine.check('春の大感謝セール開催!全品半額', { account: 'company', date: '2027-03-12' }).filter((f) => f.category === 'disaster')).toEqual([]);
  });

  it('a company adds its own day', async () => {
    const engine = await engineWith({ dates: [day('founder', 6, 2, { reason: { ja: '創業者の命日', en: "the founder's day of remembrance" } })] });
    expect(engine.check('新商品です', { date: '2027-06-02' }).map((f) => f.message.ja).join()).toContain('創業者の命日');
  });
});

describe('account context', () => {
  it('the same words warn on one kind of account and not the other', async () => {
    const file = parseDictionary(
      {
        name: 'acct',
        entries: [
          { id: 'account-mixup/t-private', category: 'account-mixup', severity: 'warn', patterns: ['二日酔い'], when: { account: 'company' }, message: { ja: 'a', en: 'a' } },
          { id: 'account-mixup/t-official', category: 'account-mixup', severity: 'warn', patterns: ['弊社'], when: { account: 'personal' }, message: { ja: 'b', en: 'b' } },
        ],
      },
      'acct',
    );
    const engine = await engineWith({ lists: [{ file, source: 'acct' }] });
    const rules = (text: string, account: 'company' | 'personal') => engine.checkAll(text, { account }).filter((f) => f.rule.startsWith('account-mixup/t-')).map((f) => f.rule);
    expect(rules('二日酔いです', 'company')).toEqual(['account-mixup/t-private']);
    expect(rules('二日酔いです', 'personal')).toEqual([]);
    expect(rules('弊社の新製品', 'personal')).toEqual(['account-mixup/t-official']);
    expect(rules('弊社の新製品', 'company')).toEqual([]);
  });
});

describe('category caps are a setting on the built-in rules', () => {
  const founder = day('founder', 6, 2, { reason: { ja: '創業者の命日', en: "the founder's day of remembrance" } });
  const codename = parseDictionary(
    { name: '社内', entries: [{ id: 'confidential/t-codename', category: 'confidential', severity: 'block', patterns: ['プロジェクトK'], message: { ja: 'a', en: 'a' } }] },
    '社内',
  );

  it('a capped category leaves a company-list entry of that category as the company wrote it', async () => {
    const engine = await engineWith({ lists: [{ file: codename, source: '社内' }], overrides: { categories: { confidential: 'info' } } });
    const of = (rule: string) => engine.checkAll('プロジェクトKの件、社外秘です', {}).find((f) => f.rule === rule)?.severity;
    expect(of('confidential/t-codename')).toBe('block');
    expect(of('confidential/internal-label')).toBe('info'); // the built-in rule is capped
    const off = await engineWith({ lists: [{ file: codename, source: '社内' }], overrides: { categories: { confidential: 'off' } } });
    expect(off.checkAll('プロジェクトKの件、社外秘です', {}).map((f) => f.rule)).toEqual(['confidential/t-codename']);
  });

  it('disaster off silences the built-in calendar, not a date the company added', async () => {
    const engine = await engineWith({ dates: [founder], overrides: { categories: { disaster: 'off' } } });
    expect(engine.check('新商品です', { date: '2027-03-11' }).filter((f) => f.category === 'disaster')).toEqual([]);
    const reminder = engine.check('新商品です', { date: '2027-06-02' }).filter((f) => f.rule === 'disaster/sensitive-date');
    expect(reminder.map((f) => [f.severity, f.message.ja.includes('創業者の命日')])).toEqual([['info', true]]);
  });

  it('a single rule switched off stays off, company date or not', async () => {
    const engine = await engineWith({ dates: [founder], overrides: { disabledRules: ['disaster/sensitive-date'] } });
    expect(engine.check('新商品です', { date: '2027-06-02' }).filter((f) => f.rule === 'disaster/sensitive-date')).toEqual([]);
  });
});
