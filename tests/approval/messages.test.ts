import { describe, expect, it } from 'vitest';
import { messages } from '../../src/approval/messages';
import { REASON_CODES } from '../../src/approval/reason';

describe('messages', () => {
  it('every reason code has a bilingual message and nothing else does', () => {
    expect(Object.keys(messages).sort()).toEqual([...REASON_CODES].sort());
  });

  it('Japanese texts are Japanese and English texts are not', () => {
    const samples = [
      messages['bad-signature']({ subject: 'request' }),
      messages['unknown-approver']({ code: 1, keyId: 'AAAAAAAAAAA' }),
      messages['text-changed']({ subject: 'current-text' }),
      messages['other-request']({ subject: 'approval', code: 2 }),
      messages.expired({ subject: 'request', at: 0 }),
      messages['self-approval']({ name: 'A' }),
      messages['clock-skew']({ code: 1, approverName: 'A', signedAt: 600_000, now: 0, maxSkewMinutes: 5 }),
      messages.rejected({ name: 'A' }),
      messages['wrong-site']({ expected: 'x', actual: 'threads' }),
      messages['wrong-account']({ expected: '@a (company)', actual: '@b (personal)' }),
      messages['not-enough-approvers']({ have: 0, required: 1, configured: 2 }),
      messages.malformed({ subject: 'approval', code: 1, problem: 'unreadable' }),
      messages.malformed({ subject: 'policy' }),
    ];
    for (const m of samples) {
      expect(m.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(m.en).not.toMatch(/[\u3040-\u30ff]/);
    }
  });
});
