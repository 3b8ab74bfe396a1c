import { describe, expect, it } from 'vitest';
import { applyEntries, idConflicts, listChanges, takenIds } from '../../src/storage/word-lists';
import { checkApprovalPolicy } from '../../src/storage/approval-policy';
import { DEFAULT_SETTINGS, type CompanyList, type Settings } from '../../src/storage/settings-schema';
import { entry } from './list-fixtures';

const list = (id: string, ids: string[]): CompanyList => ({ id, name: `L-${id}`, enabled: true, entries: ids.map((i) => entry({ id: i })) });
const builtin = new Map([['compliance/builtin', 'built-in: dictionaries/compliance.json']]);

describe('word list changes', () => {
  it('replace swaps the entries; merge updates same ids in place and appends new ones', () => {
    const l = list('a', ['compliance/a', 'compliance/b']);
    const changedB = entry({ id: 'compliance/b', severity: 'block' });
    expect(applyEntries(l, [changedB], 'replace').entries).toEqual([changedB]);
    expect(applyEntries(l, [changedB, entry({ id: 'compliance/c' })], 'merge').entries.map((e) => [e.id, e.severity])).toEqual([
      ['compliance/a', 'warn'],
      ['compliance/b', 'block'],
      ['compliance/c', 'warn'],
    ]);
  });

  it('putEntry adds, or replaces the entry it edits even when the id changes; removeEntry removes', () => {
    const s: Settings = { ...DEFAULT_SETTINGS, lists: [list('a', ['compliance/a', 'compliance/b'])] };
    const added = listChanges.putEntry('a', entry({ id: 'compliance/c' }))(s);
    expect(added.lists[0]?.entries.map((e) => e.id)).toEqual(['compliance/a', 'compliance/b', 'compliance/c']);
    const renamed = listChanges.putEntry('a', entry({ id: 'compliance/a2' }), 'compliance/a')(added);
    expect(renamed.lists[0]?.entries.map((e) => e.id)).toEqual(['compliance/a2', 'compliance/b', 'compliance/c']);
    expect(listChanges.removeEntry('a', 'compliance/b')(renamed).lists[0]?.entries.map((e) => e.id)).toEqual(['compliance/a2', 'compliance/c']);
    expect(() => listChanges.rename('gone', 'x')(s)).toThrow(/no word list "gone"/);
  });

  it('knows which ids a list may not take, and finds ids used twice', () => {
    const lists = [list('a', ['compliance/a']), list('b', ['compliance/b', 'compliance/builtin'])];
    expect([...takenIds(lists, builtin, 'a').keys()].sort()).toEqual(['compliance/b', 'compliance/builtin']);
    expect(idConflicts([...lists, list('c', ['compliance/a'])], builtin)).toEqual([
      { list: 'L-b', id: 'compliance/builtin', where: 'built-in: dictionaries/compliance.json' },
      { list: 'L-c', id: 'compliance/a', where: 'list "L-a"' },
    ]);
  });
});

describe('checkApprovalPolicy (N of M)', () => {
  const KEYS = ['AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8', 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8'];
  const with_ = (n: number, m: number, always = false) => ({
    approvers: KEYS.slice(0, m).map((publicKey, i) => ({ name: `A${i}`, publicKey })),
    policy: { ...DEFAULT_SETTINGS.policy, requiredApprovals: n, companyAlwaysNeedsApproval: always },
  });
  it('needs N <= M distinct approvers', () => {
    expect(checkApprovalPolicy(with_(2, 2))).toEqual([]);
    expect(checkApprovalPolicy(with_(3, 2))).toEqual([{ code: 'required-exceeds-approvers', required: 3, approvers: 2 }]);
    // the same key twice is one approver
    const dup = with_(2, 1);
    dup.approvers.push({ name: 'again', publicKey: KEYS[0]! });
    expect(checkApprovalPolicy(dup)).toEqual([{ code: 'required-exceeds-approvers', required: 2, approvers: 1 }]);
  });
  it('flags mandatory approval without approvers, and nothing otherwise when there are none', () => {
    expect(checkApprovalPolicy(with_(1, 0))).toEqual([]);
    expect(checkApprovalPolicy(with_(1, 0, true))).toEqual([{ code: 'approval-without-approvers' }]);
  });
});
