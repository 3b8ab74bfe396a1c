/** A company list's entries: searched (debounced) and paged, so 10,000 entries stay quick to browse. */
import { useMemo, useState } from 'preact/hooks';
import type { Entry } from '../../engine/dictionary/schema';
import { useOptions } from './context';
import { filterEntries } from './entry-form-model';
import { CATEGORY_LABELS, messages, SEVERITY_LABELS } from './messages';
import { Pager, usePage } from './Pager';
import { useDebounced } from './use-debounced';

interface Props {
  /** the list's name, naming the table */
  label: string;
  entries: readonly Entry[];
  readOnly: boolean;
  onEdit(entry: Entry): void;
  onDelete(entry: Entry): void;
}

const patternText = (e: Entry) => e.patterns.map((p) => (typeof p === 'string' ? p : `/${p.re}/${p.flags ?? ''}`)).join(' | ');

export function EntriesTable({ label, entries, readOnly, onEdit, onDelete }: Props) {
  const { t, lang } = useOptions();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, 200);
  const shown = useMemo(() => filterEntries(entries, settled), [entries, settled]);
  const { page, pages, setPage, rows } = usePage(shown, settled);

  return (
    <div class="entries">
      <div class="field search">
        <label for="entry-search">{t(messages.searchEntries)}</label>
        <input id="entry-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {shown.length === 0 ? (
        <p class="empty">{entries.length === 0 ? t(messages.noEntries) : t(messages.noMatches)}</p>
      ) : (
        <table class="entries-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{t(messages.fId)}</th>
              <th scope="col">{t(messages.fCategory)}</th>
              <th scope="col">{t(messages.fSeverity)}</th>
              <th scope="col">{t(messages.fPatterns)}</th>
              <th scope="col">{lang === 'ja' ? t(messages.fMessageJa) : t(messages.fMessageEn)}</th>
              {!readOnly && <th scope="col"><span class="visually-hidden">{t(messages.edit)}</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td>
                  <code>{e.id}</code>
                </td>
                <td>{t(CATEGORY_LABELS[e.category])}</td>
                <td>
                  <span class={`sev sev-${e.severity}`}>{t(SEVERITY_LABELS[e.severity])}</span>
                </td>
                <td class="patterns">{patternText(e)}</td>
                <td>{e.message[lang]}</td>
                {!readOnly && (
                  <td class="row-actions">
                    <button type="button" onClick={() => onEdit(e)} aria-label={`${t(messages.edit)} ${e.id}`}>
                      {t(messages.edit)}
                    </button>
                    <button type="button" class="danger" onClick={() => onDelete(e)} aria-label={`${t(messages.delete)} ${e.id}`}>
                      {t(messages.delete)}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length > 0 && <Pager page={page} pages={pages} setPage={setPage} shown={rows.length} total={shown.length} label={t(messages.entriesOf(label))} />}
    </div>
  );
}
