/**
 * The built-in lists, bundled as data. Imported by the hosts (service worker, CLI, tests),
 * never by src/engine itself, which is handed its lists.
 */
import abuse from './abuse.json';
import accountMixup from './account-mixup.json';
import compliance from './compliance.json';
import confidential from './confidential.json';
import disaster from './disaster.json';
import humanRights from './human-rights.json';
import politics from './politics.json';
import privacy from './privacy.json';
import race from './race.json';
import religion from './religion.json';
import sensitiveDates from './sensitive-dates.json';

/** One file per category; `source` is the file name shown in errors. */
export const BUILTIN_LISTS: ReadonlyArray<{ source: string; data: unknown }> = [
  { source: 'dictionaries/religion.json', data: religion },
  { source: 'dictionaries/politics.json', data: politics },
  { source: 'dictionaries/human-rights.json', data: humanRights },
  { source: 'dictionaries/race.json', data: race },
  { source: 'dictionaries/account-mixup.json', data: accountMixup },
  { source: 'dictionaries/compliance.json', data: compliance },
  { source: 'dictionaries/privacy.json', data: privacy },
  { source: 'dictionaries/confidential.json', data: confidential },
  { source: 'dictionaries/disaster.json', data: disaster },
  { source: 'dictionaries/abuse.json', data: abuse },
];

export const BUILTIN_CALENDAR: { source: string; data: unknown } = { source: 'dictionaries/sensitive-dates.json', data: sensitiveDates };
