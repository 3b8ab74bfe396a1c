import { z } from 'zod';
import { BilingualSchema } from '../engine/finding';
import { type MessageParams, messages, type ReasonCode } from './messages';

export const REASON_CODES = [
  'bad-signature',
  'unknown-approver',
  'text-changed',
  'other-request',
  'expired',
  'self-approval',
  'clock-skew',
  'rejected',
  'wrong-site',
  'wrong-account',
  'not-enough-approvers',
  'malformed',
] as const satisfies readonly ReasonCode[];
export const ReasonCodeSchema = z.enum(REASON_CODES);

/** One refusal. `code` is 1-based and names the approval code it concerns, if any. */
export const ReasonSchema = z.object({
  code: ReasonCodeSchema,
  message: BilingualSchema,
  approvalCode: z.number().int().positive().optional(),
  approver: z.object({ name: z.string(), keyId: z.string() }).optional(),
  comment: z.string().optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export function reason<C extends ReasonCode>(
  code: C,
  params: MessageParams[C],
  extra: Omit<Reason, 'code' | 'message'> = {},
): Reason {
  return { code, message: messages[code](params), ...extra };
}

export type Failure = { ok: false; reason: Reason };
