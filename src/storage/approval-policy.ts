/**
 * Consistency of the approval settings, which zod cannot see field by field: N of M needs at
 * least N distinct approvers (verifyApprovals counts distinct keys), and a policy that demands
 * approval is unusable without approvers.
 *
 * The options page refuses N > M for the user's own settings, but an admin policy (or approvers
 * removed later) can still produce it. A request that can never be approved would trap the post,
 * so N is then applied as M: every configured approver must approve (approvalsRequired). The
 * options page and the popup say so, and the audit log records the cap with each request and
 * verification (worker/handlers).
 */
import type { Settings } from './settings-schema';

export type ApprovalPolicyIssue =
  | { code: 'required-exceeds-approvers'; required: number; approvers: number }
  | { code: 'approval-without-approvers' };

export function checkApprovalPolicy(s: Pick<Settings, 'approvers' | 'policy'>): ApprovalPolicyIssue[] {
  const m = new Set(s.approvers.map((a) => a.publicKey)).size;
  const n = s.policy.requiredApprovals;
  if (m === 0) return s.policy.companyAlwaysNeedsApproval ? [{ code: 'approval-without-approvers' }] : [];
  return n > m ? [{ code: 'required-exceeds-approvers', required: n, approvers: m }] : [];
}

/** N as applied: the policy's N, or all M configured approvers when N > M (see above). */
export function approvalsRequired(s: Pick<Settings, 'approvers' | 'policy'>): { configured: number; applied: number; approvers: number; capped: boolean } {
  const approvers = new Set(s.approvers.map((a) => a.publicKey)).size;
  const configured = s.policy.requiredApprovals;
  const capped = approvers > 0 && configured > approvers;
  return { configured, applied: capped ? approvers : configured, approvers, capped };
}
