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

type LightType = 'checkDraft' | 'getPageConfig' | 'recordAudit';
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
