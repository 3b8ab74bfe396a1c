/** The sensitive-date form's fields and the date they stand for (SensitiveDateSchema, plus real calendar days). */
import { SensitiveDateSchema, type SensitiveDate } from '../../engine/context/calendar';

export interface DateDraft {
  id: string;
  month: string;
  day: string;
  days: string;
  since: string;
  reasonJa: string;
  reasonEn: string;
  source: string;
}
export const EMPTY_DATE: DateDraft = { id: '', month: '', day: '', days: '1', since: '', reasonJa: '', reasonEn: '', source: '' };

export const draftOf = (d: SensitiveDate): DateDraft => ({
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
