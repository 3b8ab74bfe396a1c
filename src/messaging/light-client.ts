/**
 * The content scripts' sender. Same protocol and envelope as client.ts, but replies are checked
 * by the hand-written guards below instead of the zod schemas: zod would more than double a
 * content script (measured with `npm run bench:page`; the budget is 30 KB gzipped), and content
 * scripts only need three replies. tests/messaging/light-client.test.ts holds the guards to the
 * zod schemas in protocol.ts on valid and broken replies, so the two cannot drift apart silently.
 * Only types are imported from protocol.ts and finding.ts (no zod at runtime).
 */
import type { Finding } from '../engine/finding';
import type { Envelope, ReplyOf, Request } from './protocol';

/** Same name and meaning as client.ts's error, declared here so client.ts (zod) stays out. */
export class MessagingError extends Error {
  override name = 'MessagingError';
}

export type Transport = (message: Request) => Promise<unknown>;

type LightType = 'checkDraft' | 'getPageConfig' | 'recordAudit' | 'getIdentity' | 'createIdentity' | 'createApprovalRequest' | 'verifyApprovalCodes';
type Guard = (v: unknown) => boolean;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const oneOf = (...values: unknown[]) => (v: unknown) => values.includes(v);
const isSeverity = oneOf('info', 'warn', 'block');
const isBilingual = (v: unknown) => isObj(v) && isStr(v.ja) && v.ja !== '' && isStr(v.en) && v.en !== '';
const CATEGORY = /^[a-z][a-z-]*$/;

export function isFinding(v: unknown): v is Finding {
  return (
    isObj(v) &&
    isStr(v.category) &&
    CATEGORY.test(v.category) &&
    isSeverity(v.severity) &&
    isNat(v.start) &&
    isNat(v.end) &&
    isStr(v.text) &&
    isStr(v.rule) &&
    v.rule !== '' &&
    isBilingual(v.message) &&
    (v.suggestion === undefined || isBilingual(v.suggestion)) &&
    (v.basis === undefined || isStr(v.basis))
  );
}

// Approval (issue 4). Fields the page reads are checked as zod does; the request view's findings
// summary, which the page only passes on, is checked by shape (tests/messaging/light-client-approval.test.ts).
const isIdentity = (v: unknown) => isObj(v) && isStr(v.name) && isStr(v.publicKey) && isStr(v.keyId) && typeof v.createdAt === 'number';
const isApprover = (v: unknown) => isObj(v) && isStr(v.name) && isStr(v.keyId);
const isHandle = (v: unknown) => isStr(v) && v.length >= 1 && v.length <= 200;
const isRequestView = (v: unknown) =>
  isObj(v) &&
  isStr(v.site) &&
  isObj(v.account) &&
  isHandle(v.account.handle) &&
  oneOf('company', 'personal')(v.account.kind) &&
  isApprover(v.requester) &&
  isStr((v.requester as Record<string, unknown>).publicKey) &&
  typeof v.createdAt === 'number' &&
  typeof v.expiresAt === 'number' &&
  isStr(v.textHash) &&
  isObj(v.summary) &&
  Array.isArray(v.summary.counts) &&
  Array.isArray(v.summary.rules);
const isReason = (v: unknown) => isObj(v) && isStr(v.code) && isBilingual(v.message);

export const GUARDS: Record<LightType, Guard> = {
  checkDraft: (v) =>
    isObj(v) &&
    Array.isArray(v.findings) &&
    v.findings.every(isFinding) &&
    oneOf('company', 'personal')(v.account) &&
    isObj(v.hold) &&
    isBool(v.hold.held) &&
    oneOf('findings', 'approval-required', null)(v.hold.reason) &&
    isBool(v.hold.allowOverride),
  getPageConfig: (v) => isObj(v) && isBool(v.enabled) && oneOf('block', 'warn')(v.holdAt) && isBool(v.allowOverride),
  recordAudit: (v) => isObj(v) && typeof v.id === 'number',
  getIdentity: (v) => isObj(v) && isBool(v.supported) && (v.identity === null || isIdentity(v.identity)),
  createIdentity: (v) => isObj(v) && isIdentity(v.identity),
  createApprovalRequest: (v) =>
    isObj(v) &&
    isStr(v.code) &&
    isStr(v.link) &&
    isRequestView(v.request) &&
    Array.isArray(v.approvers) &&
    v.approvers.every(isApprover) &&
    Number.isInteger(v.required),
  verifyApprovalCodes: (v) =>
    isObj(v) &&
    (v.ok === true
      ? isStr(v.textHash) &&
        Array.isArray(v.approvers) &&
        v.approvers.every((a) => isApprover(a) && typeof a.signedAt === 'number' && (a.comment === undefined || isStr(a.comment)))
      : v.ok === false && Array.isArray(v.reasons) && v.reasons.length > 0 && v.reasons.every(isReason)),
};

export type LightRequest = Extract<Request, { type: LightType }>;

export function createLightClient(transport: Transport) {
  return async function send<R extends LightRequest>(message: R): Promise<ReplyOf<R['type']>> {
    let raw: unknown;
    try {
      raw = await transport(message);
    } catch (e) {
      // Extension reloaded or worker unreachable: content scripts fail open.
      throw new MessagingError(`no answer from Kakunin's background: ${(e as Error).message}`);
    }
    const env = raw as Envelope<unknown> | undefined;
    if (!isObj(env) || !('ok' in env)) throw new MessagingError('malformed reply');
    if (!env.ok) throw new MessagingError(env.error);
    if (!GUARDS[message.type](env.value)) throw new MessagingError(`unexpected reply to ${message.type}`);
    return env.value as ReplyOf<R['type']>;
  };
}
