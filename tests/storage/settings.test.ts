import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrate, MIGRATIONS } from '../../src/storage/migrations';
import { BACKUPS_KEY, loadBackups, loadSettings, repairSettings, saveSettings, SETTINGS_KEY, SettingsWriteError, updateSettings } from '../../src/storage/settings';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../src/storage/settings-schema';
import { entry } from './list-fixtures';

const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

beforeEach(() => fakeBrowser.reset());

describe('migrations', () => {
  it('lifts a v0 value (saved before versioning) to the current version without losing a field', () => {
    const v0 = {
      lists: [{ id: 'l1', name: '販促', enabled: true, entries: [entry()] }],
      accounts: [{ site: 'x', handle: 'kakunin_jp', kind: 'company' }],
      policy: { holdAt: 'warn', requiredApprovals: 2 },
    };
    expect(Object.keys(MIGRATIONS).map(Number)).toContain(0);
    const { value, problems } = migrate(v0);
    expect(problems).toEqual([]);
    expect(value.version).toBe(SETTINGS_VERSION);
    const { settings, problems: repaired } = repairSettings(v0);
    expect(repaired).toEqual([]);
    expect(settings.lists[0]?.entries).toEqual([entry()]);
    expect(settings.accounts).toEqual(v0.accounts);
    expect(settings.policy).toEqual({ ...DEFAULT_SETTINGS.policy, holdAt: 'warn', requiredApprovals: 2 });
  });

  it('reports a value from a newer Kakunin instead of guessing, keeping what it can read', () => {
    const { settings, problems } = repairSettings({ version: SETTINGS_VERSION + 1, anyTextBox: true, futureField: 1 });
    expect(problems).toEqual([expect.stringMatching(/newer Kakunin/)]);
    expect(settings.anyTextBox).toBe(true);
  });

  it('migrates what loadSettings reads from storage', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { anyTextBox: true } });
    expect(await loadSettings()).toEqual({ settings: { ...DEFAULT_SETTINGS, anyTextBox: true }, problems: [] });
  });
});

describe('corrupted values', () => {
  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2]],
  ])('%s gives the defaults and says so', (_, raw) => {
    expect(repairSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, problems: [expect.stringMatching(/not an object/)] });
  });

  it('nothing stored is not a problem', () => {
    expect(repairSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('drops only the bad items of a list field and keeps the good ones', () => {
    const { settings, problems } = repairSettings({
      version: 1,
      accounts: [{ site: 'x', handle: 'ok', kind: 'company' }, { site: 'x', handle: 'bad', kind: 'robot' }],
      approvers: [{ name: 'A', publicKey: KEY }, { name: 'B', publicKey: 'short' }],
      customSites: [{ origin: 'https://mastodon.example.jp', kind: 'mastodon' }, { origin: 'http://plain.example', kind: 'any' }],
      anyTextBox: true,
    });
    expect(settings.accounts).toEqual([{ site: 'x', handle: 'ok', kind: 'company' }]);
    expect(settings.approvers).toEqual([{ name: 'A', publicKey: KEY }]);
    expect(settings.customSites).toEqual([{ origin: 'https://mastodon.example.jp', kind: 'mastodon', enabled: true }]);
    expect(settings.anyTextBox).toBe(true);
    expect(problems).toEqual([
      expect.stringMatching(/^settings\.accounts\[1\] \(bad\) was invalid/),
      expect.stringMatching(/^settings\.approvers\[1\] \(B\) was invalid/),
      expect.stringMatching(/^settings\.customSites\[1\] \(http:\/\/plain\.example\) was invalid/),
    ]);
  });

  it('keeps a word list with a bad entry, minus that entry', () => {
    const { settings, problems } = repairSettings({
      version: 1,
      lists: [{ id: 'l1', name: '販促', entries: [entry(), { ...entry({ id: 'compliance/x' }), severity: 'fatal' }, entry({ id: 'compliance/y' })] }, 'junk'],
    });
    expect(settings.lists).toEqual([{ id: 'l1', name: '販促', enabled: true, entries: [entry(), entry({ id: 'compliance/y' })] }]);
    expect(problems).toEqual([expect.stringMatching(/word list "販促": entry 2 \(compliance\/x\) was invalid/), expect.stringMatching(/lists\[1\] was not a word list/)]);
  });

  it('resets bad fields of policy one by one and bad record keys one by one', () => {
    const { settings, problems } = repairSettings({
      version: 1,
      policy: { holdAt: 'warn', requiredApprovals: 0, allowOverride: 'yes' },
      sites: { x: false, myspace: true, bluesky: 'no' },
      categories: { religion: 'off', magic: 'off' },
      unknownAccountKind: 'robot',
    });
    expect(settings.policy).toEqual({ ...DEFAULT_SETTINGS.policy, holdAt: 'warn' });
    expect(settings.sites).toEqual({ x: false });
    expect(settings.categories).toEqual({ religion: 'off' });
    expect(settings.unknownAccountKind).toBe('company');
    expect(problems).toHaveLength(6);
  });
});

describe('saving', () => {
  const changed = (): Settings => ({ ...DEFAULT_SETTINGS, anyTextBox: true });

  it('refuses an invalid value and leaves the stored one as it was', async () => {
    await saveSettings(changed());
    const bad = { ...changed(), policy: { ...DEFAULT_SETTINGS.policy, requiredApprovals: 0 } };
    await expect(saveSettings(bad)).rejects.toThrow(SettingsWriteError);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(changed());
  });

  it('keeps the previous value when the write itself fails (quota)', async () => {
    await saveSettings(changed());
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveSettings({ ...changed(), lists: [{ id: 'l', name: 'big', enabled: true, entries: [entry()] }] })).rejects.toThrow(/previous settings are unchanged.*QUOTA/);
    set.mockRestore();
    expect((await loadSettings()).settings).toEqual(changed());
  });

  it('backs up a damaged stored value, in the same write, before replacing it', async () => {
    const damaged = { version: 1, accounts: [{ site: 'x', handle: 'bad', kind: 'robot' }], anyTextBox: true };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: damaged });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const { settings } = await loadSettings();
    await saveSettings(settings);
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0]).sort()).toEqual([SETTINGS_KEY, BACKUPS_KEY].sort());
    const backups = await loadBackups();
    expect(backups).toEqual([{ savedAt: expect.any(Number), problems: [expect.stringMatching(/accounts\[0\]/)], value: damaged }]);
    // the repaired value is clean now: a further save adds no backup
    await saveSettings(settings);
    expect(await loadBackups()).toHaveLength(1);
  });

  it('updateSettings changes the freshest stored value', async () => {
    await saveSettings(changed());
    const next = await updateSettings((s) => ({ ...s, unknownAccountKind: 'personal' }));
    expect(next).toEqual({ ...changed(), unknownAccountKind: 'personal' });
    expect((await loadSettings()).settings).toEqual(next);
  });
});
