/** The approval and audit handlers (issue 4), one file each, gathered for main.ts's router. */
import type { Handlers } from '../../messaging/router';
import type { ApprovalDeps } from './approval-deps';
import { exportAuditHandler, listAuditHandler, pruneAuditHandler } from './audit';
import { createApprovalRequestHandler } from './create-approval-request';
import { decideApprovalHandler } from './decide-approval';
import { createIdentity, getIdentity } from './identity';
import { openApprovalRequestHandler } from './open-approval-request';
import { extensionOriginOf, isExtensionPage, recordAuditHandler, type Sender } from './record-audit';
import { verifyApprovalCodesHandler } from './verify-approval-codes';

export type ApprovalHandlerTypes =
  | 'getIdentity'
  | 'createIdentity'
  | 'createApprovalRequest'
  | 'openApprovalRequest'
  | 'decideApproval'
  | 'verifyApprovalCodes'
  | 'recordAudit'
  | 'listAudit'
  | 'exportAudit'
  | 'pruneAudit';

export class NotFromExtensionPageError extends Error {
  override name = 'NotFromExtensionPageError';
}

/**
 * Signing an approval, replacing the key and reading or deleting the audit log are done from
 * Kakunin's own pages only (approval page, popup, options), never for a content script: a
 * compromised site renderer hosts our content script, and must not be able to approve posts
 * with the user's key or read the log (Chrome: treat content-script messages as untrusted).
 */
function fromExtensionPages<R, T>(origin: string, handler: (req: R, sender: Sender) => Promise<T>) {
  return (req: R, sender: Sender): Promise<T> => {
    if (!isExtensionPage(sender, origin)) return Promise.reject(new NotFromExtensionPageError(`only Kakunin's own pages may ask for this`));
    return handler(req, sender);
  };
}

export function approvalHandlers(deps: ApprovalDeps): Pick<Handlers, ApprovalHandlerTypes> {
  const origin = extensionOriginOf(deps.approvalPageUrl);
  const pagesOnly = <R, T>(handler: (req: R, sender: Sender) => Promise<T>) => fromExtensionPages(origin, handler);
  return {
    getIdentity,
    // The in-page panel may make a first key; replacing one is for the extension's pages.
    createIdentity: (req, sender) => (req.replace ? pagesOnly(createIdentity)(req, sender) : createIdentity(req)),
    createApprovalRequest: createApprovalRequestHandler(deps),
    openApprovalRequest: pagesOnly(openApprovalRequestHandler(deps)),
    decideApproval: pagesOnly(decideApprovalHandler(deps)),
    verifyApprovalCodes: verifyApprovalCodesHandler(deps),
    // Content scripts write their own kinds only; the sender is checked inside.
    recordAudit: recordAuditHandler(deps, origin),
    listAudit: pagesOnly(listAuditHandler(deps)),
    exportAudit: pagesOnly(exportAuditHandler(deps)),
    pruneAudit: pagesOnly(pruneAuditHandler(deps)),
  };
}
