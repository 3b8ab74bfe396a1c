/** listAudit / exportAudit / pruneAudit over the IndexedDB audit log (options page). */
import type { ReplyOf, Request } from '../../messaging/protocol';
import { auditToCsv, auditToJson, queryAudit } from '../../storage/audit-query';
import type { ApprovalDeps } from './approval-deps';

type Deps = Pick<ApprovalDeps, 'audit' | 'settings' | 'now'>;

export function listAuditHandler(deps: Deps) {
  return async ({ filter }: Extract<Request, { type: 'listAudit' }>): Promise<ReplyOf<'listAudit'>> =>
    queryAudit(await deps.audit.list({ since: filter.since }), filter);
}

export function exportAuditHandler(deps: Deps) {
  return async ({ filter, format }: Extract<Request, { type: 'exportAudit' }>): Promise<ReplyOf<'exportAudit'>> => {
    const { events, total } = queryAudit(await deps.audit.list({ since: filter.since }), { ...filter, limit: Number.POSITIVE_INFINITY });
    const now = deps.now();
    const stamp = new Date(now).toISOString().slice(0, 10);
    return format === 'csv'
      ? { fileName: `kakunin-audit-${stamp}.csv`, mime: 'text/csv', text: auditToCsv(events), count: total }
      : { fileName: `kakunin-audit-${stamp}.json`, mime: 'application/json', text: auditToJson(events, { exportedAt: now, filter }), count: total };
  };
}

/** Deletes what is older than settings.audit.retentionDays. */
export function pruneAuditHandler(deps: Deps) {
  return async (): Promise<ReplyOf<'pruneAudit'>> => {
    const settings = await deps.settings();
    return { deleted: await deps.audit.prune(settings.audit.retentionDays, deps.now()) };
  };
}
