/**
 * Reading and writing `local:settings`: migrated, validated, and repaired field by field, so a
 * corrupted or old value never crashes a page. Managed policy (chrome.storage.managed) is merged
 * on top by policy.ts.
 *
 * Nothing is ever lost: a write validates the whole new value first (the old one stays until
 * the new one is complete and valid), goes in one storage.local.set, and when the value it
 * replaces could only be read with repairs, that original goes into `local:settingsBackups` in
 * the same set() call.
 */
import { browser } from 'wxt/browser';
import { migrate } from './migrations';
import { repairFields } from './repair';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from './settings-schema';

export const SETTINGS_KEY = 'settings';
export const BACKUPS_KEY = 'settingsBackups';
const MAX_BACKUPS = 5;

export interface LoadedSettings {
  settings: Settings;
  /** what was repaired or ignored, for the options page to show */
  problems: string[];
}

export interface SettingsBackup {
  /** epoch milliseconds */
  savedAt: number;
  problems: string[];
  /** the stored value exactly as it was */
  value: unknown;
}

/** Validates any stored value; never throws. */
export function repairSettings(raw: unknown): LoadedSettings {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: DEFAULT_SETTINGS, problems: ['stored settings were not an object; defaults used'] };
  }
  const { value, problems } = migrate(raw as Record<string, unknown>);
  const whole = SettingsSchema.safeParse(value);
  if (whole.success) return { settings: whole.data, problems };
  const settings = repairFields(value, (p) => problems.push(p));
  return { settings, problems };
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return repairSettings(stored[SETTINGS_KEY]);
}

export class SettingsWriteError extends Error {
  override name = 'SettingsWriteError';
}

export async function saveSettings(settings: Settings): Promise<void> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, BACKUPS_KEY]);
  await write(settings, stored);
}

/**
 * The one writer. `stored` is what storage held when the caller read it (settings and backups):
 * if that settings value needed repairs, it is backed up in the same set() call.
 */
async function write(settings: Settings, stored: Record<string, unknown>, knownProblems?: string[]): Promise<void> {
  const parsed = SettingsSchema.safeParse(settings); // never store what we could not read back
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new SettingsWriteError(`settings not saved: ${i ? `${i.path.join('.')}: ${i.message}` : 'invalid'}`);
  }
  const items: Record<string, unknown> = { [SETTINGS_KEY]: parsed.data };
  const previous = stored[SETTINGS_KEY];
  if (previous !== undefined && previous !== null) {
    const problems = knownProblems ?? repairSettings(previous).problems;
    if (problems.length) {
      const backups = readBackups(stored[BACKUPS_KEY]);
      items[BACKUPS_KEY] = [...backups, { savedAt: Date.now(), problems, value: previous }].slice(-MAX_BACKUPS);
    }
  }
  try {
    await browser.storage.local.set(items);
  } catch (e) {
    // e.g. QUOTA_BYTES exceeded: set() failed as a whole, the stored value is the old one
    throw new SettingsWriteError(`settings not saved (the previous settings are unchanged): ${(e as Error).message}`);
  }
}

/**
 * Read-modify-write on the freshest stored value (another tab may have saved meanwhile): one read
 * and one validation of what was stored, one of what is written (a 10,000-entry list is ~3 MB).
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, BACKUPS_KEY]);
  const { settings, problems } = repairSettings(stored[SETTINGS_KEY]);
  // the parsed value is the caller's own copy, except the shared defaults
  const next = change(settings === DEFAULT_SETTINGS ? structuredClone(settings) : settings);
  await write(next, stored, problems);
  return next;
}

function readBackups(raw: unknown): SettingsBackup[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((b): b is SettingsBackup => !!b && typeof b === 'object' && typeof (b as SettingsBackup).savedAt === 'number');
}

export async function loadBackups(): Promise<SettingsBackup[]> {
  const stored = await browser.storage.local.get(BACKUPS_KEY);
  return readBackups(stored[BACKUPS_KEY]);
}

/** Calls back whenever local settings or managed policy change. */
export function watchSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
