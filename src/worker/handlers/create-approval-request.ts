/**
 * Requester side: a held draft → a signed request code and its approval-page link. The findings
 * are re-computed here from the text (a content script's list is not trusted), the account kind
 * comes from the settings, and the lifetime from the policy.
 */
import { summarizeFindings } from '../../approval/findings-summary';
import { createRequest, encodeRequest, requestDigest } from '../../approval/request';
import { requestToLink } from '../../approval/request-link';
import type { ReplyOf, Request } from '../../messaging/protocol';
import { savePendingRequest } from '../../storage/approval-requests';
import { loadSigner } from '../../storage/identity';
import { approvalsRequired } from '../../storage/approval-policy';
import { approverViews, auditFindings, postingAccount, record, requestTtlMs, requestView, requiredApprovalsDetail, type ApprovalDeps } from './approval-deps';

export class NoIdentityError extends Error {
  override name = 'NoIdentityError';
  constructor() {
    super('no signing identity in this browser yet: create one first (承認には先に自分の鍵を作成してください)');
  }
}

export function createApprovalRequestHandler(deps: ApprovalDeps) {
  return async ({ text, context, includeText }: Extract<Request, { type: 'createApprovalRequest' }>): Promise<ReplyOf<'createApprovalRequest'>> => {
    const signer = await loadSigner();
    if (!signer) throw new NoIdentityError();
    const settings = await deps.settings();
    const account = postingAccount(settings, context.site, context.handle);
    const checked = await deps.check(text, { site: context.site, handle: context.handle, account: account.kind });
    const now = deps.now();
    const { code, request } = await createRequest({
      signer,
      text,
      site: context.site,
      account,
      findings: summarizeFindings(checked.findings),
      includeText: includeText ?? true,
      now,
      ttlMs: requestTtlMs(settings),
    });
    const digest = await requestDigest(request);
    await savePendingRequest(
      {
        code: encodeRequest(request, { includeText: false }),
        digest,
        textHash: request.textHash,
        site: request.site,
        handle: account.handle,
        createdAt: request.createdAt,
        expiresAt: request.expiresAt,
      },
      now,
    );
    await record(
      deps,
      settings,
      {
        kind: 'approval-requested',
        site: request.site,
        handle: context.handle,
        account: account.kind,
        textHash: request.textHash,
        findings: auditFindings(checked.findings),
        actor: `${signer.identity.name} (${request.requester.keyId})`,
        detail: { requestDigest: digest, expiresAt: request.expiresAt, ...requiredApprovalsDetail(settings) },
      },
      text,
    );
    return {
      code,
      link: requestToLink(code, deps.approvalPageUrl),
      request: requestView(request),
      approvers: await approverViews(settings),
      required: approvalsRequired(settings).applied,
    };
  };
}
