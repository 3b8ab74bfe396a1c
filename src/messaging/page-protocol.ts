/**
 * The popup ↔ content script messages (tabs.sendMessage to the active tab's top frame), keyed on
 * `kakunin` so they can never be mistaken for the background protocol. The popup parses every
 * reply with these schemas; the content script imports only the types (no zod in content
 * scripts: src/messaging/light-client.ts explains the size budget).
 */
import { z } from 'zod';
import { FindingSchema } from '../engine/finding';

export const ApprovalInfoSchema = z.object({
  code: z.string(),
  link: z.string(),
  keyId: z.string(),
  expiresAt: z.number(),
  approvers: z.array(z.object({ name: z.string(), keyId: z.string() })),
  required: z.number().int(),
  /** the draft changed since this request was made: it no longer applies */
  stale: z.boolean(),
});
export type ApprovalInfo = z.infer<typeof ApprovalInfoSchema>;

export const ComposerStateSchema = z.object({
  id: z.number().int(),
  site: z.string(),
  handle: z.string().optional(),
  textLength: z.number().int(),
  findings: z.array(FindingSchema),
  /** what a post attempt would meet now; `empty`: nothing typed */
  decision: z.enum(['empty', 'pass', 'pending', 'hold', 'fail-open']),
  holdReason: z.enum(['findings', 'approval-required']).optional(),
  /** released by an approval or an override for exactly the current text */
  released: z.boolean(),
  approval: ApprovalInfoSchema.optional(),
});
export type ComposerState = z.infer<typeof ComposerStateSchema>;

const ReasonViewSchema = z.object({ code: z.string(), message: z.object({ ja: z.string(), en: z.string() }) });
export type ReasonView = z.infer<typeof ReasonViewSchema>;

export type PageMessage =
  | { kakunin: 'pageState' }
  | { kakunin: 'requestApproval'; composerId: number }
  /** `codes`: approval codes as pasted, one or several, any whitespace */
  | { kakunin: 'verifyApproval'; composerId: number; codes: string };

export const PageReplySchemas = {
  pageState: z.object({ site: z.string(), composers: z.array(ComposerStateSchema) }),
  requestApproval: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), approval: ApprovalInfoSchema }),
    z.object({ ok: z.literal(false), error: z.string(), needIdentity: z.boolean() }),
  ]),
  verifyApproval: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), approvers: z.array(z.object({ name: z.string(), keyId: z.string() })) }),
    z.object({ ok: z.literal(false), reasons: z.array(ReasonViewSchema).min(1) }),
  ]),
} satisfies { [K in PageMessage['kakunin']]: z.ZodType };

export type PageReply<K extends PageMessage['kakunin']> = z.infer<(typeof PageReplySchemas)[K]>;

