/** The built-in sensitive-date calendar, with reasons, and the company's own dates. */
import { useMemo, useState } from 'preact/hooks';
import { SensitiveDateSchema, type SensitiveDate } from '../../engine/context/calendar';
import { lockKey } from '../../storage/policy';
import { useOptions } from './context';
import { LockNote } from './Locked';
import { messages } from './messages';

interface DateDraft {
  id: string;
  month: string;
  day: string;
  days: string;
  since: string;
  reasonJa: string;
  reasonEn: string;
  source: string;
}
const EMPTY: DateDraft = { id: '', month: '', day: '', days: '1', since: '', reasonJa: '', reasonEn: '', source: '' };

const draftOf = (d: SensitiveDate): DateDraft => ({
  id: d.id,
  month: String(d.month),
  day: String(d.day),
  days: String(d.days),
  since: d.since === undefined ? '' : String(d.since),
  reasonJa: d.reason.ja,
  reasonEn: d.reason.en,
  source: d.source ?? '',
});

/** 2024 is a leap year, so 2/29 is a valid yearly date. */
const dayExists = (month: number, day: number) => new Date(Date.UTC(2024, month - 1, day)).getUTCMonth() === month - 1;

export function validateDate(d: DateDraft, taken: ReadonlySet<string>): { ok: true; date: SensitiveDate } | { ok: false; errors: Partial<Record<keyof DateDraft, string>> } {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const raw = {
    id: d.id.trim(),
    month: num(d.month),
    day: num(d.day),
    days: num(d.days) ?? 1,
    ...(d.since.trim() ? { since: num(d.since) } : {}),
    reason: { ja: d.reasonJa.trim() || d.reasonEn.trim(), en: d.reasonEn.trim() || d.reasonJa.trim() },
    ...(d.source.trim() ? { source: d.source.trim() } : {}),
  };
  const errors: Partial<Record<keyof DateDraft, string>> = {};
  const parsed = SensitiveDateSchema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = (i.path[0] === 'reason' ? (i.path[1] === 'en' ? 'reasonEn' : 'reasonJa') : i.path[0]) as keyof DateDraft;
      errors[key] ??= i.message;
    }
  }
  if (!errors.id && taken.has(raw.id)) errors.id = 'taken';
  if (!errors.month && !errors.day && raw.month && raw.day && !dayExists(raw.month, raw.day)) errors.day = 'no-such-day';
  return parsed.success && !Object.keys(errors).length ? { ok: true, date: parsed.data } : { ok: false, errors };
}

const byDate = (a: SensitiveDate, b: SensitiveDate) => a.month - b.month || a.day - b.day;

export function DatesSection() {
  const { t, lang, effective, locked, builtin, apply } = useOptions();
  const [editing, setEditing] = useState<{ previousId?: string; draft: DateDraft }>();
  const [errors, setErrors] = useState<Partial<Record<keyof DateDraft, string>>>({});
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
        <button type="button" onClick={() => setEditing({ draft: EMPTY })}>
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
