/** The built-in sensitive-date calendar, with reasons, and the company's own dates. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SensitiveDate } from '../../engine/context/calendar';
import { lockKey } from '../../storage/policy';
import { useOptions } from './context';
import { draftOf, EMPTY_DATE, validateDate, type DateDraft } from './date-form-model';
import { LockNote } from './Locked';
import { messages } from './messages';

const byDate = (a: SensitiveDate, b: SensitiveDate) => a.month - b.month || a.day - b.day;

export function DatesSection() {
  const { t, lang, effective, locked, builtin, apply } = useOptions();
  const [editing, setEditing] = useState<{ previousId?: string; draft: DateDraft }>();
  const [errors, setErrors] = useState<Partial<Record<keyof DateDraft, string>>>({});
  const formOpen = editing !== undefined;
  useEffect(() => {
    if (formOpen) document.getElementById('date-id')?.focus();
  }, [formOpen]);
  const builtinDates = useMemo(() => [...builtin.calendar].sort(byDate), [builtin]);

  const taken = useMemo(() => new Set([...builtin.calendar, ...effective.dates].map((d) => d.id).filter((id) => id !== editing?.previousId)), [builtin, effective.dates, editing]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const r = validateDate(editing.draft, taken);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    const prev = editing.previousId;
    const ok = await apply((s) => ({ ...s, dates: prev === undefined ? [...s.dates, r.date] : s.dates.map((d) => (d.id === prev ? r.date : d)) }), { done: messages.saved });
    if (ok) setEditing(undefined);
  };

  const field = (key: keyof DateDraft, label: string, type: 'text' | 'number' = 'text') => {
    const id = `date-${key}`;
    const raw = errors[key];
    const message = raw === 'taken' ? t(messages.dateIdTaken) : raw === 'no-such-day' ? t(messages.badDay) : raw;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type={type}
          value={editing?.draft[key]}
          onInput={(e) => {
            const v = e.currentTarget.value;
            setEditing((ed) => ed && { ...ed, draft: { ...ed.draft, [key]: v } });
          }}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
        />
        {message && (
          <p id={`${id}-error`} class="error" role="alert">
            {message}
          </p>
        )}
      </div>
    );
  };

  const when = (d: SensitiveDate) => t(messages.monthDay(d.month, d.day, d.days));

  return (
    <section id="dates" class="section" aria-labelledby="dates-title">
      <h2 id="dates-title">{t(messages.dates)}</h2>
      <p>{t(messages.datesIntro)}</p>

      <h3>{t(messages.companyDates)}</h3>
      {effective.dates.length === 0 ? (
        <p class="empty">{t(messages.noDates)}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(messages.date)}</th>
              <th scope="col">{t(messages.reason)}</th>
              <th scope="col">ID</th>
              <th scope="col">
                <span class="visually-hidden">{t(messages.edit)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...effective.dates].sort(byDate).map((d) => (
              <tr key={d.id}>
                <td>{when(d)}</td>
                <td>{d.reason[lang]}</td>
                <td>
                  <code>{d.id}</code>
                </td>
                <td class="row-actions">
                  {locked.has(lockKey.date(d.id)) ? (
                    <LockNote />
                  ) : (
                    <>
                      <button type="button" aria-label={`${t(messages.edit)} ${d.id}`} onClick={() => setEditing({ previousId: d.id, draft: draftOf(d) })}>
                        {t(messages.edit)}
                      </button>
                      <button type="button" class="danger" aria-label={`${t(messages.delete)} ${d.id}`} onClick={() => void apply((s) => ({ ...s, dates: s.dates.filter((x) => x.id !== d.id) }), { done: messages.saved, undoable: true })}>
                        {t(messages.delete)}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <form class="date-form" onSubmit={save} aria-labelledby="date-form-title" noValidate>
          <h4 id="date-form-title">{t(editing.previousId ? messages.editDate : messages.addDate)}</h4>
          <div class="field-row">
            {field('id', 'ID')}
            {field('month', t(messages.month), 'number')}
            {field('day', t(messages.day), 'number')}
            {field('days', t(messages.days), 'number')}
            {field('since', t(messages.since), 'number')}
          </div>
          <div class="field-row">
            {field('reasonJa', t(messages.reasonJa))}
            {field('reasonEn', t(messages.reasonEn))}
          </div>
          {field('source', t(messages.source))}
          <div class="actions">
            <button type="submit" class="primary">
              {t(messages.save)}
            </button>
            <button type="button" onClick={() => setEditing(undefined)}>
              {t(messages.cancel)}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setEditing({ draft: EMPTY_DATE })}>
          {t(messages.addDate)}
        </button>
      )}

      <h3>{t(messages.builtinDates)}</h3>
      <table class="builtin-dates">
        <thead>
          <tr>
            <th scope="col">{t(messages.date)}</th>
            <th scope="col">{t(messages.reason)}</th>
            <th scope="col">{t(messages.source)}</th>
          </tr>
        </thead>
        <tbody>
          {builtinDates.map((d) => (
            <tr key={d.id}>
              <td>
                {when(d)}
                {d.since !== undefined && <small class="hint"> ({d.since}〜)</small>}
              </td>
              <td>{d.reason[lang]}</td>
              <td>{d.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
