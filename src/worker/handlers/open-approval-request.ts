/**
 * Approver side, step 1: a pasted request code or link → what the approval page shows. The
 * request's signature and its attached text's hash are checked (decodeRequest); the text is
 * checked again here, now, with the approver's own lists.
 */
import { decodeRequest } from '../../approval/request';
import { parseRequestLink } from '../../approval/request-link';
import type { ReplyOf, Request } from '../../messaging/protocol';
import { loadPublicIdentity } from '../../storage/identity';
import { requestView, type ApprovalDeps } from './approval-deps';

export function openApprovalRequestHandler(deps: ApprovalDeps) {
  return async ({ input }: Extract<Request, { type: 'openApprovalRequest' }>): Promise<ReplyOf<'openApprovalRequest'>> => {
    const link = parseRequestLink(input);
    if (!link.ok) return link;
    const decoded = await decodeRequest(link.code);
    if (!decoded.ok) return decoded;
    const r = decoded.request;
    const identity = (await loadPublicIdentity()) ?? null;
    const findings =
      r.text === undefined ? [] : (await deps.check(r.text, { site: r.site, handle: r.account.handle, account: r.account.kind })).findings;
    return {
      ok: true,
      request: requestView(r),
      ...(r.text === undefined ? {} : { text: r.text }),
      findings,
      self: identity?.publicKey === r.requester.publicKey,
      expired: deps.now() > r.expiresAt,
      identity,
    };
  };
}
