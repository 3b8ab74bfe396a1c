/**
 * Filtering and exporting audit records (pure: the options page's view, the CSV and JSON files).
 * CSV columns are fixed and documented by AUDIT_CSV_COLUMNS; a cell that a spreadsheet would run
 * as a formula (=, +, -, @ first) gets a leading apostrophe (OWASP "CSV injection"): a reason or
 * draft typed by a user must not execute when an auditor opens the file.
 */
import { normalizeHandle } from '../approval/account';
import type { AuditFilter, AuditRecord } from '../messaging/protocol';
import { formatCsv } from './csv';

export function matchesAudit(r: AuditRecord, f: AuditFilter): boolean {
  if (f.since !== undefined && r.time < f.since) return false;
  if (f.until !== undefined && r.time >= f.until) return false;
  if (f.kinds?.length && !f.kinds.includes(r.kind)) return false;
  if (f.site && r.site !== f.site) return false;
  const account = f.account?.trim();
  if (account) {
    const isKind = account === 'company' || account === 'personal';
    if (isKind ? r.account !== account : normalizeHandle(r.handle ?? '') !== normalizeHandle(account)) return false;
  }
  return true;
}

/** Matching records, newest first, at most `limit` (default 500), and how many matched. */
export function queryAudit(records: readonly AuditRecord[], f: AuditFilter): { events: AuditRecord[]; total: number } {
  const hits = records.filter((r) => matchesAudit(r, f)).sort((a, b) => b.time - a.time || b.id - a.id);
  return { events: hits.slice(0, f.limit ?? 500), total: hits.length };
}

export const AUDIT_CSV_COLUMNS = ['id', 'time', 'kind', 'site', 'handle', 'account', 'textHash', 'findings', 'reason', 'actor', 'detail', 'text'] as const;

const neutralize = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** Oldest first: the order an auditor reads a log in. */
export function auditToCsv(records: readonly AuditRecord[]): string {
  const rows = [...records]
    .sort((a, b) => a.time - b.time || a.id - b.id)
    .map((r) =>
      [
        String(r.id),
        new Date(r.time).toISOString(),
        r.kind,
        r.site,
        r.handle ?? '',
        r.account ?? '',
        r.textHash,
        r.findings.map((f) => `${f.rule}:${f.severity}`).join(' '),
        r.reason ?? '',
        r.actor ?? '',
        r.detail ? JSON.stringify(r.detail) : '',
        r.text ?? '',
      ].map(neutralize),
    );
  return formatCsv([[...AUDIT_CSV_COLUMNS], ...rows]);
}

export function auditToJson(records: readonly AuditRecord[], meta: { exportedAt: number; filter: AuditFilter }): string {
  const events = [...records].sort((a, b) => a.time - b.time || a.id - b.id).map((r) => ({ ...r, time: new Date(r.time).toISOString() }));
  return `${JSON.stringify({ format: 'kakunin-audit/1', exportedAt: new Date(meta.exportedAt).toISOString(), filter: meta.filter, events }, null, 2)}\n`;
}
