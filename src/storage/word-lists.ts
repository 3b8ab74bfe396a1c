/**
 * Company word lists inside the settings: pure changes (settings in, settings out) that the
 * options page hands to updateSettings, so every change is one validated, atomic write.
 */
import { entryIds, type Entry, type NamedLists } from '../engine/dictionary/schema';
import type { TakenIds } from './list-validate';
import type { CompanyList, Settings } from './settings-schema';

export function newListId(): string {
  return `list-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Ids an entry of `listId` may not take: the built-in lists' and every other list's (the engine
 * loads all lists together and refuses a list whose id is already used).
 */
export function takenIds(lists: readonly CompanyList[], builtin: ReadonlyMap<string, string>, exceptListId?: string): Map<string, string> {
  const taken = new Map(builtin);
  for (const l of lists) {
    if (l.id === exceptListId) continue;
    for (const id of l.entries.flatMap(entryIds)) if (!taken.has(id)) taken.set(id, `list "${l.name}"`);
  }
  return taken;
}

export type ImportMode = 'replace' | 'merge';

/**
 * Replace a list's entries, or merge (an entry with an id already in the list is updated); named
 * word lists the same way (merge: a list of the same name is replaced).
 */
export function applyEntries(list: CompanyList, entries: readonly Entry[], mode: ImportMode, lists?: NamedLists): CompanyList {
  if (mode === 'replace') {
    const { lists: _old, ...rest } = list;
    return { ...rest, entries: [...entries], ...(lists ? { lists } : {}) };
  }
  if (lists) list = { ...list, lists: { ...list.lists, ...lists } };
  const incoming = new Map(entries.map((e) => [e.id, e]));
  const kept = list.entries.map((e) => incoming.get(e.id) ?? e);
  const known = new Set(list.entries.map((e) => e.id));
  return { ...list, entries: [...kept, ...entries.filter((e) => !known.has(e.id))] };
}

const mapList = (s: Settings, listId: string, f: (l: CompanyList) => CompanyList): Settings => {
  if (!s.lists.some((l) => l.id === listId)) throw new Error(`no word list "${listId}" (was it removed in another tab?)`);
  return { ...s, lists: s.lists.map((l) => (l.id === listId ? f(l) : l)) };
};

export const listChanges = {
  add: (list: CompanyList) => (s: Settings): Settings => ({ ...s, lists: [...s.lists, list] }),
  remove: (listId: string) => (s: Settings): Settings => ({ ...s, lists: s.lists.filter((l) => l.id !== listId) }),
  rename: (listId: string, name: string) => (s: Settings) => mapList(s, listId, (l) => ({ ...l, name })),
  setEnabled: (listId: string, enabled: boolean) => (s: Settings) => mapList(s, listId, (l) => ({ ...l, enabled })),
  importEntries: (listId: string, entries: readonly Entry[], mode: ImportMode, lists?: NamedLists) => (s: Settings) => mapList(s, listId, (l) => applyEntries(l, entries, mode, lists)),
  /** Adds `entry`, or replaces the entry with id `previousId` (an edit may change the id). */
  putEntry: (listId: string, entry: Entry, previousId?: string) => (s: Settings) =>
    mapList(s, listId, (l) => {
      const at = previousId === undefined ? -1 : l.entries.findIndex((e) => e.id === previousId);
      if (at < 0) return { ...l, entries: [...l.entries, entry] };
      const entries = [...l.entries];
      entries[at] = entry;
      return { ...l, entries };
    }),
  removeEntry: (listId: string, entryId: string) => (s: Settings) => mapList(s, listId, (l) => ({ ...l, entries: l.entries.filter((e) => e.id !== entryId) })),
};

/** Ids used twice across lists and built-ins: the engine would leave such a list out. */
export function idConflicts(lists: readonly CompanyList[], builtin: ReadonlyMap<string, string>): Array<{ list: string; id: string; where: string }> {
  const out: Array<{ list: string; id: string; where: string }> = [];
  const seen = new Map(builtin);
  for (const l of lists) {
    for (const e of l.entries) {
      const where = seen.get(e.id);
      if (where !== undefined) out.push({ list: l.name, id: e.id, where });
      else seen.set(e.id, `list "${l.name}"`);
    }
  }
  return out;
}
