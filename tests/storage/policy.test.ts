import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EntrySchema } from '../../src/engine/dictionary/schema';
import { CATEGORIES } from '../../src/engine/finding';
import { builtinIds } from '../../src/rules/builtin';
import { exportList } from '../../src/storage/list-import';
import { MANAGED_KEYS, parseManaged } from '../../src/storage/managed-policy';
import { loadEffectiveSettings, lockKey, mergePolicy } from '../../src/storage/policy';
import { saveSettings } from '../../src/storage/settings';
import { DEFAULT_SETTINGS, SITE_IDS, type Settings } from '../../src/storage/settings-schema';
import { schemaErrors, valueErrors } from './chrome-policy-schema';
import { entry } from './list-fixtures';

const KEY_A = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const KEY_B = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8';
const SCHEMA = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as Record<string, any>;

/** A policy an admin could deploy: valid for Chrome's schema check and for Kakunin. */
const ADMIN_POLICY = {
  lists: [
    { id: 'corp', name: '全社NG', entries: [entry({ id: 'confidential/codename', category: 'confidential', severity: 'block', patterns: ['プロジェクトK'] })] },
    { id: 'corp-re', name: '正規表現', json: exportList({ name: 'x', entries: [entry({ id: 'compliance/re', patterns: [{ re: 'No\\.?1', flags: 'i' }] })] }, 'json') },
  ],
  categories: { religion: 'info', abuse: 'off' },
  disabledRules: ['compliance/superiority-claim'],
  accounts: [{ site: 'x', handle: 'Kakunin_JP', kind: 'company' }],
  unknownAccountKind: 'personal',
  approvers: [{ name: '広報部長', publicKey: KEY_A }],
  policy: { holdAt: 'warn', requiredApprovals: 1 },
  sites: { facebook: false },
  customSites: [{ origin: 'https://social.example.jp', kind: 'mastodon' }],
  anyTextBox: false,
  dates: [{ id: 'founding-incident', month: 6, day: 3, reason: { ja: '事故の日', en: 'Accident day' } }],
  audit: { retentionDays: 90 },
};

beforeEach(() => fakeBrowser.reset());

describe('public/managed_schema.json', () => {
  it('is a schema Chrome accepts, with a title and description on every key', () => {
    expect(schemaErrors(SCHEMA)).toEqual([]);
  });

  it('declares exactly the keys parseManaged reads, every category, every site and every entry field', () => {
    expect(Object.keys(SCHEMA.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    expect(Object.keys(SCHEMA.properties.categories.properties).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.keys(SCHEMA.properties.sites.properties).sort()).toEqual([...SITE_IDS].sort());
    const entryProps = SCHEMA.properties.lists.items.properties.entries.items.properties;
    expect(Object.keys(entryProps).sort()).toEqual(Object.keys(EntrySchema.shape).sort());
  });

  it('accepts the example admin policy, which Kakunin reads without a problem', () => {
    expect(valueErrors(SCHEMA, ADMIN_POLICY)).toEqual([]);
    const { managed, problems } = parseManaged(ADMIN_POLICY, builtinIds());
    expect(problems).toEqual([]);
    expect(managed.lists?.map((l) => [l.id, l.entries.map((e) => e.id)])).toEqual([
      ['corp', ['confidential/codename']],
      ['corp-re', ['compliance/re']],
    ]);
  });
});

describe('documented examples', () => {
  const jsonBlocks = (path: string) => [...readFileSync(path, 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('the example policies in docs/admin.md and docs/company-lists.md read without a problem, rule ids included', () => {
    const examples = ['docs/admin.md', 'docs/company-lists.md'].flatMap(jsonBlocks).map((t) => JSON.parse(t.replace('<43-character base64url Ed25519 key>', KEY_A)) as Record<string, unknown>);
    const policies = examples.filter((e) => 'disabledRules' in e);
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(parseManaged(p, builtinIds()).problems).toEqual([]);
  });

  it('the rule id the schema gives as an example exists', () => {
    const example = /e\.g\. ([a-z-]+\/[a-z0-9-]+)/.exec(SCHEMA.properties.disabledRules.description)?.[1];
    expect(example && builtinIds().rules.has(example)).toBe(true);
  });
});

describe('parseManaged', () => {
  it('ignores bad values item by item and reports each', () => {
    const { managed, problems } = parseManaged({
      accounts: [{ site: 'x', handle: 'ok', kind: 'company' }, { site: 'x', handle: 'bad', kind: 'robot' }],
      approvers: 'not a list',
      policy: { holdAt: 'never', allowOverride: false, nonsense: 1 },
      sites: { x: false, myspace: true },
      whatever: 1,
    });
    expect(managed).toEqual({ accounts: [{ site: 'x', handle: 'ok', kind: 'company' }], policy: { allowOverride: false }, sites: { x: false } });
    expect(problems).toEqual([
      'managed policy "whatever" ignored: unknown setting',
      expect.stringMatching(/^managed policy "accounts\[1\]" ignored/),
      'managed policy "approvers" ignored: expected a list',
      expect.stringMatching(/^managed policy "policy.holdAt" ignored/),
      'managed policy "policy.nonsense" ignored: unknown setting',
      'managed policy "sites.myspace" ignored: invalid',
    ]);
  });

  it('refuses an admin list with any bad entry as a whole, naming the problems', () => {
    const { managed, problems } = parseManaged({
      lists: [
        { id: 'good', name: 'Good', entries: [entry()] },
        { id: 'bad', name: 'Bad', entries: [entry({ id: 'compliance/a' }), { ...entry({ id: 'compliance/b' }), severity: 'fatal' }] },
        { id: 'badjson', name: 'BadJSON', json: '{"entries": [}' },
      ],
    });
    expect(managed.lists?.map((l) => l.id)).toEqual(['good']);
    expect(problems).toEqual([
      expect.stringMatching(/^managed word list "Bad" ignored: entry 2 \(compliance\/b\): severity/),
      expect.stringMatching(/^managed word list "BadJSON" ignored: json line 1: not valid JSON/),
    ]);
  });

  it('reports switched-off rule ids that name no rule (a near miss suggested), keeping the rest', () => {
    const { managed, problems } = parseManaged(
      { lists: [{ id: 'corp', name: '全社NG', entries: [entry({ id: 'confidential/codename', category: 'confidential' })] }], disabledRules: ['compliance/superiorty-claim', 'compliance/superiority-claim', 'confidential/codename', 'privacy/phone-number', 'compliance/no1-claim'] },
      builtinIds(),
    );
    expect(managed.disabledRules).toEqual(['compliance/superiorty-claim', 'compliance/superiority-claim', 'confidential/codename', 'privacy/phone-number', 'compliance/no1-claim']);
    expect(problems).toEqual([
      'managed policy "disabledRules[0]": no rule "compliance/superiorty-claim" (did you mean "compliance/superiority-claim"?); it switches nothing off',
      'managed policy "disabledRules[4]": no rule "compliance/no1-claim"; it switches nothing off',
    ]);
  });

  it('refuses an admin list whose entry ids are already used, whole, naming every id and where it is used', () => {
    const { managed, problems } = parseManaged(
      {
        lists: [
          { id: 'corp', name: '全社NG', entries: [entry({ id: 'confidential/codename', category: 'confidential' }), entry({ id: 'compliance/ours' })] },
          { id: 'clash', name: '重複', entries: [entry({ id: 'compliance/fine' }), entry({ id: 'compliance/superiority-claim' }), entry({ id: 'confidential/codename', category: 'confidential' })] },
          { id: 'corp', name: '同じID', entries: [entry({ id: 'compliance/other' })] },
          { id: 'ok', name: '別', entries: [entry({ id: 'compliance/other' })] },
        ],
      },
      builtinIds(),
    );
    expect(managed.lists?.map((l) => [l.id, l.entries.map((e) => e.id)])).toEqual([
      ['corp', ['confidential/codename', 'compliance/ours']],
      ['ok', ['compliance/other']],
    ]);
    expect(problems).toEqual([
      'managed word list "重複" ignored: 2 entry ids are already used: compliance/superiority-claim (built-in: dictionaries/compliance.json), confidential/codename (managed list "全社NG")',
      'managed word list "同じID" ignored: list id "corp" is already used by managed list "全社NG"',
    ]);
  });

  it('counts an entry\'s "also" ids: a built-in also-id or one an earlier admin list took refuses the list', () => {
    const { managed, problems } = parseManaged(
      {
        lists: [
          { id: 'a', name: 'A', entries: [entry({ id: 'compliance/a', also: [{ id: 'account-mixup/r6-personal-own-misconduct' }] })] },
          { id: 'b', name: 'B', entries: [entry({ id: 'compliance/b', also: [{ id: 'abuse/b' }] })] },
          { id: 'c', name: 'C', entries: [entry({ id: 'abuse/b', category: 'abuse' })] },
        ],
      },
      builtinIds(),
    );
    expect(managed.lists?.map((l) => l.id)).toEqual(['b']);
    expect(problems).toEqual([
      'managed word list "A" ignored: 1 entry id is already used: account-mixup/r6-personal-own-misconduct (built-in: dictionaries/confidential.json)',
      'managed word list "C" ignored: 1 entry id is already used: abuse/b (managed list "B")',
    ]);
  });

  it('ignores an admin date whose id is a built-in day or an earlier admin date, reporting each', () => {
    const d = (id: string) => ({ id, month: 6, day: 3, reason: { ja: 'あ', en: 'a' } });
    const { managed, problems } = parseManaged({ dates: [d('great-east-japan-earthquake'), d('plant-accident'), d('plant-accident')] }, builtinIds());
    expect(managed.dates?.map((x) => x.id)).toEqual(['plant-accident']);
    expect(problems).toEqual([
      'managed policy "dates[0]" ignored: id "great-east-japan-earthquake" is a built-in sensitive date',
      'managed policy "dates[2]" ignored: id "plant-accident" is already used by dates[1]',
    ]);
  });

  it('without the built-ins (the popup), still checks the policy against itself', () => {
    const d = (id: string) => ({ id, month: 6, day: 3, reason: { ja: 'あ', en: 'a' } });
    const { problems } = parseManaged({ disabledRules: ['compliance/no1-claim'], dates: [d('great-east-japan-earthquake'), d('great-east-japan-earthquake')] });
    expect(problems).toEqual(['managed policy "dates[1]" ignored: id "great-east-japan-earthquake" is already used by dates[0]']);
  });

  it('returns nothing for no policy', () => {
    expect(parseManaged(undefined)).toEqual({ managed: {}, problems: [] });
    expect(parseManaged({})).toEqual({ managed: {}, problems: [] });
  });
});

describe('mergePolicy', () => {
  const own: Settings = {
    ...DEFAULT_SETTINGS,
    lists: [
      { id: 'corp', name: 'my copy of corp', enabled: true, entries: [] },
      { id: 'mine', name: 'mine', enabled: true, entries: [] },
    ],
    accounts: [
      { site: 'x', handle: '@kakunin_jp', kind: 'personal' },
      { site: 'x', handle: 'me', kind: 'personal' },
    ],
    approvers: [{ name: 'me', publicKey: KEY_B }],
    categories: { religion: 'off', politics: 'warn' },
    disabledRules: ['privacy/phone'],
    policy: { ...DEFAULT_SETTINGS.policy, holdAt: 'block', allowOverride: true },
    sites: { facebook: true, x: false },
  };

  it('puts admin values first, lets them win, keeps the user’s others, and locks exactly what the admin set', () => {
    const { managed } = parseManaged(ADMIN_POLICY);
    const { settings, locked } = mergePolicy(own, managed);
    expect(settings.lists.map((l) => [l.id, l.name])).toEqual([
      ['corp', '全社NG'],
      ['corp-re', '正規表現'],
      ['mine', 'mine'],
    ]);
    // same handle, other case and @: the admin's wins, the user's duplicate is gone
    expect(settings.accounts).toEqual([
      { site: 'x', handle: 'Kakunin_JP', kind: 'company' },
      { site: 'x', handle: 'me', kind: 'personal' },
    ]);
    expect(settings.approvers.map((a) => a.name)).toEqual(['広報部長', 'me']);
    expect(settings.categories).toEqual({ religion: 'info', politics: 'warn', abuse: 'off' });
    expect(settings.disabledRules).toEqual(['compliance/superiority-claim', 'privacy/phone']);
    expect(settings.policy).toEqual({ ...own.policy, holdAt: 'warn', requiredApprovals: 1 });
    expect(settings.sites).toEqual({ facebook: false, x: false });
    expect(settings.unknownAccountKind).toBe('personal');
    expect(settings.audit).toEqual({ retentionDays: 90, storeText: false });
    expect([...locked].sort()).toEqual(
      [
        lockKey.list('corp'),
        lockKey.list('corp-re'),
        lockKey.account('x', 'kakunin_jp'),
        lockKey.approver(KEY_A),
        lockKey.category('religion'),
        lockKey.category('abuse'),
        lockKey.rule('compliance/superiority-claim'),
        lockKey.unknownAccountKind,
        lockKey.policy('holdAt'),
        lockKey.policy('requiredApprovals'),
        lockKey.site('facebook'),
        lockKey.customSite('https://social.example.jp'),
        lockKey.anyTextBox,
        lockKey.date('founding-incident'),
        lockKey.audit('retentionDays'),
      ].sort(),
    );
    // the user's own value is untouched (the options page saves `own`, never the merge)
    expect(own.policy.holdAt).toBe('block');
  });

  it('with no policy, is the user’s settings and locks nothing', () => {
    expect(mergePolicy(own, {})).toEqual({ settings: own, locked: new Set() });
  });

  it('with managedApproversOnly, the admin’s approvers are the only ones in force; the user’s own stay stored', () => {
    const { managed, problems } = parseManaged({ ...ADMIN_POLICY, managedApproversOnly: true });
    expect(problems).toEqual([]);
    expect(valueErrors(SCHEMA, { ...ADMIN_POLICY, managedApproversOnly: true })).toEqual([]);
    const { settings, locked } = mergePolicy(own, managed);
    expect(settings.approvers).toEqual([{ name: '広報部長', publicKey: KEY_A }]);
    expect(locked.has(lockKey.managedApproversOnly)).toBe(true);
    expect(own.approvers).toEqual([{ name: 'me', publicKey: KEY_B }]);
    // false, or set without admin approvers: nothing but the flag's own effect
    expect(mergePolicy(own, { ...managed, managedApproversOnly: false }).settings.approvers.map((a) => a.name)).toEqual(['広報部長', 'me']);
    expect(mergePolicy(own, { managedApproversOnly: true }).settings.approvers).toEqual([]);
  });

  it('reads managedApproversOnly only as a boolean', () => {
    expect(parseManaged({ managedApproversOnly: 'yes' }).problems).toEqual(['managed policy "managedApproversOnly" ignored: Invalid input: expected boolean, received string']);
  });
});

describe('loadEffectiveSettings', () => {
  it('merges chrome.storage.managed over storage.local and reports both sides’ problems', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, anyTextBox: true, policy: { ...DEFAULT_SETTINGS.policy, holdAt: 'block' } });
    await fakeBrowser.storage.managed.set({ policy: { holdAt: 'warn' }, sites: 'wrong' });
    const eff = await loadEffectiveSettings();
    expect(eff.settings.policy.holdAt).toBe('warn');
    expect(eff.own.policy.holdAt).toBe('block');
    expect(eff.settings.anyTextBox).toBe(true);
    expect(eff.locked).toEqual(new Set([lockKey.policy('holdAt')]));
    expect(eff.problems).toEqual(['managed policy "sites" ignored: expected an object']);
  });
});
