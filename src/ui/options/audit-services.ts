/** The audit log as the options page reaches it: the background's listAudit / exportAudit / pruneAudit. */
import type { AuditFilter, ReplyOf } from '../../messaging/protocol';

export interface AuditServices {
  list(filter: AuditFilter): Promise<ReplyOf<'listAudit'>>;
  export(filter: AuditFilter, format: 'csv' | 'json'): Promise<ReplyOf<'exportAudit'>>;
  prune(): Promise<ReplyOf<'pruneAudit'>>;
}
