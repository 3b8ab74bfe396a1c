/**
 * recordAudit: an event sent by a content script (hold, override, release, dismissed finding) or
 * by one of Kakunin's own pages, written to the audit log. The sender decides which kinds may be
 * written: a content script runs in the site's renderer, which a compromised site controls, so it
 * may write only what src/page/ produces (PAGE_AUDIT_KINDS), never `approved` or
 * `approval-verified`; the router has already capped every field (AuditEventInputSchema). The
 * policy is enforced here too, not only in the page: an override, or the dismissal of a finding
 * that holds the post, is not recorded while overrides are off, so the page's gate stays held.
 */
import { atLeast } from '../../engine/finding';
import { PAGE_AUDIT_KINDS, type ReplyOf, type Request } from '../../messaging/protocol';
import type { ApprovalDeps } from './approval-deps';

export type Sender = { tabId?: number; url?: string };

export class AuditRefusedError extends Error {
  override name = 'AuditRefusedError';
}

/** `chrome-extension://<id>` of a URL of this extension, compared as text. */
export function extensionOriginOf(extensionUrl: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(extensionUrl);
  if (!m) throw new Error(`not an extension URL: ${extensionUrl}`);
  return m[0].toLowerCase();
}

/**
 * A page of this extension (approval page, popup, options), not a content script in a site's tab.
 * Compared as text, not with URL.origin: for a scheme the URL standard does not know
 * (chrome-extension:, moz-extension:) `origin` is "null" outside Chrome, as it is for data: and
 * about: URLs, so "null" === "null" would take any of them for ours.
 */
export function isExtensionPage(sender: Sender, extensionOrigin: string): boolean {
  return sender.url !== undefined && sender.url.toLowerCase().startsWith(`${extensionOrigin}/`);
}

type Req = Extract<Request, { type: 'recordAudit' }>;

export function recordAuditHandler(deps: Pick<ApprovalDeps, 'settings' | 'audit' | 'now'>, extensionOrigin: string) {
  return async ({ event, text }: Req, sender: Sender): Promise<ReplyOf<'recordAudit'>> => {
    if (!isExtensionPage(sender, extensionOrigin) && !(PAGE_AUDIT_KINDS as readonly string[]).includes(event.kind)) {
      throw new AuditRefusedError(`a content script may not record "${event.kind}" events`);
    }
    const settings = await deps.settings();
    const { allowOverride, holdAt } = settings.policy;
    if (!allowOverride && event.kind === 'override') throw new AuditRefusedError('overrides are not allowed by the policy (policy.allowOverride)');
    if (!allowOverride && event.kind === 'dismissed' && event.findings.some((f) => atLeast(f.severity, holdAt))) {
      throw new AuditRefusedError('a finding that holds the post cannot be dismissed while overrides are not allowed (policy.allowOverride)');
    }
    const id = await deps.audit.append(event, { text: settings.audit.storeText ? text : undefined, now: deps.now() });
    return { id };
  };
}
