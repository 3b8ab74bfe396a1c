// The content scripts' hand-written reply guards agree with protocol.ts's zod schemas: on a
// valid reply of each type and on that reply broken in each field.
import { describe, expect, it } from 'vitest';
import { createLightClient, GUARDS, MessagingError } from '../../src/messaging/light-client';
import { ReplySchemas } from '../../src/messaging/protocol';

const finding = {
  category: 'compliance',
  severity: 'block',
  start: 3,
  end: 7,
  text: '元本保証',
  rule: 'compliance/principal-guarantee',
  message: { ja: '元本保証', en: 'principal' },
  suggestion: { ja: '削除', en: 'remove' },
  basis: '金融商品取引法 38条',
};
const VALID = {
  checkDraft: { findings: [finding, { ...finding, suggestion: undefined, basis: undefined }], account: 'company', hold: { held: true, reason: 'findings', allowOverride: true } },
  getPageConfig: { enabled: true, holdAt: 'warn', allowOverride: false },
  recordAudit: { id: 12 },
} as const;

type Mutation = [string, (v: any) => unknown];
const BROKEN: Record<keyof typeof VALID, Mutation[]> = {
  checkDraft: [
    ['no findings', (v) => ({ ...v, findings: undefined })],
    ['findings not an array', (v) => ({ ...v, findings: {} })],
    ['bad severity', (v) => ({ ...v, findings: [{ ...finding, severity: 'fatal' }] })],
    ['negative start', (v) => ({ ...v, findings: [{ ...finding, start: -1 }] })],
    ['fractional end', (v) => ({ ...v, findings: [{ ...finding, end: 1.5 }] })],
    ['empty rule', (v) => ({ ...v, findings: [{ ...finding, rule: '' }] })],
    ['message without en', (v) => ({ ...v, findings: [{ ...finding, message: { ja: 'x' } }] })],
    ['empty suggestion ja', (v) => ({ ...v, findings: [{ ...finding, suggestion: { ja: '', en: 'x' } }] })],
    ['numeric basis', (v) => ({ ...v, findings: [{ ...finding, basis: 5 }] })],
    ['text missing', (v) => ({ ...v, findings: [{ ...finding, text: undefined }] })],
    ['bad account', (v) => ({ ...v, account: 'team' })],
    ['hold missing', (v) => ({ ...v, hold: undefined })],
    ['held not boolean', (v) => ({ ...v, hold: { ...v.hold, held: 'yes' } })],
    ['bad hold reason', (v) => ({ ...v, hold: { ...v.hold, reason: 'policy' } })],
    ['null reason is fine', (v) => ({ ...v, hold: { held: false, reason: null, allowOverride: false } })],
    ['bad category', (v) => ({ ...v, findings: [{ ...finding, category: 'gossip' }] })],
  ],
  getPageConfig: [
    ['enabled missing', (v) => ({ ...v, enabled: undefined })],
    ['bad holdAt', (v) => ({ ...v, holdAt: 'info' })],
    ['override not boolean', (v) => ({ ...v, allowOverride: 1 })],
  ],
  recordAudit: [
    ['id missing', () => ({})],
    ['id as string', () => ({ id: '3' })],
  ],
};

describe('light client reply guards', () => {
  for (const type of Object.keys(VALID) as Array<keyof typeof VALID>) {
    it(`accepts a valid ${type} reply, as zod does`, () => {
      expect(ReplySchemas[type].safeParse(VALID[type]).success).toBe(true);
      expect(GUARDS[type](VALID[type])).toBe(true);
    });
    for (const [name, mutate] of BROKEN[type]) {
      const value = mutate(VALID[type]);
      const zodSays = ReplySchemas[type].safeParse(value).success;
      // Category names are checked by shape only (a new category must not break old content
      // scripts); everything else must agree with zod exactly.
      const expected = name === 'bad category' ? true : zodSays;
      it(`${type}: ${name} -> ${expected ? 'accepted' : 'refused'} (zod: ${zodSays})`, () => {
        expect(GUARDS[type](value)).toBe(expected);
      });
    }
  }
});

describe('createLightClient', () => {
  it('returns the value of a good envelope and throws MessagingError otherwise', async () => {
    const reply = (value: unknown) => createLightClient(async () => value);
    await expect(reply({ ok: true, value: VALID.recordAudit })({ type: 'recordAudit', event: { kind: 'held', site: 'x', textHash: 'h' } } as never)).resolves.toEqual({ id: 12 });
    const req = { type: 'getPageConfig', site: 'x' } as const;
    await expect(reply({ ok: false, error: 'boom' })(req)).rejects.toThrow(MessagingError);
    await expect(reply(undefined)(req)).rejects.toThrow('malformed reply');
    await expect(reply({ ok: true, value: { enabled: 'yes' } })(req)).rejects.toThrow('unexpected reply to getPageConfig');
    await expect(createLightClient(async () => { throw new Error('Extension context invalidated.'); })(req)).rejects.toThrow(/no answer/);
  });
});

describe('checkDraft size bound', () => {
  it('refuses a draft longer than MAX_CHECK_CHARS and accepts one at the bound', async () => {
    const { RequestSchema, MAX_CHECK_CHARS } = await import('../../src/messaging/protocol');
    const context = { site: 'x', date: '2026-11-24' };
    const at = RequestSchema.safeParse({ type: 'checkDraft', text: 'あ'.repeat(MAX_CHECK_CHARS), context });
    const over = RequestSchema.safeParse({ type: 'checkDraft', text: 'あ'.repeat(MAX_CHECK_CHARS + 1), context });
    expect(over.success).toBe(false);
    expect(at.success).toBe(true);
  });
});
