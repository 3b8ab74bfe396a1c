/**
 * Import (CSV or JSON) into a new list or the selected one, all or nothing: a file with any
 * problem changes nothing and every problem is listed with its line. Export in both formats.
 */
import { useState } from 'preact/hooks';
import { decodeText } from '../../storage/decode-text';
import { detectFormat, exportFileName, exportList, importList, type ListFormat } from '../../storage/list-import';
import type { LocatedIssue } from '../../storage/list-validate';
import type { CompanyList } from '../../storage/settings-schema';
import { listChanges, newListId, takenIds, type ImportMode } from '../../storage/word-lists';
import { CSV_COLUMNS } from '../../storage/list-csv';
import { useOptions } from './context';
import { messages } from './messages';

type Mode = 'new' | ImportMode;

interface Props {
  /** the selected list, when the user may change it */
  target?: CompanyList;
  /** the selected list, for export (admin lists can be exported too) */
  exportable?: CompanyList;
  onImported(listId: string): void;
}

export function ImportPanel({ target, exportable, onImported }: Props) {
  const { t, effective, builtinIds, apply, services } = useOptions();
  const [mode, setMode] = useState<Mode>('new');
  const [issues, setIssues] = useState<LocatedIssue[]>();
  const [busy, setBusy] = useState(false);
  const effectiveMode: Mode = target ? mode : 'new';

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setIssues(undefined);
    const started = performance.now();
    try {
      const { text } = decodeText(new Uint8Array(await file.arrayBuffer()));
      const format = detectFormat(file.name, text);
      const into = effectiveMode === 'new' ? undefined : target;
      const result = importList(text, format, { taken: takenIds(effective.lists, builtinIds, into?.id) });
      if (!result.ok) {
        setIssues(result.issues);
        return;
      }
      // read, parse, validate and save: the whole import, as the user waits for it
      const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
      if (!into) {
        const list: CompanyList = { id: newListId(), name: result.name ?? (file.name.replace(/\.[^.]+$/, '') || t(messages.defaultListName)), enabled: true, entries: result.entries, ...(result.lists ? { lists: result.lists } : {}) };
        if (await apply(listChanges.add(list), { done: () => messages.imported(list.entries.length, list.name, seconds()), undoable: true })) onImported(list.id);
      } else {
        const ok = await apply(listChanges.importEntries(into.id, result.entries, effectiveMode as ImportMode, result.lists), {
          done: () => messages.imported(result.entries.length, into.name, seconds()),
          undoable: true,
        });
        if (ok) onImported(into.id);
      }
    } finally {
      setBusy(false);
      input.value = ''; // the same file can be chosen again after fixing it
    }
  };

  const download = (format: ListFormat) => {
    if (!exportable) return;
    services.download(exportFileName(exportable.name, format), exportList(exportable, format), format === 'json' ? 'application/json' : 'text/csv');
  };

  return (
    <section class="import-export" aria-labelledby="import-title">
      <h4 id="import-title">{t(messages.importExport)}</h4>
      <fieldset>
        <legend>{t(messages.importMode)}</legend>
        {(['new', 'replace', 'merge'] as const).map((m) => (
          <label key={m} class="radio">
            <input type="radio" name="import-mode" value={m} checked={effectiveMode === m} disabled={m !== 'new' && !target} onChange={() => setMode(m)} />
            {t(m === 'new' ? messages.modeNew : m === 'replace' ? messages.modeReplace : messages.modeMerge)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="import-file">{t(messages.importFile)}</label>
        <input id="import-file" type="file" accept=".csv,.json,.txt,text/csv,application/json" onChange={onFile} disabled={busy} aria-describedby="csv-help" />
      </div>
      {busy && <p role="status">{t(messages.importing)}</p>}
      <details id="csv-help">
        <summary>{t(messages.csvColumns)}</summary>
        <p>
          <code>{CSV_COLUMNS.join(',')}</code>
        </p>
        <p>{t(messages.csvHelp)}</p>
      </details>
      {issues && (
        <div class="import-errors" role="alert">
          <p class="error">{t(messages.importFailed(issues.length))}</p>
          <ol>
            {issues.map((i, k) => (
              <li key={k}>
                <strong>{t(messages.line(i.line))}</strong>
                {i.id && (
                  <>
                    {' '}
                    <code>{i.id}</code>
                  </>
                )}
                {i.field && <> [{i.field}]</>}: {i.message}
              </li>
            ))}
          </ol>
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={() => download('json')} disabled={!exportable}>
          {t(messages.exportJson)}
        </button>
        <button type="button" onClick={() => download('csv')} disabled={!exportable}>
          {t(messages.exportCsv)}
        </button>
      </div>
    </section>
  );
}
