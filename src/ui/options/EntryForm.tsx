/** Adds or edits one company entry; every problem is shown at its field, and nothing is saved until all are fixed. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entry } from '../../engine/dictionary/schema';
import { CATEGORIES, SEVERITIES } from '../../engine/finding';
import type { TakenIds } from '../../storage/list-validate';
import { useOptions } from './context';
import { entryFromDraft, type DraftField, type EntryDraft } from './entry-form-model';
import { CATEGORY_LABELS, messages, SEVERITY_LABELS } from './messages';

interface Props {
  title: string;
  initial: EntryDraft;
  taken: TakenIds;
  onSave(entry: Entry): Promise<boolean>;
  onCancel(): void;
}

export function EntryForm({ title, initial, taken, onSave, onCancel }: Props) {
  const { t } = useOptions();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<DraftField | 'rest', string[]>>>({});
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (field: DraftField) => (e: Event) => setDraft((d) => ({ ...d, [field]: (e.currentTarget as HTMLInputElement).value }));
  const err = (field: DraftField | 'rest') => errors[field];

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = entryFromDraft(draft, taken);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const saved = await onSave(result.entry);
    setBusy(false);
    if (!saved) setErrors({ rest: [t(messages.saveFailed)] });
  };

  const text = (field: DraftField, label: string, options: { multiline?: boolean; hint?: string; ref?: typeof first } = {}) => {
    const id = `entry-${field}`;
    const problems = err(field);
    const describedBy = [options.hint ? `${id}-hint` : '', problems ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      value: draft[field] as string,
      onInput: set(field),
      'aria-invalid': problems ? true : undefined,
      'aria-describedby': describedBy,
    };
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {options.multiline ? <textarea {...common} rows={3} /> : <input type="text" {...common} ref={options.ref} />}
        {options.hint && (
          <small id={`${id}-hint`} class="hint">
            {options.hint}
          </small>
        )}
        {problems && (
          <ul id={`${id}-error`} class="field-errors" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  const advanced = Object.keys(draft.rest);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form class="entry-form" onSubmit={submit} aria-labelledby="entry-form-title" noValidate>
      <h4 id="entry-form-title">{title}</h4>
      {hasErrors && <p class="error">{t(messages.formHasErrors)}</p>}
      {text('id', t(messages.fId), { hint: t(messages.fIdHint), ref: first })}
      <div class="field-row">
        <div class="field">
          <label for="entry-category">{t(messages.fCategory)}</label>
          <select id="entry-category" value={draft.category} onChange={set('category')} aria-invalid={err('category') ? true : undefined}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(CATEGORY_LABELS[c])} ({c})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="entry-severity">{t(messages.fSeverity)}</label>
          <select id="entry-severity" value={draft.severity} onChange={set('severity')}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(SEVERITY_LABELS[s])} ({s})
              </option>
            ))}
          </select>
        </div>
      </div>
      {text('patterns', t(messages.fPatterns), { multiline: true, hint: t(messages.fPatternsHint) })}
      {text('regex', t(messages.fRegex), { multiline: true })}
      <div class="field-row">
        {text('messageJa', t(messages.fMessageJa), { hint: t(messages.fMessageHint) })}
        {text('messageEn', t(messages.fMessageEn))}
      </div>
      <div class="field-row">
        {text('suggestionJa', t(messages.fSuggestionJa))}
        {text('suggestionEn', t(messages.fSuggestionEn))}
      </div>
      {text('basis', t(messages.fBasis))}
      {text('note', t(messages.fNote), { multiline: true })}
      {advanced.length > 0 && <p class="hint">{t(messages.fAdvanced(advanced.join(', ')))}</p>}
      {err('rest') && (
        <ul class="field-errors" role="alert">
          {err('rest')!.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t(messages.save)}
        </button>
        <button type="button" onClick={onCancel}>
          {t(messages.cancel)}
        </button>
      </div>
    </form>
  );
}
