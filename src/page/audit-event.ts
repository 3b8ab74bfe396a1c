/**
 * An audit event for a draft: identified by the SHA-256 of its normalized text (the text itself
 * is stored only when the company opted in, decided by the background), with the findings as
 * rule/category/severity only.
 */
import type { AccountKind, Finding } from '../engine/finding';
import type { AuditEventInput } from '../messaging/protocol';
import { hashText } from '../approval/text-hash';
import type { Draft } from './check-loop';

export interface AuditFacts {
  site: string;
  draft: Draft;
  account?: AccountKind;
  findings: readonly Finding[];
  reason?: string;
  detail?: Record<string, unknown>;
}

export async function buildAuditEvent(kind: AuditEventInput['kind'], f: AuditFacts): Promise<AuditEventInput> {
  return {
    kind,
    site: f.site,
    handle: f.draft.handle,
    account: f.account,
    textHash: await hashText(f.draft.text),
    findings: f.findings.map((x) => ({ rule: x.rule, category: x.category, severity: x.severity })),
    reason: f.reason,
    detail: f.detail,
  };
}
