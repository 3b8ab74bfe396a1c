/**
 * Stored settings carry their version; each step lifts one version to the next. A value from a
 * newer Kakunin (higher version) is left alone and reported rather than guessed at.
 */
import { SETTINGS_VERSION } from './settings-schema';

type Raw = Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n value into version n+1. */
export const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  // v0: settings written before versioning (no `version` field): same fields.
  0: (old) => ({ ...old, version: 1 }),
};

export function migrate(raw: Raw): { value: Raw; problems: string[] } {
  const problems: string[] = [];
  let value = { ...raw };
  let version = typeof value.version === 'number' ? value.version : 0;
  if (version > SETTINGS_VERSION) {
    problems.push(`settings were saved by a newer Kakunin (version ${version}); unknown fields are ignored`);
    return { value: { ...value, version: SETTINGS_VERSION }, problems };
  }
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) {
      problems.push(`no migration from settings version ${version}; defaults used`);
      return { value: { version: SETTINGS_VERSION }, problems };
    }
    value = step(value);
    version++;
  }
  return { value, problems };
}
