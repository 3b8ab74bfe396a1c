import { z } from 'zod';

export const HOUR_MS = 60 * 60 * 1000;
/** How long a request stays approvable unless the caller says otherwise. */
export const DEFAULT_REQUEST_TTL_MS = 24 * HOUR_MS;
/** Upper bound for a caller-set lifetime: a stale approval should not outlive a campaign. */
export const MAX_REQUEST_TTL_MS = 30 * 24 * HOUR_MS;
/**
 * How far ahead of the verifier's clock an approval's signing time may be. Two browsers' clocks
 * differ by seconds when synchronised; an approval from further in the future comes from a wrong
 * clock, or is dated ahead on purpose to outlive `maxApprovalAgeMs` or to supersede a later
 * rejection by the same approver (the latest signing time wins).
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Approval policy as the caller (storage/policy.ts, possibly admin-managed)
 * hands it in. Commercial tools use one to three steps of "any/all of these
 * approvers"; here one step of N distinct approvers out of the configured M.
 */
export const ApprovalPolicySchema = z.object({
  /** N: distinct configured approvers needed. */
  required: z.number().int().min(1).max(10),
  /** Lifetime of new requests; DEFAULT_REQUEST_TTL_MS when absent. */
  requestTtlMs: z.number().int().positive().max(MAX_REQUEST_TTL_MS).optional(),
  /** If set, an approval older than this (from its signed-at) no longer counts. */
  maxApprovalAgeMs: z.number().int().positive().optional(),
});
export type ApprovalPolicy = z.infer<typeof ApprovalPolicySchema>;
