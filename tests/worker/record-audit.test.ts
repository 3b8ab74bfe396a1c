// recordAudit through the real router (zod) and the background's handler, over fake-indexeddb:
// a content script may write only the kinds the page produces, with every field capped; the
// policy is enforced here too (no override logged while overrides are off).
import { beforeEach, describe, expect, it } from 'vitest';
import { hashText } from '../../src/approval/text-hash';
import { createLightClient, MessagingError } from '../../src/messaging/light-client';
import { AUDIT_KINDS, PAGE_AUDIT_KINDS, type AuditEventInput, type Request } from '../../src/messaging/protocol';
import { APPROVE_URL, configure, setup, type Harness } from './approval-harness';

/** A content script's sender, as Chrome gives it: the tab and the page's URL. */
const CONTENT_SCRIPT = { url: 'https://x.com/compose/post', tab: { id: 7 } };

let h: Harness;
let textHash: string;
const fromContentScript = () => createLightClient((m: Request) => h.transport(m, CONTENT_SCRIPT));
const fromExtensionPage = () => createLightClient((m: Request) => h.transport(m, { url: APPROVE_URL }));
const event = (kind: AuditEventInput['kind'], change: Partial<AuditEventInput> = {}): AuditEventInput => ({ kind, site: 'x', handle: 'kakunin_jp', account: 'company', textHash, findings: [], ...change });
const stored = async () => (await h.audit.list()).map((e) => e.kind);

beforeEach(async () => {
  h = setup();
  textHash = await hashText('下書き');
  await configure({});
});

describe('recordAudit: who may write what', () => {
  it('takes the kinds a content script produces from a content script', async () => {
    const send = fromContentScript();
    for (const kind of PAGE_AUDIT_KINDS) await send({ type: 'recordAudit', event: event(kind, kind === 'override' ? { reason: '誤検知のため' } : {}) as never });
    expect(await stored()).toEqual(['held', 'override', 'released', 'dismissed']);
  });

  it('refuses every other kind from a content script (a page cannot log an approval), and from a sender without a URL', async () => {
    const others = AUDIT_KINDS.filter((k) => !(PAGE_AUDIT_KINDS as readonly string[]).includes(k));
    expect(others).toEqual(['approval-requested', 'approved', 'rejected', 'approval-verified', 'approval-refused']);
    const send = fromContentScript();
    for (const kind of others) {
      await expect(send({ type: 'recordAudit', event: event(kind) as never })).rejects.toThrow(new MessagingError(`a content script may not record "${kind}" events`));
    }
    const noUrl = createLightClient((m: Request) => h.transport(m, { tab: { id: 7 } }));
    await expect(noUrl({ type: 'recordAudit', event: event('approved') as never })).rejects.toThrow(MessagingError);
    // A page on another extension's origin is not one of Kakunin's pages.
    const other = createLightClient((m: Request) => h.transport(m, { url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/approve.html' }));
    await expect(other({ type: 'recordAudit', event: event('approval-verified') as never })).rejects.toThrow(MessagingError);
    expect(await stored()).toEqual([]);
  });

  it("takes any kind from Kakunin's own pages", async () => {
    await fromExtensionPage()({ type: 'recordAudit', event: event('approved') as never });
    expect(await stored()).toEqual(['approved']);
  });
});

describe('recordAudit: sizes', () => {
  const huge = 'あ'.repeat(1001);
  const cases: Array<[string, Partial<AuditEventInput> | { text: string }]> = [
    ['a reason over 1000 characters', { reason: huge }],
    ['an actor over 200 characters', { actor: 'a'.repeat(201) }],
    ['a handle over 200 characters', { handle: 'a'.repeat(201) }],
    ['a site over 253 characters', { site: 'a'.repeat(254) }],
    ['an empty site', { site: '' }],
    ['a text hash that is not a SHA-256', { textHash: 'x'.repeat(5000) }],
    ['more than 200 findings', { findings: Array.from({ length: 201 }, () => ({ rule: 'compliance/x', category: 'compliance', severity: 'block' })) }],
    ['a finding with a 201-character rule id', { findings: [{ rule: 'r'.repeat(201), category: 'compliance', severity: 'block' }] }],
    ['a finding with an unknown severity', { findings: [{ rule: 'compliance/x', category: 'compliance', severity: 'fatal' }] }],
    ['a detail over 4000 characters as JSON', { detail: { blob: 'a'.repeat(4000) } }],
    ['a draft text over 100,000 characters', { text: 'a'.repeat(100_001) }],
  ];
  it.each(cases)('refuses %s and logs nothing', async (_, change) => {
    const { text, ...fields } = change as Partial<AuditEventInput> & { text?: string };
    const reply = await h.transport({ type: 'recordAudit', event: event('held', fields), ...(text === undefined ? {} : { text }) } as Request, CONTENT_SCRIPT);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^bad request/) });
    expect(await stored()).toEqual([]);
  });

  it('takes fields at their limits', async () => {
    await configure({ audit: { retentionDays: 365, storeText: true } });
    const findings = Array.from({ length: 200 }, (_, i) => ({ rule: `compliance/r${i}`, category: 'compliance', severity: 'warn' as const }));
    await fromContentScript()({
      type: 'recordAudit',
      event: event('dismissed', { reason: 'あ'.repeat(1000), handle: 'a'.repeat(200), findings, detail: { note: 'a'.repeat(3980) } }) as never,
      text: 'a'.repeat(100_000),
    });
    const [e] = await h.audit.list();
    expect(e).toMatchObject({ kind: 'dismissed', reason: 'あ'.repeat(1000) });
    expect(e!.findings).toHaveLength(200);
    expect(e!.text).toHaveLength(100_000);
  });
});

describe('recordAudit: the override policy, enforced in the background', () => {
  beforeEach(() => configure({ policy: { allowOverride: false, holdAt: 'warn' } }));

  it('refuses an override while overrides are off, from any sender', async () => {
    await expect(fromContentScript()({ type: 'recordAudit', event: event('override', { reason: '急ぎのため' }) as never })).rejects.toThrow(/overrides are not allowed/);
    await expect(fromExtensionPage()({ type: 'recordAudit', event: event('override', { reason: '急ぎのため' }) as never })).rejects.toThrow(/overrides are not allowed/);
    expect(await stored()).toEqual([]);
  });

  it('refuses dismissing a finding at the hold level, takes one below it', async () => {
    const send = fromContentScript();
    const finding = (severity: 'info' | 'warn' | 'block') => ({ findings: [{ rule: 'compliance/x', category: 'compliance', severity }], reason: '問題ありません' });
    await expect(send({ type: 'recordAudit', event: event('dismissed', finding('warn')) as never })).rejects.toThrow(/cannot be dismissed/);
    await send({ type: 'recordAudit', event: event('dismissed', finding('info')) as never });
    await send({ type: 'recordAudit', event: event('held') as never });
    expect(await stored()).toEqual(['dismissed', 'held']);
  });
});

describe('recordAudit: the draft text', () => {
  it('is stored only when the user opted in', async () => {
    const send = fromContentScript();
    await send({ type: 'recordAudit', event: event('held') as never, text: '下書き' });
    await configure({ audit: { retentionDays: 365, storeText: true } });
    await send({ type: 'recordAudit', event: event('held') as never, text: '下書き' });
    expect((await h.audit.list()).map((e) => e.text)).toEqual([undefined, '下書き']);
  });
});
