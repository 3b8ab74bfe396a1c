/**
 * The one dictionary format, for built-in lists (dictionaries/*.json) and company lists alike.
 * dictionaries/README.md documents it by example.
 */
import { z } from 'zod';
import { AccountKindSchema, BilingualSchema, CategorySchema, CheckContextSchema, SeveritySchema } from '../finding';

/**
 * A pattern is a phrase (matched on tokens' surface, base form and, for text written in kana,
 * reading; see matchers/phrase.ts) or a regular expression over the width-normalized text.
 * Phrase syntax: `(a|b)` alternatives, `[x]` optional part, `…` a gap of up to `gap` characters.
 */
export const PatternSchema = z.union([
  z.string().min(1),
  z.object({
    re: z.string().min(1),
    flags: z.string().regex(/^[imsu]*$/).optional(),
    /** run on the folded text (hiragana as katakana, lower case): one spelling covers both kana */
    fold: z.boolean().optional(),
  }).strict(),
]);
export type Pattern = z.infer<typeof PatternSchema>;

const ExampleSchema = z.union([
  z.string().min(1),
  z
    .object({
      text: z.string().min(1),
      /** The exact text the finding must cover (tests the span, not only that it fired). */
      hit: z.string().min(1).optional(),
      context: CheckContextSchema.optional(),
    })
    .strict(),
]);
export type Example = z.infer<typeof ExampleSchema>;

const IdSchema = z.string().regex(/^[a-z-]+\/[a-z0-9-]+$/, 'id must look like "category/slug" (lowercase, digits, dashes)');

const WhenSchema = z
  .object({
    account: AccountKindSchema.optional(),
    sites: z.array(z.string()).optional(),
    /** only on a day of the sensitive-date calendar; the day's reason is added to the message */
    sensitiveDate: z.boolean().optional(),
  })
  .strict();
type When = z.infer<typeof WhenSchema>;

export const EntrySchema = z
  .object({
    /** `<category>/<slug>`; stable, never reused. */
    id: IdSchema,
    category: CategorySchema,
    severity: SeveritySchema,
    patterns: z.array(PatternSchema).min(1),
    /** Every group must also match somewhere in the draft (AND of ORs), e.g. a disaster word AND a sales word. */
    requires: z
      .array(
        z.union([
          z.array(PatternSchema).min(1),
          /** a group with its own distance and side: a symptom word within 8 characters *before* the claim */
          z
            .object({
              any: z.array(PatternSchema).min(1),
              within: z.number().int().positive().optional(),
              position: z.enum(['before', 'after']).optional(),
              /** the group's match must be in the hit's sentence */
              scope: z.enum(['sentence', 'adjacent']).optional(),
            })
            .strict(),
        ]),
      )
      .optional(),
    /** …within this many characters of the hit (default: anywhere in the draft). */
    within: z.number().int().positive().optional(),
    /**
     * If any of these matches anywhere in the draft, the entry does not fire (e.g. a #PR disclosure).
     * A group `{ any, within?, scope? }` only silences hits it is near (within N characters, or in
     * the same sentence): a condolence in one sentence does not excuse a sale in another.
     */
    unless: z
      .array(
        z.union([
          PatternSchema,
          z
            .object({
              any: z.array(PatternSchema).min(1),
              within: z.number().int().positive().optional(),
              scope: z.enum(['sentence', 'adjacent']).optional(),
            })
            .strict()
            .refine((g) => g.within !== undefined || g.scope !== undefined, 'an unless group needs "within" or "scope" (a plain pattern already means anywhere)'),
        ]),
      )
      .optional(),
    /** Contexts that contain the hit and make it harmless: 土方歳三, SMサイズ, 黒字, 機嫌が治る. */
    allow: z.array(PatternSchema).optional(),
    /** Only fire for this posting account kind / on these sites. */
    when: WhenSchema.optional(),
    /** Max characters a `…` gap may span (default 12). */
    gap: z.number().int().positive().max(200).optional(),
    message: BilingualSchema,
    suggestion: BilingualSchema.optional(),
    /** Law and article, or the source the entry rests on. */
    basis: z.string().min(1).optional(),
    /** Why the entry exists, for maintainers. */
    note: z.string().optional(),
    examples: z
      .object({
        match: z.array(ExampleSchema).default([]),
        noMatch: z.array(ExampleSchema).default([]),
      })
      .strict()
      .optional(),
    /**
     * The same finding, reported in other categories too, each under its own id: a leak on a
     * personal account is both `confidential` and `account-mixup`. The category is the id's first
     * part; `when` narrows the entry's own (both must hold); the other fields replace the entry's.
     * One entry instead of a copy per category, so the two can never drift apart.
     */
    also: z
      .array(
        z
          .object({
            id: IdSchema,
            severity: SeveritySchema.optional(),
            when: WhenSchema.optional(),
            message: BilingualSchema.optional(),
            suggestion: BilingualSchema.optional(),
            basis: z.string().min(1).optional(),
          })
          .strict(),
      )
      .min(1)
      .optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (!e.id.startsWith(`${e.category}/`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id "${e.id}" must start with its category "${e.category}/"` });
    }
    const categories = new Set<string>([e.category]);
    (e.also ?? []).forEach((a, i) => {
      const category = a.id.slice(0, a.id.indexOf('/'));
      if (!CategorySchema.safeParse(category).success) {
        ctx.addIssue({ code: 'custom', path: ['also', i, 'id'], message: `id "${a.id}" must start with a category (${CategorySchema.options.join(', ')})` });
      } else if (categories.has(category)) {
        ctx.addIssue({ code: 'custom', path: ['also', i, 'id'], message: `"also" reports the finding in another category: "${category}" is already this entry's` });
      }
      categories.add(category);
      if (e.when?.account && a.when?.account && e.when.account !== a.when.account) {
        ctx.addIssue({ code: 'custom', path: ['also', i, 'when', 'account'], message: `never fires: the entry is for "${e.when.account}" accounts only` });
      }
      if (e.when?.sites && a.when?.sites && !a.when.sites.some((site) => e.when!.sites!.includes(site))) {
        ctx.addIssue({ code: 'custom', path: ['also', i, 'when', 'sites'], message: `never fires: the entry is for sites ${e.when.sites.join(', ')} only` });
      }
    });
  });
export type Entry = z.infer<typeof EntrySchema>;
export type EntryInput = z.input<typeof EntrySchema>;

/** Both must hold: the account both name, the sites both allow (the schema refuses a pair that never can). */
function bothWhen(a: When | undefined, b: When | undefined): When | undefined {
  if (!a || !b) return a ?? b;
  const account = a.account ?? b.account;
  const sites = a.sites && b.sites ? a.sites.filter((s) => b.sites!.includes(s)) : (a.sites ?? b.sites);
  const sensitiveDate = a.sensitiveDate || b.sensitiveDate || undefined;
  return { ...(account ? { account } : {}), ...(sites ? { sites } : {}), ...(sensitiveDate ? { sensitiveDate } : {}) };
}

/** The ids an entry takes: its own, then its `also` ids (what must be unique across all lists). */
export function entryIds(e: Pick<Entry, 'id' | 'also'>): string[] {
  return e.also ? [e.id, ...e.also.map((a) => a.id)] : [e.id];
}

/**
 * The entries an entry stands for: itself, then one per `also`, each a whole entry of its own
 * (its id, category and `when`; the same patterns and conditions). Its should-match examples are
 * the entry's whose context its `when` allows (one without a context is run in its own default
 * context); its should-not-match examples are all of the entry's.
 */
export function expandEntry(e: Entry): Entry[] {
  if (!e.also) return [e];
  const { also, ...base } = e;
  return [
    e,
    ...also.map((a): Entry => {
      const when = bothWhen(e.when, a.when);
      const fits = (ex: Example) => {
        const c = typeof ex === 'string' ? undefined : ex.context;
        return !(when?.account && c?.account && c.account !== when.account) && !(when?.sites && c?.site && !when.sites.includes(c.site));
      };
      return {
        ...base,
        id: a.id,
        category: a.id.slice(0, a.id.indexOf('/')) as Entry['category'],
        severity: a.severity ?? e.severity,
        message: a.message ?? e.message,
        ...(a.suggestion ?? e.suggestion ? { suggestion: a.suggestion ?? e.suggestion } : {}),
        ...(a.basis ?? e.basis ? { basis: a.basis ?? e.basis } : {}),
        ...(when ? { when } : {}),
        note: `also of ${e.id}`,
        ...(e.examples ? { examples: { match: e.examples.match.filter(fits), noMatch: e.examples.noMatch } } : {}),
      };
    }),
  ];
}

/** Every pattern an entry uses: its own, its `requires` groups', its `unless` (plain and grouped) and its `allow`. */
export function entryPatterns(e: Entry): Pattern[] {
  return [
    ...e.patterns,
    ...(e.requires ?? []).flatMap((g) => (Array.isArray(g) ? g : g.any)),
    ...(e.unless ?? []).flatMap((g) => (typeof g === 'object' && 'any' in g ? g.any : [g])),
    ...(e.allow ?? []),
  ];
}

/**
 * Named word lists, used in phrases as a slot: `{nationality}は…(怖い|臭い)`. Items are phrases
 * without gaps (they may use (a|b), [x] and other lists); see dictionary/named-lists.ts.
 */
export const NamedListsSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]*$/, 'a list name is lowercase letters, digits and dashes, starting with a letter'),
  z.array(z.string().min(1)).min(1, 'a list needs at least one item'),
);
export type NamedLists = z.infer<typeof NamedListsSchema>;

export const DictionaryFileSchema = z
  .object({
    $schema: z.string().optional(),
    /** Shown in the options page and in errors. */
    name: z.string().min(1),
    description: z.string().optional(),
    /** named word lists, `{name}` in a phrase */
    lists: NamedListsSchema.optional(),
    entries: z.array(EntrySchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.entries.forEach((e, i) => {
      entryIds(e).forEach((id, k) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['entries', i, ...(k === 0 ? ['id'] : ['also', k - 1, 'id'])], message: `duplicate id "${id}"` });
        seen.add(id);
      });
    });
  });
export type DictionaryFile = z.infer<typeof DictionaryFileSchema>;
