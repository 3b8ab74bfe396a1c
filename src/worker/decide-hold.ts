/** Whether a draft's post button is held, from its findings, the account and the policy. */
import { atLeast, type AccountKind, type Finding } from '../engine/finding';
import type { Hold } from '../messaging/protocol';
import type { Policy } from '../storage/settings-schema';

export function decideHold(findings: readonly Finding[], account: AccountKind, policy: Policy): Hold {
  if (findings.some((f) => atLeast(f.severity, policy.holdAt))) return { held: true, reason: 'findings', allowOverride: policy.allowOverride };
  if (account === 'company' && policy.companyAlwaysNeedsApproval) return { held: true, reason: 'approval-required', allowOverride: policy.allowOverride };
  return { held: false, reason: null, allowOverride: policy.allowOverride };
}
