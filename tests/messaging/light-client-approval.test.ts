// The content scripts' reply guards for the approval messages agree with protocol.ts's zod
// schemas: valid replies pass both, and a reply broken in any field the page reads is refused by
// both. The findings summary of a request view is only passed on by the page, so it is checked
// by shape (its canonical order is zod's job on the approval page).
import { describe, expect, it } from 'vitest';
import { GUARDS } from '../../src/messaging/light-client';
import { ReplySchemas } from '../../src/messaging/protocol';

const KEY = 'A'.repeat(43);
const identity = { name: '佐藤', publicKey: KEY, keyId: 'abcdefghijk', createdAt: 1 };
const view = {
  site: 'x',
  account: { handle: '@corp', kind: 'company' },
  requester: { name: '佐藤', keyId: 'abcdefghijk', publicKey: KEY },
  createdAt: 1,
  expiresAt: 2,
  textHash: 'h',
  summary: { counts: [{ category: 'compliance', severity: 'warn', count: 2 }], rules: ['compliance/a'] },
};
const reason = { code: 'text-changed', message: { ja: '変更', en: 'changed' } };

const VALID = {
  getIdentity: [
    { supported: true, identity },
    { supported: false, identity: null },
  ],
  createIdentity: [{ identity }],
  createApprovalRequest: [{ code: 'KKREQ1.x', link: 'chrome-extension://a/approve.html#req=x', request: view, approvers: [{ name: '田中', keyId: 'k' }], required: 2 }],
  verifyApprovalCodes: [
    { ok: true, textHash: 'h', approvers: [{ name: '田中', keyId: 'k', signedAt: 5, comment: 'ok' }, { name: '鈴木', keyId: 'j', signedAt: 6 }] },
    { ok: false, reasons: [reason, { ...reason, approvalCode: 2, approver: { name: 'a', keyId: 'b' }, comment: 'c' }] },
  ],
} as const;

type Broken = [string, unknown];
const BROKEN: Record<keyof typeof VALID, Broken[]> = {
  getIdentity: [
    ['supported missing', { identity: null }],
    ['identity missing', { supported: true }],
    ['identity without key id', { supported: true, identity: { ...identity, keyId: undefined } }],
    ['createdAt as string', { supported: true, identity: { ...identity, createdAt: '1' } }],
  ],
  createIdentity: [
    ['no identity', {}],
    ['identity name a number', { identity: { ...identity, name: 3 } }],
  ],
  createApprovalRequest: [
    ['no code', { ...VALID.createApprovalRequest[0], code: undefined }],
    ['link a number', { ...VALID.createApprovalRequest[0], link: 1 }],
    ['no expiry', { ...VALID.createApprovalRequest[0], request: { ...view, expiresAt: undefined } }],
    ['empty handle', { ...VALID.createApprovalRequest[0], request: { ...view, account: { handle: '', kind: 'company' } } }],
    ['bad kind', { ...VALID.createApprovalRequest[0], request: { ...view, account: { handle: 'a', kind: 'team' } } }],
    ['requester without key', { ...VALID.createApprovalRequest[0], request: { ...view, requester: { name: 'a', keyId: 'b' } } }],
    ['approver without key id', { ...VALID.createApprovalRequest[0], approvers: [{ name: 'x' }] }],
    ['required fractional', { ...VALID.createApprovalRequest[0], required: 1.5 }],
    ['summary missing', { ...VALID.createApprovalRequest[0], request: { ...view, summary: undefined } }],
  ],
  verifyApprovalCodes: [
    ['ok missing', { textHash: 'h', approvers: [] }],
    ['ok true without hash', { ok: true, approvers: [] }],
    ['approver without signedAt', { ok: true, textHash: 'h', approvers: [{ name: 'a', keyId: 'b' }] }],
    ['comment a number', { ok: true, textHash: 'h', approvers: [{ name: 'a', keyId: 'b', signedAt: 1, comment: 2 }] }],
    ['refused without reasons', { ok: false, reasons: [] }],
    ['reason without english', { ok: false, reasons: [{ code: 'expired', message: { ja: 'x' } }] }],
    ['ok as string', { ok: 'false', reasons: [reason] }],
  ],
};

describe('approval reply guards', () => {
  for (const type of Object.keys(VALID) as Array<keyof typeof VALID>) {
    VALID[type].forEach((value, i) =>
      it(`accepts valid ${type} reply #${i + 1}, as zod does`, () => {
        expect(ReplySchemas[type].safeParse(value).success).toBe(true);
        expect(GUARDS[type](value)).toBe(true);
      }),
    );
    for (const [name, value] of BROKEN[type]) {
      it(`${type}: ${name} -> refused by both`, () => {
        expect(ReplySchemas[type].safeParse(value).success).toBe(false);
        expect(GUARDS[type](value)).toBe(false);
      });
    }
  }

  it('a summary out of canonical order: zod refuses, the page (which only passes it on) does not look', () => {
    const value = { ...VALID.createApprovalRequest[0], request: { ...view, summary: { counts: [], rules: ['b', 'a'] } } };
    expect(ReplySchemas.createApprovalRequest.safeParse(value).success).toBe(false);
    expect(GUARDS.createApprovalRequest(value)).toBe(true);
  });
});
