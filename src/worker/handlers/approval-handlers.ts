/** The approval and audit handlers (issue 4), one file each, gathered for main.ts's router. */
import type { Handlers } from '../../messaging/router';
import type { ApprovalDeps } from './approval-deps';
import { exportAuditHandler, listAuditHandler, pruneAuditHandler } from './audit';
import { createApprovalRequestHandler } from './create-approval-request';
import { decideApprovalHandler } from './decide-approval';
import { createIdentity, getIdentity } from './identity';
import { openApprovalRequestHandler } from './open-approval-request';
import { verifyApprovalCodesHandler } from './verify-approval-codes';

export type ApprovalHandlerTypes =
  | 'getIdentity'
  | 'createIdentity'
  | 'createApprovalRequest'
  | 'openApprovalRequest'
  | 'decideApproval'
  | 'verifyApprovalCodes'
  | 'listAudit'
  | 'exportAudit'
  | 'pruneAudit';

export function approvalHandlers(deps: ApprovalDeps): Pick<Handlers, ApprovalHandlerTypes> {
  return {
    getIdentity,
    createIdentity,
    createApprovalRequest: createApprovalRequestHandler(deps),
    openApprovalRequest: openApprovalRequestHandler(deps),
    decideApproval: decideApprovalHandler(deps),
    verifyApprovalCodes: verifyApprovalCodesHandler(deps),
    listAudit: listAuditHandler(deps),
    exportAudit: exportAuditHandler(deps),
    pruneAudit: pruneAuditHandler(deps),
  };
}
