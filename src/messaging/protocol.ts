/**
 * Every message between Kakunin's contexts, as one zod union keyed on `type`, with one reply
 * schema per type. Types come from z.infer, never hand-written copies. The router (background)
 * parses every request; the client parses every reply (the worker may have restarted or been
 * updated under an old content script).
 */
import { z } from 'zod';
import { AccountKindSchema, FindingSchema } from '../engine/finding';

export const DraftContextSchema = z.object({
  /** site id (x, bluesky…) or host for Mastodon / custom sites */
  site: z.string(),
  /** posting handle as the adapter read it, when it could */
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

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('checkDraft'), text: z.string(), context: DraftContextSchema }),
  z.object({ type: z.literal('getPageConfig'), site: z.string() }),
  z.object({ type: z.literal('recordAudit'), event: AuditEventSchema, text: z.string().optional() }),
  z.object({ type: z.literal('getEngineStatus') }),
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
    error: z.string().optional(),
  }),
} satisfies { [K in RequestType]: z.ZodType };

export type ReplyOf<T extends RequestType> = z.infer<(typeof ReplySchemas)[T]>;
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
