/**
 * Every message between Kakunin's contexts, as one zod union keyed on `type`, with one reply
 * schema per type. Types come from z.infer, never hand-written copies. The router (background)
 * parses every request; the client parses every reply (the worker may have restarted or been
 * updated under an old content script).
 */
import { z } from 'zod';
import { PostingAccountSchema } from '../approval/account';
import { FindingsSummarySchema } from '../approval/findings-summary';
import { ReasonSchema } from '../approval/reason';
import { AccountKindSchema, FindingSchema, SeveritySchema } from '../engine/finding';

export const DraftContextSchema = z.object({
  /** site id (x, bluesky…; `mastodon` on every instance) or the host of an added "any text box" site */
  site: z.string(),
  /** posting handle as the adapter read it, when it could (Mastodon: user@instance) */
  handle: z.string().optional(),
  /** an explicit account kind overrides the handle lookup (CLI, options "try a sentence") */
  account: AccountKindSchema.optional(),
  /** YYYY-MM-DD; defaults to today in the worker */
  date: z.string().optional(),
});
export type DraftContext = z.infer<typeof DraftContextSchema>;

export const HoldSchema = z.object({
  held: z.boolean(),
  /** why: findings at or above the policy's hold level, or the company-account approval rule */
  reason: z.enum(['findings', 'approval-required']).nullable(),
  allowOverride: z.boolean(),
});
export type Hold = z.infer<typeof HoldSchema>;

export const AuditEventSchema = z.object({
  kind: z.enum(['held', 'override', 'released', 'dismissed', 'approval-requested', 'approved', 'rejected', 'approval-verified', 'approval-refused']),
  site: z.string(),
  handle: z.string().optional(),
  account: AccountKindSchema.optional(),
  /** SHA-256 (base64url) of the normalized draft: the text itself is never logged unless opted in */
  textHash: z.string(),
  findings: z.array(z.object({ rule: z.string(), category: z.string(), severity: z.string() })).default([]),
  reason: z.string().optional(),
  actor: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEventInput = z.input<typeof AuditEventSchema>;
export const AUDIT_KINDS = AuditEventSchema.shape.kind.options;
export type AuditKind = z.infer<typeof AuditEventSchema>['kind'];

/**
 * The kinds a content script writes (src/page/: gate.ts, composer.ts): a hold, an override, a
 * release (approval or failing open) and a dismissed finding. Every other kind is written by the
 * background itself (approval requests, decisions, verifications) and is refused from a content
 * script: a compromised page must not be able to log an approval that never happened.
 */
export const PAGE_AUDIT_KINDS = ['held', 'override', 'released', 'dismissed'] as const satisfies readonly AuditKind[];

/** Caps on an event sent to the background (recordAudit), so a page cannot flood the log with huge events. */
export const AUDIT_LIMITS = {
  site: 253, // a host name at most
  handle: 200,
  findings: 200,
  rule: 200,
  category: 40,
  reason: 1000, // the longest reason the in-page forms accept
  actor: 200,
  /** JSON length of `detail` (an approval release lists at most 10 approvers) */
  detail: 4000,
  /** the draft, when storeText is on: as createApprovalRequest */
  text: 100_000,
} as const;

/** An event as recordAudit accepts it: AuditEventSchema with every field capped. */
export const AuditEventInputSchema = AuditEventSchema.extend({
  site: z.string().min(1).max(AUDIT_LIMITS.site),
  handle: z.string().max(AUDIT_LIMITS.handle).optional(),
  textHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a SHA-256 in base64url (43 characters)'),
  findings: z
    .array(z.object({ rule: z.string().max(AUDIT_LIMITS.rule), category: z.string().max(AUDIT_LIMITS.category), severity: SeveritySchema }))
    .max(AUDIT_LIMITS.findings)
    .default([]),
  reason: z.string().max(AUDIT_LIMITS.reason).optional(),
  actor: z.string().max(AUDIT_LIMITS.actor).optional(),
  detail: z
    .record(z.string(), z.unknown())
    .refine((d) => JSON.stringify(d).length <= AUDIT_LIMITS.detail, `detail is longer than ${AUDIT_LIMITS.detail} characters as JSON`)
    .optional(),
});

/** A stored audit event (src/storage/audit-log.ts). */
export const AuditRecordSchema = AuditEventSchema.extend({
  id: z.number().int(),
  /** epoch milliseconds */
  time: z.number(),
  text: z.string().optional(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** Which audit events to list or export; every field narrows. */
export const AuditFilterSchema = z.object({
  /** epoch ms, inclusive */
  since: z.number().optional(),
  /** epoch ms, exclusive */
  until: z.number().optional(),
  kinds: z.array(AuditEventSchema.shape.kind).optional(),
  site: z.string().optional(),
  /** a handle (compared without @ and case) or an account kind */
  account: z.string().optional(),
  /** newest events first, at most this many (list only) */
  limit: z.number().int().positive().max(10_000).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

// --- approval (issue 4) ------------------------------------------------------------------------

/**
 * The local user's public identity. The private key is not part of it: it is a non-extractable
 * CryptoKey in the extension's IndexedDB (`kakunin-identity`, src/storage/identity-db.ts), used
 * only by the background to sign, and its bytes cannot be read by any script.
 */
export const PublicIdentitySchema = z.object({ name: z.string(), publicKey: z.string(), keyId: z.string(), createdAt: z.number() });
export type PublicIdentityView = z.infer<typeof PublicIdentitySchema>;

export const ApproverViewSchema = z.object({ name: z.string(), keyId: z.string() });

/** A decoded, signature-checked request as the pages show it. */
export const RequestViewSchema = z.object({
  site: z.string(),
  account: PostingAccountSchema,
  requester: z.object({ name: z.string(), keyId: z.string(), publicKey: z.string() }),
  createdAt: z.number(),
  expiresAt: z.number(),
  textHash: z.string(),
  summary: FindingsSummarySchema,
});
export type RequestView = z.infer<typeof RequestViewSchema>;

const refused = z.object({ ok: z.literal(false), reason: ReasonSchema });

/**
 * The longest draft the background checks (a bound on one message's CPU and memory; no site's
 * post is anywhere near it). A longer one is refused and the page fails open with its notice.
 */
export const MAX_CHECK_CHARS = 200_000;

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('checkDraft'), text: z.string().max(MAX_CHECK_CHARS), context: DraftContextSchema }),
  /** `host`: the page's host (which Mastodon instance; absent from content scripts before it was sent) */
  z.object({ type: z.literal('getPageConfig'), site: z.string(), host: z.string().optional() }),
  /** from content scripts only PAGE_AUDIT_KINDS (checked by the handler, which knows the sender) */
  z.object({ type: z.literal('recordAudit'), event: AuditEventInputSchema, text: z.string().max(AUDIT_LIMITS.text).optional() }),
  z.object({ type: z.literal('getEngineStatus') }),
  z.object({ type: z.literal('getIdentity') }),
  z.object({ type: z.literal('createIdentity'), name: z.string().trim().min(1).max(100), replace: z.boolean().optional() }),
  z.object({ type: z.literal('createApprovalRequest'), text: z.string().min(1).max(100_000), context: DraftContextSchema, includeText: z.boolean().optional() }),
  /** `input`: a request code or link, as pasted */
  z.object({ type: z.literal('openApprovalRequest'), input: z.string().max(300_000) }),
  z.object({
    type: z.literal('decideApproval'),
    input: z.string().max(300_000),
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(1000).optional(),
  }),
  z.object({
    type: z.literal('verifyApprovalCodes'),
    text: z.string().max(100_000),
    context: DraftContextSchema,
    codes: z.array(z.string().max(20_000)).min(1).max(20),
    /** the request these codes answer, when the caller still has it (else found by digest) */
    requestCode: z.string().max(300_000).optional(),
  }),
  z.object({ type: z.literal('listAudit'), filter: AuditFilterSchema.default({}) }),
  z.object({ type: z.literal('exportAudit'), filter: AuditFilterSchema.default({}), format: z.enum(['csv', 'json']) }),
  z.object({ type: z.literal('pruneAudit') }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

export const ReplySchemas = {
  checkDraft: z.object({
    findings: z.array(FindingSchema),
    account: AccountKindSchema,
    hold: HoldSchema,
  }),
  getPageConfig: z.object({
    enabled: z.boolean(),
    holdAt: z.enum(['block', 'warn']),
    allowOverride: z.boolean(),
  }),
  recordAudit: z.object({ id: z.number() }),
  getEngineStatus: z.object({
    tokenizer: z.enum(['idle', 'loading', 'ready', 'error']),
    loadMs: z.number().optional(),
    entries: z.number().optional(),
    /** the learned second stage: loaded, not shipped, or unreadable (then `error` says why) */
    model: z.enum(['ready', 'missing', 'error']).optional(),
    error: z.string().optional(),
    /** switched-off rule ids (settings or policy) that name no rule, so switch nothing off */
    unknownRules: z.array(z.string()).optional(),
  }),
  getIdentity: z.object({ supported: z.boolean(), identity: PublicIdentitySchema.nullable() }),
  createIdentity: z.object({ identity: PublicIdentitySchema }),
  createApprovalRequest: z.object({
    code: z.string(),
    link: z.string(),
    request: RequestViewSchema,
    approvers: z.array(ApproverViewSchema),
    required: z.number().int(),
  }),
  openApprovalRequest: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      request: RequestViewSchema,
      /** the exact draft (checked against textHash) when the requester sent it */
      text: z.string().optional(),
      /** the draft re-checked here, now */
      findings: z.array(FindingSchema),
      /** the local user made this request: they cannot approve it */
      self: z.boolean(),
      expired: z.boolean(),
      identity: PublicIdentitySchema.nullable(),
    }),
    refused,
  ]),
  decideApproval: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), code: z.string(), decision: z.enum(['approve', 'reject']) }),
    refused,
  ]),
  verifyApprovalCodes: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      approvers: z.array(ApproverViewSchema.extend({ signedAt: z.number(), comment: z.string().optional() })),
      textHash: z.string(),
    }),
    z.object({ ok: z.literal(false), reasons: z.array(ReasonSchema).min(1) }),
  ]),
  listAudit: z.object({ events: z.array(AuditRecordSchema), total: z.number().int() }),
  exportAudit: z.object({ fileName: z.string(), mime: z.string(), text: z.string(), count: z.number().int() }),
  pruneAudit: z.object({ deleted: z.number().int() }),
} satisfies { [K in RequestType]: z.ZodType };

export type ReplyOf<T extends RequestType> = z.infer<(typeof ReplySchemas)[T]>;
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
