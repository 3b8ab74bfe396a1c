// managedApproversOnly through the background's real handlers: without it a requester can add a
// second key of their own (another profile) as an approver and approve their own post; with it
// only the administrator's approvers count, in requests and in verification.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredIdentity } from '../../src/storage/identity';
import { actAs, configure, currentIdentity, setup, type Harness } from './approval-harness';

const DRAFT = '新商品、本日発売！満足度No.1を目指します';
const CONTEXT = { site: 'x', handle: 'kakunin_corp' };

let h: Harness;
let requester: StoredIdentity;
/** the requester's own second profile, added by them as an approver */
let sockPuppet: StoredIdentity;
let admin: StoredIdentity;

async function person(name: string): Promise<StoredIdentity> {
  await actAs(undefined);
  await h.send({ type: 'createIdentity', name });
  return currentIdentity();
}

/** The requester asks, the given approver approves, the requester pastes the code back. */
async function approvedBy(who: StoredIdentity) {
  await actAs(requester);
  const req = await h.send({ type: 'createApprovalRequest', text: DRAFT, context: CONTEXT });
  await actAs(who);
  const decided = await h.send({ type: 'decideApproval', input: req.link, decision: 'approve' });
  if (!decided.ok) throw new Error(decided.reason.message.en);
  await actAs(requester);
  return { req, verified: await h.send({ type: 'verifyApprovalCodes', text: DRAFT, context: CONTEXT, codes: [decided.code], requestCode: req.code }) };
}

beforeEach(async () => {
  h = setup();
  requester = await person('佐藤 広報');
  sockPuppet = await person('田中 部長');
  admin = await person('広報部長');
  // The requester's own settings: they added their second key as an approver.
  await configure({ approvers: [{ name: sockPuppet.name, publicKey: sockPuppet.publicKey }], accounts: [{ site: 'x', handle: 'kakunin_corp', kind: 'company' }] });
});

describe('managed approvers', () => {
  it('without managedApproversOnly, a user-added key approves (the gap this setting closes)', async () => {
    await fakeBrowser.storage.managed.set({ approvers: [{ name: admin.name, publicKey: admin.publicKey }] });
    const { req, verified } = await approvedBy(sockPuppet);
    expect(req.approvers.map((a) => a.name)).toEqual(['広報部長', '田中 部長']);
    expect(verified.ok).toBe(true);
  });

  it('with managedApproversOnly, a user-added approver is refused as unknown and not offered; the admin’s approver counts', async () => {
    await fakeBrowser.storage.managed.set({ approvers: [{ name: admin.name, publicKey: admin.publicKey }], managedApproversOnly: true });
    const { req, verified } = await approvedBy(sockPuppet);
    expect(req.approvers.map((a) => a.name)).toEqual(['広報部長']);
    expect(verified.ok ? [] : verified.reasons.map((r) => r.code)).toEqual(['unknown-approver', 'not-enough-approvers']);
    const events = await h.audit.list();
    expect(events.at(-1)).toMatchObject({ kind: 'approval-refused', detail: { reasons: ['unknown-approver', 'not-enough-approvers'] } });

    expect((await approvedBy(admin)).verified.ok).toBe(true);
  });
});
