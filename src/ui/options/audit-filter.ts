/** The audit filter form's fields → the protocol's AuditFilter (dates are local days, `to` inclusive). */
import type { AuditFilter, AuditKind } from '../../messaging/protocol';

export interface AuditFilterForm {
  /** YYYY-MM-DD or '' */
  from: string;
  to: string;
  kind: AuditKind | '';
  site: string;
  account: string;
}

export const EMPTY_FILTER_FORM: AuditFilterForm = { from: '', to: '', kind: '', site: '', account: '' };

function localDay(value: string, plusDays = 0): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).getTime() : undefined;
}

export function toAuditFilter(form: AuditFilterForm, limit = 200): AuditFilter {
  const filter: AuditFilter = { limit };
  const since = localDay(form.from);
  const until = localDay(form.to, 1);
  if (since !== undefined) filter.since = since;
  if (until !== undefined) filter.until = until;
  if (form.kind) filter.kinds = [form.kind];
  if (form.site.trim()) filter.site = form.site.trim();
  if (form.account.trim()) filter.account = form.account.trim();
  return filter;
}
