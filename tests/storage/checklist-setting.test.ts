// settings.checklist (issue 4's popup): older settings get the default list without a version
// bump; a damaged list is reset and reported, never a crash; a company's own list is kept.
import { describe, expect, it } from 'vitest';
import { repairSettings } from '../../src/storage/settings';
import { DEFAULT_CHECKLIST } from '../../src/storage/settings-schema';

describe('settings.checklist', () => {
  it('defaults for settings saved before it existed', () => {
    const { settings, problems } = repairSettings({ version: 1, approvers: [] });
    expect(settings.checklist).toEqual(DEFAULT_CHECKLIST);
    expect(settings.checklist.map((i) => i.id)).toEqual(['purpose', 'account', 'links', 'images', 'disclosure', 'approval']);
    expect(problems).toEqual([]);
  });

  it('keeps a company list and resets a damaged one with a report', () => {
    const own = [{ id: 'legal', ja: '法務確認済み', en: 'Legal checked' }];
    expect(repairSettings({ version: 1, checklist: own }).settings.checklist).toEqual(own);
    const broken = repairSettings({ version: 1, checklist: [{ id: '', ja: 'x' }], policy: { holdAt: 'warn' } });
    expect(broken.settings.checklist).toEqual(DEFAULT_CHECKLIST);
    expect(broken.settings.policy.holdAt).toBe('warn'); // the rest survives
    expect(broken.problems.join('\n')).toMatch(/checklist/);
  });
});
