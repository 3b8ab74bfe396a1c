/**
 * Everything a company configures, in one versioned value (`local:settings`). The same shape,
 * partially, can come from managed policy (chrome.storage.managed), which wins and is locked.
 * Bump SETTINGS_VERSION and add a step to migrations.ts whenever the shape changes.
 */
import { z } from 'zod';
import { CalendarFileSchema } from '../engine/context/calendar';
import { EntrySchema, NamedListsSchema } from '../engine/dictionary/schema';
import { AccountKindSchema, CategorySchema, SeveritySchema } from '../engine/finding';

export const SETTINGS_VERSION = 1;

export const SITE_IDS = ['x', 'facebook', 'instagram', 'threads', 'linkedin', 'bluesky', 'mastodon', 'note'] as const;
export const SiteIdSchema = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteIdSchema>;

export const CompanyListSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  enabled: z.boolean().default(true),
  entries: z.array(EntrySchema),
  /** the list's named word lists (`{name}` in its phrases; dictionaries/README.md) */
  lists: NamedListsSchema.optional(),
});
export type CompanyList = z.infer<typeof CompanyListSchema>;

export const AccountSchema = z.object({
  /**
   * site id (x, bluesky…; `mastodon` on every instance) or the host of an added site. Mastodon
   * accounts stored under an instance host (earlier versions) still match (storage/accounts.ts).
   */
  site: z.string().min(1),
  /** handle as the site shows it, without @ (case-insensitive); Mastodon: `user` or `user@instance` */
  handle: z.string().min(1),
  kind: AccountKindSchema,
});
export type Account = z.infer<typeof AccountSchema>;

export const ApproverSchema = z.object({
  name: z.string().min(1),
  /** Ed25519 raw public key, base64url (src/approval/identity.ts) */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type Approver = z.infer<typeof ApproverSchema>;

export const PolicySchema = z.object({
  /** lowest severity that holds the post button */
  holdAt: z.enum(['block', 'warn']).default('block'),
  /** every post from a company account needs approval, findings or not */
  companyAlwaysNeedsApproval: z.boolean().default(false),
  /** N of M: distinct approvers needed */
  requiredApprovals: z.number().int().min(1).max(10).default(1),
  /** how long an approval request stays valid */
  approvalTtlHours: z.number().positive().max(24 * 30).default(24),
  /** whether the user may override a hold (always with a reason, always logged) */
  allowOverride: z.boolean().default(true),
});
export type Policy = z.infer<typeof PolicySchema>;

/** One item of the pre-post checklist the popup shows (issue 4); company-editable, both languages. */
export const ChecklistItemSchema = z.object({
  id: z.string().min(1).max(60),
  ja: z.string().min(1).max(200),
  en: z.string().min(1).max(200),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** The seed practice's checks before anything goes out; 景品表示法 5条3号 (ステマ告示) for disclosure. */
export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  { id: 'purpose', ja: '投稿の目的がはっきりしている', en: 'The post has a clear purpose' },
  { id: 'account', ja: '投稿するアカウントが正しい', en: 'It goes out from the right account' },
  { id: 'links', ja: 'リンクを開いて行き先を確認した', en: 'Every link opens and goes where it should' },
  { id: 'images', ja: '画像・動画に写り込みや権利の問題がない', en: 'Images and video: nothing unintended in frame, rights cleared' },
  { id: 'disclosure', ja: '広告・PR 案件なら「広告」「PR」などと明記した', en: 'A sponsored post says 広告 / PR / ad clearly' },
  { id: 'approval', ja: '必要な承認を得た', en: 'Approval obtained where required' },
];

export function isHttpsOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' && u.origin === value;
  } catch {
    return false;
  }
}

export const CustomSiteSchema = z.object({
  /** origin like https://mastodon.example.jp (no path: the host permission is origin + '/*') */
  origin: z.string().refine(isHttpsOrigin, 'expected an https origin such as https://mastodon.example.jp'),
  kind: z.enum(['mastodon', 'any']),
  enabled: z.boolean().default(true),
});
export type CustomSite = z.infer<typeof CustomSiteSchema>;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  lists: z.array(CompanyListSchema).default([]),
  /** a cap per category on the built-in rules and calendar only (engine/pipeline/apply-overrides.ts) */
  categories: z.partialRecord(CategorySchema, z.union([SeveritySchema, z.literal('off')])).default({}),
  disabledRules: z.array(z.string()).default([]),
  accounts: z.array(AccountSchema).default([]),
  /** kind assumed for an account not listed in `accounts` */
  unknownAccountKind: AccountKindSchema.default('company'),
  approvers: z.array(ApproverSchema).default([]),
  policy: PolicySchema.default(PolicySchema.parse({})),
  sites: z.partialRecord(SiteIdSchema, z.boolean()).default({}),
  customSites: z.array(CustomSiteSchema).default([]),
  /** opt-in: the sites added as kind 'any' are checked (every text box) only while this is on */
  anyTextBox: z.boolean().default(false),
  dates: CalendarFileSchema.shape.dates.default([]),
  audit: z
    .object({ retentionDays: z.number().int().min(1).max(3650).default(365), storeText: z.boolean().default(false) })
    .default({ retentionDays: 365, storeText: false }),
  /** the popup's pre-post checklist; absent in older settings, so it defaults (no version bump) */
  checklist: z.array(ChecklistItemSchema).max(30).default(DEFAULT_CHECKLIST),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({ version: SETTINGS_VERSION });
