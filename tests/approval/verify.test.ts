import { beforeAll, describe, expect, it } from 'vitest';
import type { PostingAccount } from '../../src/approval/account';
import { fromBase64Url, toBase64Url } from '../../src/approval/base64url';
import { createDecision } from '../../src/approval/decision';
import { keyIdOf } from '../../src/approval/identity';
import type { Signer } from '../../src/approval/keys';
import type { ApprovalPolicy } from '../../src/approval/policy';
import { encodeRequest, requestDigest } from '../../src/approval/request';
import type { ApprovalRequest } from '../../src/approval/request-codec';
import { type VerifyInput, verifyApprovals } from '../../src/approval/verify';
import { ACCOUNT, craftDecisionCode, DRAFT, HOUR, makeRequest, makeSigner, NOW, SITE } from './fixtures';

let requester: Signer;
let a1: Signer;
let a2: Signer;
let a3: Signer;
let outsider: Signer;
beforeAll(async () => {
  [requester, a1, a2, a3, outsider] = await Promise.all([
    makeSigner('山田（依頼者）'),
    makeSigner('佐藤'),
    makeSigner('鈴木'),
    makeSigner('高橋'),
    makeSigner('部外者'),
  ]);
});

const approvers = () => [a1, a2, a3].map((s) => s.identity);

async function approve(request: ApprovalRequest | string, signer: Signer, at = NOW + HOUR, decision: 'approve' | 'reject' = 'approve', comment?: string) {
  const made = await createDecision({ request, signer, decision, comment, now: at });
  if (!made.ok) throw new Error(made.reason.message.en);
  return made.code;
}

function check(request: ApprovalRequest | string, codes: string[], overrides: Partial<VerifyInput> = {}) {
  return verifyApprovals({
    request,
    codes,
    currentText: DRAFT,
    currentSite: SITE,
    currentAccount: ACCOUNT,
    approvers: approvers(),
    policy: { required: 1 },
    now: NOW + 2 * HOUR,
    ...overrides,
  });
}

const codesOf = (r: Awaited<ReturnType<typeof check>>) => (r.ok ? [] : r.reasons.map((x) => x.code).sort());

describe('verifyApprovals: happy paths', () => {
  it('1 of 1', async () => {
    const { request } = await makeRequest(requester);
    const r = await verifyApprovals({
      request,
      codes: [await approve(request, a1)],
      currentText: DRAFT,
      currentSite: SITE,
      currentAccount: ACCOUNT,
      approvers: [a1.identity],
      policy: { required: 1 },
      now: NOW + 2 * HOUR,
    });
    expect(r).toMatchObject({ ok: true, approvers: [{ name: '佐藤', publicKey: a1.identity.publicKey, signedAt: NOW + HOUR }] });
    expect(r.ok && r.approvers[0]!.keyId).toBe(await keyIdOf(a1.identity.publicKey));
    expect(r.ok && r.requestDigest).toBe(await requestDigest(request));
  });

  it('2 of 3, with the request given as a code (with or without text)', async () => {
    const { code, request } = await makeRequest(requester);
    const codes = [await approve(code, a3, NOW + 1), await approve(code, a1, NOW + 2)];
    for (const req of [code, encodeRequest(request, { includeText: false }), request]) {
      const r = await check(req, codes, { policy: { required: 2 } });
      expect(r.ok && r.approvers.map((a) => a.name)).toEqual(['高橋', '佐藤']);
    }
  });

  it('codes wrapped by a mail client still verify', async () => {
    const { request } = await makeRequest(requester);
    const code = await approve(request, a1);
    expect((await check(request, [`  ${code.slice(0, 60)}\r\n${code.slice(60)}\n`])).ok).toBe(true);
  });

  it('handles compare without "@" and case; kind must match', async () => {
    const { request } = await makeRequest(requester);
    const codes = [await approve(request, a1)];
    expect((await check(request, codes, { currentAccount: { handle: 'Kakunin_Corp', kind: 'company' } })).ok).toBe(true);
    expect(codesOf(await check(request, codes, { currentAccount: { handle: 'kakunin_corp', kind: 'personal' } }))).toEqual(['wrong-account']);
  });
});

describe('verifyApprovals: forgery', () => {
  it('a signature by a key that is not configured → unknown-approver', async () => {
    const { request } = await makeRequest(requester);
    const r = await check(request, [await approve(request, outsider)]);
    expect(codesOf(r)).toEqual(['not-enough-approvers', 'unknown-approver']);
    expect(!r.ok && r.reasons[0]).toMatchObject({ code: 'unknown-approver', approvalCode: 1 });
  });

  it('flipping any byte of a valid code never verifies', async () => {
    const { request } = await makeRequest(requester);
    const code = await approve(request, a1);
    const bytes = fromBase64Url(code.slice(7));
    const seen = new Set<string>();
    for (let i = 0; i < bytes.length; i++) {
      const copy = bytes.slice();
      copy[i]! ^= 0x01;
      const r = await check(request, [`KKAPP1.${toBase64Url(copy)}`]);
      expect(r.ok, `byte ${i}`).toBe(false);
      for (const c of codesOf(r)) seen.add(c);
    }
    // digest/decision/time/comment/signature bytes → bad signature; key id bytes → unknown; structure → malformed.
    expect([...seen].sort()).toEqual(['bad-signature', 'malformed', 'not-enough-approvers', 'unknown-approver']);
  });

  it('claims a configured approver but is signed by another key → bad-signature', async () => {
    const { request } = await makeRequest(requester);
    const forged = await craftDecisionCode(outsider, {
      requestDigest: await requestDigest(request),
      decision: 'approve',
      approverKeyId: await keyIdOf(a1.identity.publicKey),
      signedAt: NOW + HOUR,
    });
    const r = await check(request, [forged]);
    expect(codesOf(r)).toEqual(['bad-signature', 'not-enough-approvers']);
    expect(!r.ok && r.reasons[0]).toMatchObject({ approver: { name: '佐藤' }, approvalCode: 1 });
    // …and also when the real signer is another configured approver.
    const byA2 = await craftDecisionCode(a2, {
      requestDigest: await requestDigest(request),
      decision: 'approve',
      approverKeyId: await keyIdOf(a1.identity.publicKey),
      signedAt: NOW + HOUR,
    });
    expect(codesOf(await check(request, [byA2]))).toEqual(['bad-signature', 'not-enough-approvers']);
  });

  it('a tampered request object is refused before any code is looked at', async () => {
    const { request } = await makeRequest(requester);
    const codes = [await approve(request, a1)];
    expect(codesOf(await check({ ...request, expiresAt: request.expiresAt + 1000 * HOUR }, codes))).toEqual(['bad-signature']);
  });
});

describe('verifyApprovals: edit after approval', () => {
  let request: ApprovalRequest;
  let codes: string[];
  beforeAll(async () => {
    ({ request } = await makeRequest(requester, { text: 'カメラが届きました。\n今日も一日がんばろう！' }));
    codes = [await approve(request, a1)];
  });
  const withText = (currentText: string) => check(request, codes, { currentText });

  it('the approved text passes, including NFD spelling, CRLF and a trailing newline', async () => {
    expect((await withText('カメラが届きました。\n今日も一日がんばろう！')).ok).toBe(true);
    const nfd = 'カメラが届きました。\n今日も一日がんばろう！'.normalize('NFD');
    expect(nfd).not.toBe('カメラが届きました。\n今日も一日がんばろう！');
    expect((await withText(nfd)).ok).toBe(true);
    expect((await withText('カメラが届きました。\r\n今日も一日がんばろう！\n')).ok).toBe(true);
  });

  it.each([
    ['one character', 'カメラが届きました。\n今日も一日がんばろう!'],
    ['one character added', 'カメラが届きました。\n今日も一日がんばろう！！'],
    ['whitespace inside', 'カメラが 届きました。\n今日も一日がんばろう！'],
    ['a blank line inside', 'カメラが届きました。\n\n今日も一日がんばろう！'],
    ['half-width kana', 'ｶﾒﾗが届きました。\n今日も一日がんばろう！'],
    ['leading space', ' カメラが届きました。\n今日も一日がんばろう！'],
  ])('%s → text-changed', async (_, text) => {
    expect(codesOf(await withText(text))).toEqual(['text-changed']);
  });
});

describe('verifyApprovals: replay', () => {
  it('a code for text A, presented with text B, is refused', async () => {
    const reqA = await makeRequest(requester, { text: 'テキストA' });
    const reqB = await makeRequest(requester, { text: 'テキストB' });
    const codeA = await approve(reqA.request, a1);
    // Presented with A's request: the text no longer matches.
    expect(codesOf(await check(reqA.request, [codeA], { currentText: 'テキストB' }))).toEqual(['text-changed']);
    // Presented with B's request: the code belongs to another request.
    expect(codesOf(await check(reqB.request, [codeA], { currentText: 'テキストB' }))).toEqual(['not-enough-approvers', 'other-request']);
  });

  it('a code for request R1 is refused for R2 on the same text', async () => {
    const r1 = await makeRequest(requester);
    const r2 = await makeRequest(requester);
    const code = await approve(r1.request, a1);
    const r = await check(r2.request, [code]);
    expect(codesOf(r)).toEqual(['not-enough-approvers', 'other-request']);
    expect(!r.ok && r.reasons[0]).toMatchObject({ code: 'other-request', approvalCode: 1, approver: { name: '佐藤' } });
  });

  it('site and account are bound', async () => {
    const { request } = await makeRequest(requester);
    const codes = [await approve(request, a1)];
    expect(codesOf(await check(request, codes, { currentSite: 'threads' }))).toEqual(['wrong-site']);
    const personal: PostingAccount = { handle: 'yamada_private', kind: 'personal' };
    const r = await check(request, codes, { currentAccount: personal });
    expect(codesOf(r)).toEqual(['wrong-account']);
    expect(!r.ok && r.reasons[0]!.message.en).toContain('@yamada_private');
  });

  it('a request made by someone else is refused when the local requester key is given', async () => {
    const { request } = await makeRequest(requester);
    const codes = [await approve(request, a1)];
    expect((await check(request, codes, { localRequester: requester.identity.publicKey })).ok).toBe(true);
    expect(codesOf(await check(request, codes, { localRequester: outsider.identity.publicKey }))).toEqual(['other-request']);
  });
});

describe('verifyApprovals: expiry (injected now)', () => {
  it('the request expires', async () => {
    const { request } = await makeRequest(requester, { ttlMs: 3 * HOUR });
    const codes = [await approve(request, a1)];
    expect((await check(request, codes, { now: NOW + 3 * HOUR })).ok).toBe(true);
    const r = await check(request, codes, { now: NOW + 3 * HOUR + 1 });
    expect(codesOf(r)).toEqual(['expired']);
    expect(!r.ok && r.reasons[0]!.message.en).toContain('2025-06-01T12:00:00Z');
  });

  it('an approval signed after the request expired does not count', async () => {
    const { request } = await makeRequest(requester, { ttlMs: HOUR });
    const late = await craftDecisionCode(a1, {
      requestDigest: await requestDigest(request),
      decision: 'approve',
      approverKeyId: await keyIdOf(a1.identity.publicKey),
      signedAt: NOW + HOUR + 1,
    });
    expect(codesOf(await check(request, [late], { now: NOW + 30 * 60 * 1000 }))).toEqual(['expired', 'not-enough-approvers']);
  });

  it('policy max approval age', async () => {
    const { request } = await makeRequest(requester);
    const codes = [await approve(request, a1, NOW)];
    const policy: ApprovalPolicy = { required: 1, maxApprovalAgeMs: 2 * HOUR };
    expect((await check(request, codes, { policy, now: NOW + 2 * HOUR })).ok).toBe(true);
    expect(codesOf(await check(request, codes, { policy, now: NOW + 2 * HOUR + 1 }))).toEqual(['expired', 'not-enough-approvers']);
  });
});

describe('verifyApprovals: clock skew', () => {
  const at = async (request: ApprovalRequest, signer: Signer, signedAt: number, decision: 'approve' | 'reject' = 'approve') =>
    craftDecisionCode(signer, { requestDigest: await requestDigest(request), decision, approverKeyId: await keyIdOf(signer.identity.publicKey), signedAt });
  const now = NOW + HOUR;

  it('refuses an approval signed more than 5 minutes ahead of the verifier\'s clock, with the times in the message', async () => {
    const { request } = await makeRequest(requester);
    const ahead = await at(request, a1, now + 5 * 60_000 + 1);
    const r = await check(request, [ahead], { now });
    expect(codesOf(r)).toEqual(['clock-skew', 'not-enough-approvers']);
    const skew = !r.ok && r.reasons.find((x) => x.code === 'clock-skew');
    expect(skew).toMatchObject({ approvalCode: 1, approver: { name: '佐藤' } });
    expect(skew && skew.message).toEqual({
      ja: '承認コード #1（佐藤さん）の署名時刻（2025-06-01T10:05:00Z）が、この端末の時計（2025-06-01T10:00:00Z）より 5 分以上先になっています。どちらかの端末の時計が正しくない可能性があります。時計を合わせてから、もう一度承認してもらってください。',
      en: "Approval code #1 (佐藤) was signed at 2025-06-01T10:05:00Z, more than 5 minutes ahead of this computer's clock (2025-06-01T10:00:00Z). One of the clocks is probably wrong: set it right and ask for a fresh approval.",
    });
  });

  it('takes an approval up to 5 minutes ahead (clocks differ a little)', async () => {
    const { request } = await makeRequest(requester);
    expect((await check(request, [await at(request, a1, now + 5 * 60_000)], { now })).ok).toBe(true);
  });

  it('a future-dated approval cannot supersede the same approver\'s later rejection; a future-dated rejection still vetoes', async () => {
    const { request } = await makeRequest(requester);
    const early = await at(request, a1, now + 2 * HOUR);
    const veto = await at(request, a1, now - 60_000, 'reject');
    expect(codesOf(await check(request, [early, veto], { now }))).toEqual(['clock-skew', 'not-enough-approvers', 'rejected']);
    const futureVeto = await at(request, a2, now + 2 * HOUR, 'reject');
    expect(codesOf(await check(request, [await at(request, a1, now), futureVeto], { now }))).toEqual(['rejected']);
  });
});

describe('verifyApprovals: self-approval', () => {
  it('a hand-made code signed by the requester is refused, whether or not they are a configured approver', async () => {
    const { request } = await makeRequest(requester);
    const self = await craftDecisionCode(requester, {
      requestDigest: await requestDigest(request),
      decision: 'approve',
      approverKeyId: await keyIdOf(requester.identity.publicKey),
      signedAt: NOW + HOUR,
    });
    for (const list of [approvers(), [...approvers(), requester.identity]]) {
      const r = await check(request, [self], { approvers: list });
      expect(codesOf(r)).toEqual(['not-enough-approvers', 'self-approval']);
      expect(!r.ok && r.reasons[0]!.message.ja).toContain('山田（依頼者）');
    }
  });

  it('the local user cannot approve a request crafted under another requester key', async () => {
    const { request } = await makeRequest(outsider);
    const mine = await approve(request, a1);
    // a1 is the local user here, approving a request they made under a throwaway key.
    const r = await check(request, [mine], { localRequester: a1.identity.publicKey });
    expect(codesOf(r)).toEqual(['not-enough-approvers', 'other-request', 'self-approval']);
  });

  it('the requester does not count toward N even if configured', async () => {
    const { request } = await makeRequest(requester);
    const r = await check(request, [await approve(request, a1)], {
      approvers: [requester.identity, a1.identity],
      policy: { required: 2 },
    });
    expect(codesOf(r)).toEqual(['not-enough-approvers']);
    expect(!r.ok && r.reasons[0]!.message.en).toContain('only 1 approvers other than the requester');
  });
});

describe('verifyApprovals: N of M', () => {
  it('duplicate codes from the same approver count once', async () => {
    const { request } = await makeRequest(requester);
    const first = await approve(request, a1, NOW + 1);
    const again = await approve(request, a1, NOW + 2);
    const r = await check(request, [first, first, again], { policy: { required: 2 } });
    expect(codesOf(r)).toEqual(['not-enough-approvers']);
    expect(!r.ok && r.reasons[0]!.message.en).toBe('1 valid approval(s); 1 more needed (2 required).');
    const ok = await check(request, [first, again, await approve(request, a2)], { policy: { required: 2 } });
    expect(ok.ok && ok.approvers.map((a) => a.name)).toEqual(['佐藤', '鈴木']);
  });

  it('the same approver configured twice is still one approver', async () => {
    const { request } = await makeRequest(requester);
    const r = await check(request, [await approve(request, a1)], {
      approvers: [a1.identity, { ...a1.identity, name: '佐藤（別名）' }],
      policy: { required: 2 },
    });
    expect(codesOf(r)).toEqual(['not-enough-approvers']);
  });

  it('no codes at all', async () => {
    const { request } = await makeRequest(requester);
    expect(codesOf(await check(request, [], { policy: { required: 3 } }))).toEqual(['not-enough-approvers']);
  });
});

describe('verifyApprovals: rejection', () => {
  it('a reject is reported with its comment and vetoes the post', async () => {
    const { request } = await makeRequest(requester);
    const comment = '「業界初」の根拠がありません';
    const codes = [await approve(request, a1), await approve(request, a2, NOW + HOUR, 'reject', comment), await approve(request, a3)];
    const r = await check(request, codes, { policy: { required: 2 } });
    expect(codesOf(r)).toEqual(['rejected']);
    expect(!r.ok && r.reasons[0]).toMatchObject({ code: 'rejected', comment, approver: { name: '鈴木' } });
    expect(!r.ok && r.reasons[0]!.message).toEqual({
      ja: `鈴木さんが差し戻しました:「${comment}」`,
      en: `鈴木 rejected this post: "${comment}"`,
    });
  });

  it("an approver's latest decision counts", async () => {
    const { request } = await makeRequest(requester);
    const rejectFirst = await approve(request, a1, NOW + 1, 'reject');
    const approveLater = await approve(request, a1, NOW + 2);
    expect((await check(request, [approveLater, rejectFirst])).ok).toBe(true);
    const rejectLast = await approve(request, a1, NOW + 3, 'reject');
    expect(codesOf(await check(request, [approveLater, rejectLast]))).toEqual(['not-enough-approvers', 'rejected']);
  });
});

describe('verifyApprovals: malformed input never throws', () => {
  it('malformed and truncated codes give malformed with the code number', async () => {
    const { request } = await makeRequest(requester);
    const good = await approve(request, a1);
    const r = await check(request, [good, good.slice(0, 80), 'garbage', '']);
    expect(!r.ok && r.reasons.map((x) => [x.code, x.approvalCode])).toEqual([
      ['malformed', 2],
      ['malformed', 3],
      ['malformed', 4],
    ]);
    expect(!r.ok && r.reasons[0]!.message.ja).toContain('#2');
  });

  it.each([
    ['request is garbage', { request: 'KKREQ1.zzz' }],
    ['request is an approval code', { request: 'KKAPP1.AAAA' }],
    ['request is not an object', { request: 5 as never }],
    ['codes is not an array', { codes: 'x' as never }],
    ['policy is invalid', { policy: { required: 0 } }],
    ['policy is missing', { policy: undefined as never }],
    ['approver key is invalid', { approvers: [{ name: 'x', publicKey: 'short' }] }],
    ['account is missing', { currentAccount: undefined as never }],
    ['text is not a string', { currentText: null as never }],
  ])('%s → malformed', async (_, overrides) => {
    const { request } = await makeRequest(requester);
    const r = await check(request, [], overrides as Partial<VerifyInput>);
    expect(codesOf(r)).toEqual(['malformed']);
    expect(!r.ok && r.reasons[0]!.message.ja.length).toBeGreaterThan(0);
  });
});
