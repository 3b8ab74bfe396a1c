/**
 * Approver side, step 2: approve or reject with a comment, signed with this browser's key →
 * the short approval code to send back. createDecision refuses self-approval and expired
 * requests; the decision is recorded in the approver's own audit log.
 */
import { createDecision } from '../../approval/decision';
import { decodeRequest, requestDigest } from '../../approval/request';
import { parseRequestLink } from '../../approval/request-link';
import type { ReplyOf, Request } from '../../messaging/protocol';
import { loadSigner } from '../../storage/identity';
import { auditFindings, findingsFromSummary, record, type ApprovalDeps } from './approval-deps';
import { NoIdentityError } from './create-approval-request';

export function decideApprovalHandler(deps: ApprovalDeps) {
  return async ({ input, decision, comment }: Extract<Request, { type: 'decideApproval' }>): Promise<ReplyOf<'decideApproval'>> => {
    const signer = await loadSigner();
    if (!signer) throw new NoIdentityError();
    const link = parseRequestLink(input);
    if (!link.ok) return link;
    const decoded = await decodeRequest(link.code);
    if (!decoded.ok) return decoded;
    const request = decoded.request;
    const made = await createDecision({ request, signer, decision, comment, now: deps.now() });
    if (!made.ok) return made;
    const settings = await deps.settings();
    const findings =
      request.text === undefined
        ? findingsFromSummary(request)
        : auditFindings((await deps.check(request.text, { site: request.site, handle: request.account.handle, account: request.account.kind })).findings);
    await record(
      deps,
      settings,
      {
        kind: decision === 'approve' ? 'approved' : 'rejected',
        site: request.site,
        handle: request.account.handle,
        account: request.account.kind,
        textHash: request.textHash,
        findings,
        reason: made.decision.comment,
        actor: `${signer.identity.name} (${made.decision.approverKeyId})`,
        detail: { requester: request.requester.name, requesterKeyId: request.requester.keyId, requestDigest: await requestDigest(request) },
      },
      request.text,
    );
    return { ok: true, code: made.code, decision };
  };
}
