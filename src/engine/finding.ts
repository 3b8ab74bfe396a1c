import { z } from 'zod';

/** Category ids are part of the public contract (issue #2): never rename one. */
export const CATEGORIES = [
  'religion',
  'politics',
  'human-rights',
  'race',
  'account-mixup',
  'compliance',
  'privacy',
  'confidential',
  'disaster',
  'abuse',
] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const SEVERITIES = ['info', 'warn', 'block'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);
export const atLeast = (s: Severity, min: Severity): boolean => severityRank(s) >= severityRank(min);

/** Every user-facing string exists in Japanese (first) and English. */
export const BilingualSchema = z.object({
  ja: z.string().min(1),
  en: z.string().min(1),
});
export type Bilingual = z.infer<typeof BilingualSchema>;

export const FindingSchema = z.object({
  category: CategorySchema,
  severity: SeveritySchema,
  /** UTF-16 offsets into the original draft: text === draft.slice(start, end). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** `<category>/<slug>`, stable across releases. */
  rule: z.string().min(1),
  message: BilingualSchema,
  suggestion: BilingualSchema.optional(),
  /** Law and article, or the source the rule rests on. */
  basis: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const AccountKindSchema = z.enum(['company', 'personal']);
export type AccountKind = z.infer<typeof AccountKindSchema>;

/** What the draft is checked together with. */
export const CheckContextSchema = z.object({
  account: AccountKindSchema.optional(),
  site: z.string().optional(),
  /** ISO date (YYYY-MM-DD) or date-time; the day the post would go out. */
  date: z.string().optional(),
});
export type CheckContext = z.infer<typeof CheckContextSchema>;
