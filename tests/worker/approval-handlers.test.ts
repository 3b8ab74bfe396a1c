// The approval flow through the background's handlers, end to end in Node: two people's keys,
// real Ed25519 signatures, real request/approval codes, settings and audit log as in the
// extension. Each test names the attack or mistake it refuses.
import { beforeEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/approval/base64url';
import { decodeDecision } from '../../src/approval/decision';
import { createIdentity } from '../../src/approval/keys';
import { createClient, MessagingError } from '../../src/messaging/client';
import type { Request } from '../../src/messaging/protocol';
import type { StoredIdentity } from '../../src/storage/identity';
import { craftDecisionCode } from '../approval/fixtures';
import { actAs, APPROVE_URL, configure, currentIdentity, setup, type Harness } from './approval-harness';

const DRAFT = '新商品、本日発売！満足度No.1を目指します #PR';
const CONTEXT = { site: 'x', handle: '@Kakunin_Corp' };
const HOUR = 3_600_000;

let h: Harness;
let requester: StoredIdentity;
let approver: StoredIdentity;
let approver2: StoredIdentity;
let approverKeys: { name: string; publicKey: string }[];

async function person(name: string): Promise<StoredIdentity> {
  await actAs(undefined);
  await h.send({ type: 'createIdentity', name });
  return currentIdentity();
}

async function requestApproval(text = DRAFT, context = CONTEXT) {
  await actAs(requester);
  return h.send({ type: 'createApprovalRequest', text, context });
}

async function decide(who: StoredIdentity, input: string, decision: 'approve' | 'reject' = 'approve', comment?: string) {
  await actAs(who);
  const reply = await h.send({ type: 'decideApproval', input, decision, comment });
  if (!reply.ok) throw new Error(`decision refused: ${reply.reason.message.en}`);
  return reply.code;
}

async function verify(codes: string[], text = DRAFT, context = CONTEXT, requestCode?: string) {
  await actAs(requester);
  return h.send({ type: 'verifyApprovalCodes', text, context, codes, requestCode });
}

const reasonCodes = (r: Awaited<ReturnType<typeof verify>>) => (r.ok ? [] : r.reasons.map((x) => x.code));

beforeEach(async () => {
  h = setup();
  requester = await person('佐藤 広報');
  approver = await person('田中 部長');
  approver2 = await person('鈴木 課長');
  const pub = (p: StoredIdentity) => ({ name: p.name, publicKey: p.publicKey });
  approverKeys = [pub(approver), pub(approver2)];
  await configure({ approvers: approverKeys, accounts: [{ site: 'x', handle: 'kakunin_corp', kind: 'company' }] });
});

describe('identity', () => {
  it('is made in this browser; only the public half is ever returned', async () => {
    await actAs(undefined);
    expect(await h.send({ type: 'getIdentity' })).toEqual({ supported: true, identity: null });
    const { identity } = await h.send({ type: 'createIdentity', name: '  山田  ' });
    expect(identity).toMatchObject({ name: '山田', publicKey: expect.stringMatching(/^[\w-]{43}$/), keyId: expect.stringMatching(/^[\w-]{11}$/) });
    // only public fields go out; the stored private key is a CryptoKey whose bytes nobody can export
    expect(Object.keys(identity).sort()).toEqual(['createdAt', 'keyId', 'name', 'publicKey']);
    const stored = await currentIdentity();
    expect(identity.publicKey).toBe(stored.publicKey);
    expect(stored.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', stored.privateKey)).rejects.toThrow();
    expect((await h.send({ type: 'getIdentity' })).identity).toEqual(identity);
  });

  it('is not silently replaced (approvals bound to the old key would stop counting)', async () => {
    await actAs(requester);
    await expect(h.send({ type: 'createIdentity', name: 'other' })).rejects.toThrow(MessagingError);
    const { identity } = await h.send({ type: 'createIdentity', name: 'other', replace: true });
    expect(identity.publicKey).not.toBe(requester.publicKey);
  });
});

describe('request → approve → verify', () => {
  it('releases exactly the approved draft, with the approver named', async () => {
    const req = await requestApproval();
    expect(req.link).toBe(`${APPROVE_URL}#req=${req.code}`);
    expect(req.request).toMatchObject({ site: 'x', account: { handle: '@Kakunin_Corp', kind: 'company' }, requester: { name: '佐藤 広報' } });
    expect(req.approvers.map((a) => a.name)).toEqual(['田中 部長', '鈴木 課長']);
    expect(req.required).toBe(1);

    await actAs(approver);
    const opened = await h.send({ type: 'openApprovalRequest', input: req.link });
    if (!opened.ok) throw new Error(opened.reason.message.en);
    expect(opened).toMatchObject({ text: DRAFT, self: false, expired: false });
    expect(opened.request.requester.keyId).toBe(req.request.requester.keyId);
    expect(opened.findings.map((f) => f.rule)).toEqual(['compliance/no1-claim', 'compliance/pr-tag']);

    const code = await decide(approver, req.link, 'approve', '確認しました');
    expect(code).toMatch(/^KKAPP1\./);
    const ok = await verify([code]);
    expect(ok).toMatchObject({ ok: true, approvers: [{ name: '田中 部長', comment: '確認しました' }] });

    const kinds = (await h.audit.list()).map((e) => e.kind);
    expect(kinds).toEqual(['approval-requested', 'approved', 'approval-verified']);
  });

  it('re-computes the findings from the text instead of trusting the sender, and decides the account kind itself', async () => {
    const req = await h.send({ type: 'createApprovalRequest', text: DRAFT, context: { ...CONTEXT, account: 'personal' } });
    expect(req.request.account.kind).toBe('company'); // settings say kakunin_corp is the company account
    expect(req.request.summary.rules).toEqual(['compliance/no1-claim', 'compliance/pr-tag']);
    expect(h.checked).toContain(DRAFT);
  });

  it('needs the requester to have a key first', async () => {
    await actAs(undefined);
    await expect(h.send({ type: 'createApprovalRequest', text: DRAFT, context: CONTEXT })).rejects.toThrow(/identity/);
  });
});

describe('refusals', () => {
  it('forged code: another key claiming the approver\'s key id is a bad signature', async () => {
    const req = await requestApproval();
    const real = decodeDecision(await decide(approver, req.code));
    if (!real.ok) throw new Error('no decision');
    const mallory = (await createIdentity('Mallory')).signer;
    const forged = await craftDecisionCode(mallory, { ...real.decision, signedAt: real.decision.signedAt + 1 });
    expect(reasonCodes(await verify([forged]))).toEqual(['bad-signature', 'not-enough-approvers']);
  });

  it('forged code: a flipped byte in a real code, and a code that is not one at all', async () => {
    const req = await requestApproval();
    const code = await decide(approver, req.code);
    const i = 'KKAPP1.'.length + 60;
    const flipped = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    const r = await verify([flipped]);
    expect(r.ok).toBe(false);
    expect(reasonCodes(r)[0]).toMatch(/bad-signature|malformed|other-request/);
    expect(reasonCodes(await verify(['hello']))).toContain('malformed');
    // a real code pasted next to a forged one: the whole result fails
    expect((await verify([code, flipped])).ok).toBe(false);
  });

  it('edit after approval: one changed character invalidates it', async () => {
    const req = await requestApproval();
    const code = await decide(approver, req.code);
    const r = await verify([code], DRAFT.replace('本日', '明日'));
    expect(reasonCodes(r)).toEqual(['text-changed']);
    if (!r.ok) expect(r.reasons[0]!.message.ja).toContain('変更');
    // encoding accidents are not edits: CRLF and a trailing newline still match
    expect((await verify([code], `${DRAFT}\n`)).ok).toBe(true);
  });

  it('replay: an approval of one draft does not release another draft, even with a fresh request for it', async () => {
    const first = await requestApproval();
    const code = await decide(approver, first.code);
    const other = '別の投稿です。満足度No.1!';
    const second = await requestApproval(other);
    const r = await verify([code], other, CONTEXT, second.code);
    expect(r.ok).toBe(false);
    expect(reasonCodes(r)).toContain('text-changed');
    expect(await verify([code])).toMatchObject({ ok: true }); // still good for its own draft
  });

  it('replay: the right text on another account or site is refused', async () => {
    const req = await requestApproval();
    const code = await decide(approver, req.code);
    expect(reasonCodes(await verify([code], DRAFT, { site: 'x', handle: 'someone_else' }))).toEqual(['wrong-account']);
    expect(reasonCodes(await verify([code], DRAFT, { site: 'threads', handle: '@Kakunin_Corp' }))).toContain('wrong-site');
  });

  it('expiry: the request lives policy.approvalTtlHours; late approvals and late use are refused', async () => {
    await configure({ approvers: approverKeys, policy: { approvalTtlHours: 2 } });
    const req = await requestApproval();
    expect(req.request.expiresAt - req.request.createdAt).toBe(2 * HOUR);
    const code = await decide(approver, req.code);
    h.clock.now += 3 * HOUR;
    expect(reasonCodes(await verify([code]))).toEqual(['expired']);
    await actAs(approver);
    const late = await h.send({ type: 'decideApproval', input: req.code, decision: 'approve' });
    expect(late).toMatchObject({ ok: false, reason: { code: 'expired' } });
    await actAs(approver);
    expect(await h.send({ type: 'openApprovalRequest', input: req.code })).toMatchObject({ ok: true, expired: true });
  });

  it('self-approval: the page says so, signing is refused, and a self-signed code does not count', async () => {
    const req = await requestApproval();
    await actAs(requester);
    expect(await h.send({ type: 'openApprovalRequest', input: req.code })).toMatchObject({ ok: true, self: true });
    const mine = await h.send({ type: 'decideApproval', input: req.code, decision: 'approve' });
    expect(mine).toMatchObject({ ok: false, reason: { code: 'self-approval' } });
    if (!mine.ok) expect(mine.reason.message.ja).toContain('自分の投稿を自分で承認することはできません');
    // even if the requester is also configured as an approver
    await configure({ approvers: [...approverKeys, { name: requester.name, publicKey: requester.publicKey }] });
    const digest = decodeDecision(await decide(approver, req.code));
    if (!digest.ok) throw new Error('no decision');
    // the requester's own stored key (it signs; it cannot be exported)
    const self = { identity: { name: requester.name, publicKey: requester.publicKey }, privateKey: requester.privateKey };
    const { keyIdOf } = await import('../../src/approval/identity');
    const selfCode = await craftDecisionCode(self, { ...digest.decision, approverKeyId: await keyIdOf(self.identity.publicKey) });
    expect(reasonCodes(await verify([selfCode]))).toEqual(['self-approval', 'not-enough-approvers']);
  });

  it("another person's request cannot be verified here (localRequester)", async () => {
    await actAs(approver2);
    const theirs = await h.send({ type: 'createApprovalRequest', text: DRAFT, context: CONTEXT });
    const code = await decide(approver, theirs.code);
    expect(reasonCodes(await verify([code], DRAFT, CONTEXT, theirs.code))).toContain('other-request');
  });

  it('an unknown approver key and a rejection are refused with their reasons', async () => {
    const req = await requestApproval();
    const stranger = await person('部外者');
    const strangerCode = await decide(stranger, req.code);
    expect(reasonCodes(await verify([strangerCode]))).toEqual(['unknown-approver', 'not-enough-approvers']);
    const no = await decide(approver, req.code, 'reject', '表現を変えてください');
    const r = await verify([no]);
    expect(reasonCodes(r)).toEqual(['rejected', 'not-enough-approvers']);
    if (!r.ok) expect(r.reasons[0]!.message.en).toContain('表現を変えてください');
  });
});

describe('N of M', () => {
  beforeEach(() => configure({ approvers: approverKeys, policy: { requiredApprovals: 2 } }));

  it('needs two different approvers: one is not enough, the same one twice is not enough, two are', async () => {
    const req = await requestApproval();
    expect(req.required).toBe(2);
    const a = await decide(approver, req.code);
    h.clock.now += 1000;
    const a2 = await decide(approver, req.code, 'approve', 'again');
    const b = await decide(approver2, req.code);
    const one = await verify([a]);
    expect(reasonCodes(one)).toEqual(['not-enough-approvers']);
    if (!one.ok) expect(one.reasons[0]!.message.en).toContain('1 more needed');
    expect(reasonCodes(await verify([a, a2]))).toEqual(['not-enough-approvers']);
    const two = await verify([a, b]);
    expect(two.ok && two.approvers.map((x) => x.name).sort()).toEqual(['田中 部長', '鈴木 課長'].sort());
  });

  it('N above the number of approvers (an admin policy) asks for all of them instead of trapping the post, and the log says so', async () => {
    await configure({ approvers: approverKeys, policy: { requiredApprovals: 5 } });
    const req = await requestApproval();
    expect(req.required).toBe(2); // all configured approvers; 5 could never be reached
    const a = await decide(approver, req.code);
    expect(reasonCodes(await verify([a]))).toEqual(['not-enough-approvers']);
    const ok = await verify([a, await decide(approver2, req.code)]);
    expect(ok.ok).toBe(true);
    const events = await h.audit.list();
    const capped = { requiredApprovals: { configured: 5, applied: 2, approvers: 2 } };
    expect(events.find((e) => e.kind === 'approval-requested')!.detail).toMatchObject(capped);
    expect(events.filter((e) => e.kind === 'approval-verified').map((e) => e.detail)).toEqual([expect.objectContaining(capped)]);
  });

  it('one rejection vetoes however many approvals', async () => {
    const req = await requestApproval();
    const a = await decide(approver, req.code);
    const no = await decide(approver2, req.code, 'reject');
    expect(reasonCodes(await verify([a, no]))).toEqual(['rejected', 'not-enough-approvers']);
  });
});

describe('audit', () => {
  it('records requests, decisions and verifications with hashes, not text, unless opted in', async () => {
    const req = await requestApproval();
    const code = await decide(approver, req.code, 'approve', 'OK');
    await verify([code], `${DRAFT}!`);
    const events = await h.audit.list();
    expect(events.map((e) => e.kind)).toEqual(['approval-requested', 'approved', 'approval-refused']);
    expect(events.every((e) => e.text === undefined && e.textHash.length === 43)).toBe(true);
    expect(events[0]).toMatchObject({ site: 'x', handle: '@Kakunin_Corp', account: 'company', actor: expect.stringContaining('佐藤 広報') });
    expect(events[0]!.findings).toEqual([
      { rule: 'compliance/no1-claim', category: 'compliance', severity: 'block' },
      { rule: 'compliance/pr-tag', category: 'compliance', severity: 'info' },
    ]);
    expect(events[1]).toMatchObject({ kind: 'approved', reason: 'OK', actor: expect.stringContaining('田中 部長') });
    expect(events[2]!.reason).toMatch(/changed after approval/);

    await configure({ approvers: approverKeys, audit: { retentionDays: 30, storeText: true } });
    await requestApproval();
    expect((await h.audit.list()).at(-1)!.text).toBe(DRAFT);
  });

  it('lists with filters, exports CSV and JSON, and prunes by retention', async () => {
    const req = await requestApproval();
    h.clock.now += HOUR;
    await verify([await decide(approver, req.code)]);
    await requestApproval('Threads 用の投稿', { site: 'threads', handle: 'kakunin_corp' });

    const all = await h.send({ type: 'listAudit', filter: {} });
    expect(all.total).toBe(4);
    expect(all.events[0]!.time).toBeGreaterThanOrEqual(all.events.at(-1)!.time); // newest first
    expect((await h.send({ type: 'listAudit', filter: { site: 'threads' } })).total).toBe(1);
    expect((await h.send({ type: 'listAudit', filter: { kinds: ['approved', 'approval-verified'] } })).events.map((e) => e.kind).sort()).toEqual(['approval-verified', 'approved']);
    expect((await h.send({ type: 'listAudit', filter: { site: 'x', account: 'KAKUNIN_corp' } })).total).toBe(3); // @ and case ignored
    expect((await h.send({ type: 'listAudit', filter: { account: 'someone_else' } })).total).toBe(0);
    expect((await h.send({ type: 'listAudit', filter: { account: 'company' } })).total).toBe(4);
    expect((await h.send({ type: 'listAudit', filter: { until: Date.UTC(2026, 0, 15, 9, 30) } })).total).toBe(1);

    const csv = await h.send({ type: 'exportAudit', filter: {}, format: 'csv' });
    expect(csv).toMatchObject({ mime: 'text/csv', fileName: 'kakunin-audit-2026-01-15.csv', count: 4 });
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,time,kind,site,handle,account,textHash,findings,reason,actor,detail,text');
    expect(lines[1]).toMatch(/^\d+,2026-01-15T09:00:00\.000Z,approval-requested,x,'@Kakunin_Corp,company,/);
    const json = JSON.parse((await h.send({ type: 'exportAudit', filter: { site: 'x' }, format: 'json' })).text);
    expect(json.events.map((e: { kind: string }) => e.kind)).toEqual(['approval-requested', 'approved', 'approval-verified']);

    await configure({ audit: { retentionDays: 1, storeText: false } });
    h.clock.now += 25 * HOUR;
    const later = await requestApproval().catch(() => undefined); // no approvers needed to request
    expect(later).toBeDefined();
    expect(await h.send({ type: 'pruneAudit' })).toEqual({ deleted: 4 });
    expect((await h.send({ type: 'listAudit', filter: {} })).total).toBe(1);
  });

  it("signing, key replacement and the log are for Kakunin's own pages, never a content script", async () => {
    const req = await requestApproval();
    await actAs(approver);
    const fromPage = createClient((m: Request) => h.transport(m, { url: 'https://x.com/home', tab: { id: 3 } }));
    for (const message of [
      { type: 'decideApproval', input: req.code, decision: 'approve' },
      { type: 'openApprovalRequest', input: req.code },
      { type: 'createIdentity', name: 'x', replace: true },
      { type: 'listAudit', filter: {} },
      { type: 'exportAudit', filter: {}, format: 'csv' },
      { type: 'pruneAudit' },
    ] as const) {
      await expect(fromPage(message), message.type).rejects.toThrow(/only Kakunin's own pages/);
    }
    expect((await currentIdentity()).publicKey).toBe(approver.publicKey); // key untouched
    // what the page flow needs stays open to it
    await actAs(requester);
    expect((await fromPage({ type: 'getIdentity' })).identity?.name).toBe('佐藤 広報');
    expect((await fromPage({ type: 'createApprovalRequest', text: DRAFT, context: CONTEXT })).code).toMatch(/^KKREQ1\./);
    expect((await fromPage({ type: 'verifyApprovalCodes', text: DRAFT, context: CONTEXT, codes: ['x'] })).ok).toBe(false);
  });

  it('refuses malformed requests at the router', async () => {
    await expect(h.send({ type: 'verifyApprovalCodes', text: DRAFT, context: CONTEXT, codes: [] })).rejects.toThrow(/bad request/);
    await expect(h.send({ type: 'createIdentity', name: '   ' })).rejects.toThrow(/bad request/);
  });
});

// keep the helper honest: the digest inside an approval code is base64url of 32 bytes
it('approval codes name their request by a 32-byte digest', async () => {
  const req = await requestApproval();
  const d = decodeDecision(await decide(approver, req.code));
  expect(d.ok && d.decision.requestDigest.length).toBe(toBase64Url(new Uint8Array(32)).length);
});
