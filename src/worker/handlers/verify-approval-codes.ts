/**
 * Requester side, last step: pasted approval codes → verifyApprovals on the draft as it is now
 * (text, site and account re-read by the caller, the account kind decided here), the configured
 * approvers, the policy's N, and the local user's key as `localRequester`. The request is the one
 * the codes name (by digest) among this browser's live requests, or the one the caller passes;
 * verifyApprovals re-checks its signature and that it was made with the local key.
 */
import { decodeDecision } from '../../approval/decision';
import { reason, type Reason } from '../../approval/reason';
import { hashText } from '../../approval/text-hash';
import { verifyApprovals } from '../../approval/verify';
import type { ReplyOf, Request } from '../../messaging/protocol';
import { listPendingRequests, type PendingRequest } from '../../storage/approval-requests';
import { loadPublicIdentity } from '../../storage/identity';
import { approvalsRequired } from '../../storage/approval-policy';
import { postingAccount, record, requiredApprovalsDetail, type ApprovalDeps } from './approval-deps';
import { decodeRequest, requestDigest } from '../../approval/request';

type Req = Extract<Request, { type: 'verifyApprovalCodes' }>;

/** The request most of the codes answer; else the newest one for this very text; else none. */
async function pickRequest(codes: readonly string[], pending: PendingRequest[], requestCode: string | undefined, textHash: string): Promise<string | undefined> {
  const candidates = [...pending];
  if (requestCode) {
    const decoded = await decodeRequest(requestCode);
    if (decoded.ok) {
      const r = decoded.request;
      candidates.unshift({ code: requestCode, digest: await requestDigest(r), textHash: r.textHash, site: r.site, handle: r.account.handle, createdAt: r.createdAt, expiresAt: r.expiresAt });
    }
  }
  const votes = new Map<string, number>();
  for (const code of codes) {
    const d = decodeDecision(code);
    if (d.ok) votes.set(d.decision.requestDigest, (votes.get(d.decision.requestDigest) ?? 0) + 1);
  }
  const byVotes = candidates.filter((c) => votes.has(c.digest)).sort((a, b) => votes.get(b.digest)! - votes.get(a.digest)! || b.createdAt - a.createdAt);
  return (byVotes[0] ?? candidates.find((c) => c.textHash === textHash) ?? (requestCode ? candidates[0] : undefined))?.code;
}

export function verifyApprovalCodesHandler(deps: ApprovalDeps) {
  return async ({ text, context, codes, requestCode }: Req): Promise<ReplyOf<'verifyApprovalCodes'>> => {
    const settings = await deps.settings();
    const now = deps.now();
    const identity = await loadPublicIdentity();
    const textHash = await hashText(text);
    const account = postingAccount(settings, context.site, context.handle);
    const request = identity ? await pickRequest(codes, await listPendingRequests(now), requestCode, textHash) : undefined;

    let result: ReplyOf<'verifyApprovalCodes'>;
    if (!identity) {
      // No key here means no request was made here: whatever the codes approve, it is not ours.
      result = { ok: false, reasons: [reason('other-request', { subject: 'requester' })] };
    } else if (!request) {
      result = { ok: false, reasons: codes.map((_, i): Reason => reason('other-request', { subject: 'approval', code: i + 1 }, { approvalCode: i + 1 })) };
    } else {
      const verified = await verifyApprovals({
        request,
        codes,
        currentText: text,
        currentSite: context.site,
        currentAccount: account,
        approvers: settings.approvers,
        // N > M would never release the post: all configured approvers are needed instead
        policy: { required: approvalsRequired(settings).applied },
        now,
        localRequester: identity.publicKey,
      });
      result = verified.ok
        ? { ok: true, textHash, approvers: verified.approvers.map(({ name, keyId, signedAt, comment }) => ({ name, keyId, signedAt, ...(comment === undefined ? {} : { comment }) })) }
        : { ok: false, reasons: verified.reasons };
    }

    await record(
      deps,
      settings,
      {
        kind: result.ok ? 'approval-verified' : 'approval-refused',
        site: context.site,
        handle: context.handle,
        account: account.kind,
        textHash,
        reason: result.ok ? undefined : result.reasons.map((r) => r.message.en).join(' | '),
        actor: identity ? `${identity.name} (${identity.keyId})` : undefined,
        detail: {
          ...(result.ok ? { approvers: result.approvers.map((a) => `${a.name} (${a.keyId})`) } : { reasons: result.reasons.map((r) => r.code) }),
          codes: codes.length,
          ...requiredApprovalsDetail(settings),
        },
      },
      text,
    );
    return result;
  };
}
