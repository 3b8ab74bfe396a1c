/**
 * Reading and writing `local:settings`: migrated, validated, and repaired field by field, so a
 * corrupted or old value never crashes a page. Managed policy (chrome.storage.managed) is merged
 * on top by policy.ts.
 */
import { browser } from 'wxt/browser';
import { migrate } from './migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from './settings-schema';

export const SETTINGS_KEY = 'settings';

export interface LoadedSettings {
  settings: Settings;
  /** what was repaired or ignored, for the options page to show */
  problems: string[];
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
  // Keep every field that is valid; fall back to the default for each one that is not.
  const repaired: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    if (key === 'version') continue;
    const field = schema.safeParse(value[key]);
    if (field.success) repaired[key] = field.data;
    else {
      repaired[key] = DEFAULT_SETTINGS[key as keyof Settings];
      problems.push(`settings.${key} was invalid and was reset (${field.error.issues[0]?.message ?? 'invalid'})`);
    }
  }
  return { settings: SettingsSchema.parse(repaired), problems };
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return repairSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  const valid = SettingsSchema.parse(settings); // never store what we could not read back
  await browser.storage.local.set({ [SETTINGS_KEY]: valid });
}

/** Calls back whenever local settings or managed policy change. */
export function watchSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
