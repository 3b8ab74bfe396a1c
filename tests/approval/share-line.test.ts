import { describe, expect, it } from 'vitest';
import { createIdentity } from '../../src/approval/keys';
import { parseShareLine, publicKeyProblem, shareLine } from '../../src/approval/share-line';

describe('share line', () => {
  it('round-trips the identity panel’s line, names with spaces included', async () => {
    const { identity } = await createIdentity('佐藤 広報');
    expect(parseShareLine(shareLine(identity))).toEqual({ name: '佐藤 広報', publicKey: identity.publicKey });
  });

  it('takes a bare key, and drops the line breaks and spaces a mail client adds', async () => {
    const { identity } = await createIdentity('x');
    expect(parseShareLine(`  ${identity.publicKey}\n`)).toEqual({ publicKey: identity.publicKey });
    expect(parseShareLine(`広報\u3000部長\n ${identity.publicKey} \r\n`)).toEqual({ name: '広報 部長', publicKey: identity.publicKey });
    expect(parseShareLine('')).toEqual({ publicKey: '' });
  });

  it('says what is wrong with a key', async () => {
    const { identity } = await createIdentity('x');
    expect(publicKeyProblem(identity.publicKey)).toBeUndefined();
    expect(publicKeyProblem(identity.publicKey.slice(0, 40))).toBe('length');
    expect(publicKeyProblem(`${identity.publicKey.slice(0, 42)}=`)).toBe('characters');
    expect(publicKeyProblem('広報部長')).toBe('characters');
    // 43 characters whose last one carries bits past the 32 bytes: not a key (a typo)
    expect(publicKeyProblem(`${'A'.repeat(42)}B`)).toBe('not-a-key');
  });
});
