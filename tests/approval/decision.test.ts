import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/approval/base64url';
import { createDecision, decodeDecision } from '../../src/approval/decision';
import { keyIdOf } from '../../src/approval/identity';
import { requestDigest } from '../../src/approval/request';
import { HOUR, makeRequest, makeSigner, NOW } from './fixtures';

describe('approval decision', () => {
  it('approve round-trips through a short code', async () => {
    const alice = await makeSigner('山田');
    const bob = await makeSigner('佐藤');
    const { request, code: requestCode } = await makeRequest(alice);
    const made = await createDecision({ request: requestCode, signer: bob, decision: 'approve', now: NOW + HOUR });
    if (!made.ok) throw new Error(made.reason.message.en);
    expect(made.code).toMatch(/^KKAPP1\.[A-Za-z0-9_-]+$/);
    expect(made.code.length).toBe(157);
    expect(decodeDecision(made.code)).toEqual({ ok: true, decision: made.decision });
    expect(made.decision).toMatchObject({
      requestDigest: await requestDigest(request),
      decision: 'approve',
      approverKeyId: await keyIdOf(bob.identity.publicKey),
      signedAt: NOW + HOUR,
    });
    expect(made.decision.comment).toBeUndefined();
  });

  it('a reject carries its comment; the code grows with the comment', async () => {
    const alice = await makeSigner('山田');
    const bob = await makeSigner('佐藤');
    const { request } = await makeRequest(alice);
    const comment = '「業界初」の根拠を本文の近くに書いてください。';
    const made = await createDecision({ request, signer: bob, decision: 'reject', comment, now: NOW });
    if (!made.ok) throw new Error(made.reason.message.en);
    expect(made.decision).toMatchObject({ decision: 'reject', comment });
    const commentBytes = new TextEncoder().encode(comment).length;
    expect(made.code.length).toBe(7 + Math.ceil(((112 + commentBytes) * 4) / 3));
    expect(decodeDecision(made.code)).toMatchObject({ ok: true, decision: { comment } });
  });

  it('blank comments count as none', async () => {
    const alice = await makeSigner('A');
    const { request } = await makeRequest(alice);
    const made = await createDecision({ request, signer: await makeSigner('B'), decision: 'approve', comment: ' \n ', now: NOW });
    expect(made.ok && made.code.length).toBe(157);
  });

  it('refuses self-approval at creation', async () => {
    const alice = await makeSigner('山田');
    const { request } = await makeRequest(alice);
    const made = await createDecision({ request, signer: alice, decision: 'approve', now: NOW });
    expect(made).toMatchObject({ ok: false, reason: { code: 'self-approval' } });
    if (!made.ok) {
      expect(made.reason.message.ja).toContain('山田');
      expect(made.reason.message.en).toContain('own post');
    }
  });

  it('refuses an expired request, a tampered request and an oversized comment', async () => {
    const alice = await makeSigner('A');
    const bob = await makeSigner('B');
    const { request } = await makeRequest(alice, { ttlMs: HOUR });
    expect(await createDecision({ request, signer: bob, decision: 'approve', now: NOW + HOUR + 1 })).toMatchObject({
      ok: false,
      reason: { code: 'expired' },
    });
    expect(await createDecision({ request: { ...request, text: '改ざん' }, signer: bob, decision: 'approve', now: NOW })).toMatchObject({
      ok: false,
      reason: { code: 'text-changed' },
    });
    expect(await createDecision({ request: 'KKREQ1.xyz', signer: bob, decision: 'approve', now: NOW })).toMatchObject({
      ok: false,
      reason: { code: 'malformed' },
    });
    expect(
      await createDecision({ request, signer: bob, decision: 'reject', comment: 'あ'.repeat(1001), now: NOW }),
    ).toMatchObject({ ok: false, reason: { code: 'malformed' } });
  });

  it('malformed and truncated codes never throw', async () => {
    const alice = await makeSigner('A');
    const { request } = await makeRequest(alice);
    const made = await createDecision({ request, signer: await makeSigner('B'), decision: 'approve', now: NOW });
    if (!made.ok) throw new Error('setup');
    for (let n = 0; n < made.code.length; n++) {
      expect(decodeDecision(made.code.slice(0, n), 2), `length ${n}`).toMatchObject({
        ok: false,
        reason: { code: 'malformed', approvalCode: 2 },
      });
    }
    const bytes = fromBase64Url(made.code.slice(7));
    bytes[32] = 7; // decision byte out of range
    expect(decodeDecision(`KKAPP1.${toBase64Url(bytes)}`)).toMatchObject({ ok: false, reason: { code: 'malformed' } });
    for (const junk of [null, 12, {}, 'KKAPP1.', 'KKAPP1.====', `${made.code}AA`, 'x'.repeat(300_000)]) {
      expect(decodeDecision(junk)).toMatchObject({ ok: false, reason: { code: 'malformed' } });
    }
    const wrongKind = decodeDecision('KKREQ1.AAAA');
    expect(!wrongKind.ok && wrongKind.reason.message.en).toMatch(/different kind/);
  });
});
