/**
 * Consistency of the approval settings, which zod cannot see field by field: N of M needs at
 * least N distinct approvers (verifyApprovals counts distinct keys), and a policy that demands
 * approval is unusable without approvers.
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
