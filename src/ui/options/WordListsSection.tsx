/** Company word lists: pick, create, rename, switch off or delete a list; edit its entries; import and export. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entry } from '../../engine/dictionary/schema';
import { lockKey } from '../../storage/policy';
import { idConflicts, listChanges, newListId, takenIds } from '../../storage/word-lists';
import { BuiltinRules } from './BuiltinRules';
import { useOptions } from './context';
import { EntriesTable } from './EntriesTable';
import { EntryForm } from './EntryForm';
import { draftFromEntry, emptyDraft } from './entry-form-model';
import { ImportPanel } from './ImportPanel';
import { LockNote } from './Locked';
import { messages } from './messages';

type Editing = { kind: 'add' } | { kind: 'edit'; entry: Entry } | undefined;

export function WordListsSection() {
  const { t, effective, data, locked, builtinIds, apply } = useOptions();
  const lists = effective.lists;
  const [selectedId, setSelectedId] = useState<string | undefined>(lists[0]?.id);
  const [newName, setNewName] = useState('');
  const [editing, setEditing] = useState<Editing>();
  const addButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // keyboard users land back on "Add entry" when the form closes, not at the top of the page
    if (wasEditing.current && !editing) addButton.current?.focus();
    wasEditing.current = !!editing;
  }, [editing]);
  const selected = lists.find((l) => l.id === selectedId) ?? lists[0];
  const isLocked = !!selected && locked.has(lockKey.list(selected.id));
  // what the user may change is their own stored list (an admin list with the same id hides it)
  const own = selected && !isLocked ? data.own.lists.find((l) => l.id === selected.id) : undefined;
  const conflicts = useMemo(() => (selected ? idConflicts(lists, builtinIds).filter((c) => c.list === selected.name) : []), [lists, builtinIds, selected]);

  const createList = async (e: Event) => {
    e.preventDefault();
    const list = { id: newListId(), name: newName.trim() || t(messages.defaultListName), enabled: true, entries: [] };
    if (await apply(listChanges.add(list), { done: messages.saved })) {
      setSelectedId(list.id);
      setNewName('');
    }
  };

  const saveEntry = async (entry: Entry) => {
    if (!own) return false;
    const previousId = editing?.kind === 'edit' ? editing.entry.id : undefined;
    const ok = await apply(listChanges.putEntry(own.id, entry, previousId), { done: messages.saved });
    if (ok) setEditing(undefined);
    return ok;
  };

  const taken = useMemo(() => {
    const m = takenIds(lists, builtinIds, selected?.id);
    // the list's own other entries are taken too, except the one being edited
    for (const e of selected?.entries ?? []) if (!(editing?.kind === 'edit' && editing.entry.id === e.id)) m.set(e.id, `list "${selected!.name}"`);
    return m;
  }, [lists, builtinIds, selected, editing]);

  return (
    <section id="word-lists" class="section" aria-labelledby="word-lists-title">
      <h2 id="word-lists-title">{t(messages.wordLists)}</h2>
      <p>{t(messages.wordListsIntro)}</p>

      <form class="inline-form" onSubmit={createList}>
        <label for="new-list-name">{t(messages.newListName)}</label>
        <input id="new-list-name" type="text" value={newName} onInput={(e) => setNewName(e.currentTarget.value)} placeholder={t(messages.defaultListName)} />
        <button type="submit">{t(messages.newList)}</button>
      </form>

      {lists.length === 0 ? (
        <p class="empty">{t(messages.noLists)}</p>
      ) : (
        <div class="list-picker field">
          <label for="list-select">{t(messages.list)}</label>
          <select
            id="list-select"
            value={selected?.id}
            onChange={(e) => {
              setSelectedId(e.currentTarget.value);
              setEditing(undefined);
            }}
          >
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} — {t(messages.entries(l.entries.length))}
                {locked.has(lockKey.list(l.id)) ? ` 🔒` : ''}
                {l.enabled ? '' : ' (off)'}
              </option>
            ))}
          </select>
        </div>
      )}

      {selected && (
        <div class="list-detail">
          {isLocked && <LockNote />}
          <div class="field-row">
            <div class="field">
              <label for="list-name">{t(messages.listName)}</label>
              <input
                id="list-name"
                key={selected.id}
                type="text"
                defaultValue={selected.name}
                disabled={!own}
                onChange={(e) => {
                  const name = e.currentTarget.value.trim();
                  if (own && name && name !== own.name) void apply(listChanges.rename(own.id, name), { done: messages.saved });
                }}
              />
            </div>
            <label class="checkbox">
              <input type="checkbox" checked={selected.enabled} disabled={!own} onChange={(e) => own && void apply(listChanges.setEnabled(own.id, e.currentTarget.checked), { done: messages.saved })} />
              {t(messages.listEnabled)}
            </label>
            {own && (
              <button
                type="button"
                class="danger"
                onClick={() => {
                  void apply(listChanges.remove(own.id), { done: messages.listDeleted(own.name), undoable: true });
                  setSelectedId(undefined);
                }}
              >
                {t(messages.deleteList)}
              </button>
            )}
          </div>

          {conflicts.length > 0 && (
            <div class="warning" role="alert">
              <p>{t(messages.idConflicts)}</p>
              <ul>
                {conflicts.map((c) => (
                  <li key={c.id}>
                    <code>{c.id}</code> — {c.where}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {own && !editing && (
            <button type="button" class="primary" ref={addButton} onClick={() => setEditing({ kind: 'add' })}>
              {t(messages.addEntry)}
            </button>
          )}
          {own && editing && (
            <EntryForm
              key={editing.kind === 'edit' ? editing.entry.id : '+'}
              title={t(editing.kind === 'add' ? messages.addEntry : messages.editEntry)}
              initial={editing.kind === 'edit' ? draftFromEntry(editing.entry) : emptyDraft()}
              taken={taken}
              onSave={saveEntry}
              onCancel={() => setEditing(undefined)}
            />
          )}
          <EntriesTable
            label={selected.name}
            entries={selected.entries}
            readOnly={!own}
            onEdit={(entry) => setEditing({ kind: 'edit', entry })}
            onDelete={(entry) => own && void apply(listChanges.removeEntry(own.id, entry.id), { done: messages.entryDeleted(entry.id), undoable: true })}
          />
        </div>
      )}

      <ImportPanel target={own} exportable={selected} onImported={setSelectedId} />
      <BuiltinRules />
    </section>
  );
}
