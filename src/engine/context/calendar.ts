/**
 * Sensitive dates: days when Japanese companies pause promotional posts (震災, 終戦, 原爆の日…).
 * Built-in calendar in dictionaries/sensitive-dates.json; companies add their own days.
 */
import { z } from 'zod';
import { BilingualSchema } from '../finding';

export const SensitiveDateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    /** how many consecutive days (熊本地震 4/14–16 is 3) */
    days: z.number().int().min(1).max(31).default(1),
    /** first year it applies (e.g. 2024 for 能登半島地震 on 1/1) */
    since: z.number().int().optional(),
    reason: BilingualSchema,
    source: z.string().optional(),
  })
  .strict();
export type SensitiveDate = z.infer<typeof SensitiveDateSchema>;
/** A day as the engine holds it: `company` marks the company's own days (no category cap applies). */
export type CalendarDay = SensitiveDate & { company?: boolean };

export const CalendarFileSchema = z.object({ $schema: z.string().optional(), name: z.string(), dates: z.array(SensitiveDateSchema) }).strict();
export type CalendarFile = z.infer<typeof CalendarFileSchema>;

const dayOfYear = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000);

/** The calendar entries that cover a given day. */
export function sensitiveDaysOn<T extends SensitiveDate>(calendar: readonly T[], date: { year: number; month: number; day: number }): T[] {
  const today = dayOfYear(date.year, date.month, date.day);
  return calendar.filter((c) => {
    if (c.since !== undefined && date.year < c.since) return false;
    const first = dayOfYear(date.year, c.month, c.day);
    return today >= first && today < first + c.days;
  });
}
