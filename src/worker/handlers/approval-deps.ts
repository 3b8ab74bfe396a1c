/**
 * What the approval and audit handlers need from the background, as one interface, so tests
 * run them on the real approval module, fakeBrowser storage and fake-indexeddb with a checker
 * of their choosing.
 */
import type { PostingAccount } from '../../approval/account';
import { HOUR_MS } from '../../approval/policy';
import type { ApprovalRequest } from '../../approval/request-codec';
import { keyIdOf } from '../../approval/identity';
import { atLeast, type Finding, type Severity } from '../../engine/finding';
import type { AuditEventInput, DraftContext, ReplyOf, RequestView } from '../../messaging/protocol';
import type { AuditLog } from '../../storage/audit-log';
import { resolveAccountKind } from '../../storage/accounts';
import { approvalsRequired } from '../../storage/approval-policy';
import type { Settings } from '../../storage/settings-schema';

export interface ApprovalDeps {
  /** settings in force (own + managed policy) */
  settings(): Promise<Settings>;
  audit: AuditLog;
  /** the background's own checkDraft */
  check(text: string, context: DraftContext): Promise<ReplyOf<'checkDraft'>>;
  /** chrome-extension://<id>/approve.html */
  approvalPageUrl: string;
  now(): number;
}

/**
 * Stands in for a handle the site did not show. Parentheses are valid in no site's handles, so
 * it never equals a real account; requests and checks made without a handle agree on it.
 */
export const UNKNOWN_HANDLE = '(unknown)';

/**
 * The account a post goes out from, decided here from the handle and the settings: a kind sent
 * by a content script is not trusted for approval (it would let a page claim "personal").
 */
export function postingAccount(settings: Settings, site: string, handle: string | undefined): PostingAccount {
  const h = handle?.trim();
  return { handle: h || UNKNOWN_HANDLE, kind: resolveAccountKind(settings, site, h) };
}

export const requestTtlMs = (settings: Settings) => Math.round(settings.policy.approvalTtlHours * HOUR_MS);

/** For the audit detail: present only when N had to be capped to the number of approvers. */
export function requiredApprovalsDetail(settings: Settings): { requiredApprovals: { configured: number; applied: number; approvers: number } } | undefined {
  const r = approvalsRequired(settings);
  return r.capped ? { requiredApprovals: { configured: r.configured, applied: r.applied, approvers: r.approvers } } : undefined;
}

export function requestView(r: ApprovalRequest): RequestView {
  return {
    site: r.site,
    account: r.account,
    requester: { name: r.requester.name, keyId: r.requester.keyId, publicKey: r.requester.publicKey },
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    textHash: r.textHash,
    summary: r.findings,
  };
}

export async function approverViews(settings: Settings): Promise<Array<{ name: string; keyId: string }>> {
  const seen = new Set<string>();
  const unique = settings.approvers.filter((a) => !seen.has(a.publicKey) && seen.add(a.publicKey));
  return Promise.all(unique.map(async (a) => ({ name: a.name, keyId: await keyIdOf(a.publicKey).catch(() => '?') })));
}

export const auditFindings = (findings: readonly Pick<Finding, 'rule' | 'category' | 'severity'>[]) =>
  findings.map(({ rule, category, severity }) => ({ rule, category, severity }));

/**
 * A request without its text carries only counts and rule ids: each rule is logged under its
 * category (rule ids are `<category>/<slug>`) at the highest severity counted for that category.
 */
export function findingsFromSummary(r: ApprovalRequest): AuditEventInput['findings'] {
  const top = new Map<string, Severity>();
  for (const c of r.findings.counts) {
    const prev = top.get(c.category);
    if (!prev || atLeast(c.severity, prev)) top.set(c.category, c.severity);
  }
  return r.findings.rules.map((rule) => {
    const category = rule.split('/')[0] ?? rule;
    return { rule, category, severity: top.get(category) ?? 'info' };
  });
}

/** Records an event; text only if the user opted in (settings.audit.storeText). */
export async function record(deps: ApprovalDeps, settings: Settings, event: AuditEventInput, text?: string): Promise<void> {
  await deps.audit.append(event, { text: settings.audit.storeText ? text : undefined, now: deps.now() });
}
