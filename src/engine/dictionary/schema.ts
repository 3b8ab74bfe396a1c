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

export const EntrySchema = z
  .object({
    /** `<category>/<slug>`; stable, never reused. */
    id: z.string().regex(/^[a-z-]+\/[a-z0-9-]+$/, 'id must look like "category/slug" (lowercase, digits, dashes)'),
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
    when: z
      .object({
        account: AccountKindSchema.optional(),
        sites: z.array(z.string()).optional(),
        /** only on a day of the sensitive-date calendar; the day's reason is added to the message */
        sensitiveDate: z.boolean().optional(),
      })
      .strict()
      .optional(),
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
  })
  .strict()
  .superRefine((e, ctx) => {
    if (!e.id.startsWith(`${e.category}/`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id "${e.id}" must start with its category "${e.category}/"` });
    }
  });
export type Entry = z.infer<typeof EntrySchema>;
export type EntryInput = z.input<typeof EntrySchema>;

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
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `duplicate id "${e.id}"` });
      seen.add(e.id);
    });
  });
export type DictionaryFile = z.infer<typeof DictionaryFileSchema>;
