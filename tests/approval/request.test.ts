import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/approval/base64url';
import { canonicalizeSummary, FindingsSummarySchema, summarizeFindings } from '../../src/approval/findings-summary';
import { checkRequest, decodeRequest, encodeRequest, requestDigest } from '../../src/approval/request';
import { parseRequestLink, requestToLink } from '../../src/approval/request-link';
import { hashText } from '../../src/approval/text-hash';
import { ACCOUNT, DRAFT, FINDINGS, HOUR, makeRequest, makeSigner, NOW, SITE } from './fixtures';

const flipByte = (code: string, index: number) => {
  const prefix = code.slice(0, 7);
  const bytes = fromBase64Url(code.slice(7));
  bytes[index]! ^= 0x01;
  return prefix + toBase64Url(bytes);
};

describe('approval request', () => {
  it('round-trips through its code, with every field the approver needs', async () => {
    const alice = await makeSigner('山田 花子');
    const { code, request } = await makeRequest(alice);
    expect(code.startsWith('KKREQ1.')).toBe(true);
    const decoded = await decodeRequest(code);
    expect(decoded).toEqual({ ok: true, request });
    expect(request).toMatchObject({
      textHash: await hashText(DRAFT),
      site: SITE,
      account: ACCOUNT,
      findings: FINDINGS,
      requester: { name: '山田 花子', publicKey: alice.identity.publicKey },
      createdAt: NOW,
      expiresAt: NOW + 24 * HOUR,
      text: DRAFT,
    });
    expect(request.requester.keyId).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(fromBase64Url(request.nonce)).toHaveLength(16);
  });

  it('summarizes findings as counts and rule ids only, never the matched text', () => {
    expect(FINDINGS).toEqual({
      counts: [
        { category: 'compliance', severity: 'warn', count: 2 },
        { category: 'compliance', severity: 'block', count: 1 },
      ],
      rules: ['compliance/industry-first', 'compliance/no1-claim'],
    });
    const withText = summarizeFindings([{ category: 'privacy', severity: 'block', rule: 'privacy/phone', text: '090-1234-5678' } as never]);
    expect(JSON.stringify(withText)).not.toContain('090');
    expect(FindingsSummarySchema.safeParse({ counts: [], rules: ['b', 'a'] }).success).toBe(false);
    expect(canonicalizeSummary({ counts: [], rules: ['b', 'a', 'b'] }).rules).toEqual(['a', 'b']);
  });

  it('without the text it is shorter and has the same digest', async () => {
    const alice = await makeSigner('A');
    const { code, request } = await makeRequest(alice);
    const bare = encodeRequest(request, { includeText: false });
    expect(bare.length).toBeLessThan(code.length);
    const decoded = await decodeRequest(bare);
    expect(decoded.ok && decoded.request.text).toBeUndefined();
    if (!decoded.ok) throw new Error('decode failed');
    expect(await requestDigest(decoded.request)).toBe(await requestDigest(request));
    const noText = await makeRequest(alice, { includeText: false });
    expect(noText.request.text).toBeUndefined();
  });

  it('two requests for the same text differ (nonce), so their digests differ', async () => {
    const alice = await makeSigner('A');
    const r1 = await makeRequest(alice);
    const r2 = await makeRequest(alice);
    expect(r1.request.textHash).toBe(r2.request.textHash);
    expect(await requestDigest(r1.request)).not.toBe(await requestDigest(r2.request));
  });

  it('expiry is caller-settable', async () => {
    const alice = await makeSigner('A');
    expect((await makeRequest(alice, { ttlMs: HOUR })).request.expiresAt).toBe(NOW + HOUR);
    expect((await makeRequest(alice, { expiresAt: NOW + 5 })).request.expiresAt).toBe(NOW + 5);
    await expect(makeRequest(alice, { expiresAt: NOW })).rejects.toThrow();
  });

  it('survives mail line-wrapping and surrounding whitespace', async () => {
    const { code } = await makeRequest(await makeSigner('A'));
    const wrapped = `\n  ${code.match(/.{1,76}/g)!.join('\r\n')}  \n`;
    expect((await decodeRequest(wrapped)).ok).toBe(true);
  });

  it('any flipped byte is refused: signed body → bad-signature, attached text → text-changed', async () => {
    const { code } = await makeRequest(await makeSigner('A'));
    const payloadLength = fromBase64Url(code.slice(7)).length;
    const results = new Set<string>();
    for (let i = 0; i < payloadLength; i++) {
      const r = await decodeRequest(flipByte(code, i));
      expect(r.ok, `byte ${i}`).toBe(false);
      if (!r.ok) results.add(r.reason.code);
    }
    expect([...results].sort()).toEqual(['bad-signature', 'malformed', 'text-changed']);
  });

  it.each([
    ['empty', ''],
    ['not a string', 42],
    ['prefix only', 'KKREQ1.'],
    ['garbage', 'KKREQ1.!!!!'],
    ['unknown version', 'KKREQ2.AAAA'],
    ['no prefix', 'hello'],
  ])('malformed input (%s) gives a malformed reason, never a throw', async (_, input) => {
    const r = await decodeRequest(input);
    expect(r).toMatchObject({ ok: false, reason: { code: 'malformed' } });
    if (!r.ok) expect(r.reason.message.ja.length).toBeGreaterThan(0);
  });

  it('truncated at every length is malformed', async () => {
    const { code } = await makeRequest(await makeSigner('A'), { includeText: false });
    for (let n = 0; n < code.length; n += 3) {
      const r = await decodeRequest(code.slice(0, n));
      expect(r.ok ? 'ok' : r.reason.code, `length ${n}`).toBe('malformed');
    }
  });

  it('an approval code pasted as a request says it is the wrong kind', async () => {
    const r = await decodeRequest('KKAPP1.AAAA');
    expect(r).toMatchObject({ ok: false, reason: { code: 'malformed' } });
    if (!r.ok) expect(r.reason.message.en).toMatch(/different kind/);
  });

  it('checkRequest re-checks an object, and refuses a tampered one', async () => {
    const { request } = await makeRequest(await makeSigner('A'));
    expect((await checkRequest(request)).ok).toBe(true);
    expect(await checkRequest({ ...request, site: 'threads' })).toMatchObject({ ok: false, reason: { code: 'bad-signature' } });
    expect(await checkRequest({ ...request, requester: { ...request.requester, keyId: 'AAAAAAAAAAA' } })).toMatchObject({
      ok: false,
      reason: { code: 'malformed' },
    });
    expect(await checkRequest({ nonsense: true } as never)).toMatchObject({ ok: false, reason: { code: 'malformed' } });
  });

  it('code lengths', async () => {
    const alice = await makeSigner('山田 花子');
    const withText = await makeRequest(alice);
    const bare = await makeRequest(alice, { includeText: false });
    // Without text: a few hundred characters, fine for chat; the text adds about 4/3 of its UTF-8 size.
    expect(bare.code.length).toBeLessThan(450);
    const textBytes = new TextEncoder().encode(DRAFT).length;
    expect(withText.code.length - bare.code.length).toBeLessThanOrEqual(Math.ceil(((textBytes + 2) * 4) / 3));
  });
});

describe('request link', () => {
  const page = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/approve.html';

  it('puts the code in the fragment and reads it back', async () => {
    const { code } = await makeRequest(await makeSigner('A'));
    const link = requestToLink(code, `${page}#old`);
    expect(link).toBe(`${page}#req=${code}`);
    expect(parseRequestLink(link)).toEqual({ ok: true, code });
  });

  it('accepts a bare code, percent-encoding, extra params and wrapped lines', async () => {
    const { code } = await makeRequest(await makeSigner('A'));
    expect(parseRequestLink(code)).toEqual({ ok: true, code });
    expect(parseRequestLink(`${page}#x=1&req=${encodeURIComponent(code)}`)).toEqual({ ok: true, code });
    expect(parseRequestLink(`${page}#req=${code.slice(0, 50)}\n${code.slice(50)}`)).toEqual({ ok: true, code });
  });

  it.each([[undefined], [''], [`${page}`], [`${page}#req=`], [`${page}#req=%E0%A4%A`], ['KKAPP1.abc']])(
    'refuses %s as malformed',
    (input) => {
      expect(parseRequestLink(input)).toMatchObject({ ok: false, reason: { code: 'malformed' } });
    },
  );
});
