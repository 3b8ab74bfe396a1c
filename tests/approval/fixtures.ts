import type { PostingAccount } from '../../src/approval/account';
import { summarizeFindings } from '../../src/approval/findings-summary';
import { toBase64Url } from '../../src/approval/base64url';
import { DecisionBodySchema, encodeDecisionCode, signedDecisionBytes } from '../../src/approval/decision-codec';
import { createIdentity, type Signer, signBytes } from '../../src/approval/keys';
import { createRequest } from '../../src/approval/request';

/** Real WebCrypto keys; no mocks. */
export async function makeSigner(name: string): Promise<Signer> {
  return (await createIdentity(name)).signer;
}

export const NOW = Date.UTC(2025, 5, 1, 9, 0, 0);
export const HOUR = 60 * 60 * 1000;
export const DRAFT = '新商品「カミ」本日発売！\n業界初の技術で、満足度No.1を目指します。#PR';
export const ACCOUNT: PostingAccount = { handle: '@kakunin_corp', kind: 'company' };
export const SITE = 'x';

export const FINDINGS = summarizeFindings([
  { category: 'compliance', severity: 'warn', rule: 'compliance/industry-first' },
  { category: 'compliance', severity: 'warn', rule: 'compliance/no1-claim' },
  { category: 'compliance', severity: 'block', rule: 'compliance/no1-claim' },
]);

export async function makeRequest(requester: Signer, overrides: Partial<Parameters<typeof createRequest>[0]> = {}) {
  return createRequest({
    signer: requester,
    text: DRAFT,
    site: SITE,
    account: ACCOUNT,
    findings: FINDINGS,
    now: NOW,
    ...overrides,
  });
}

/** Builds and signs an approval code by hand, bypassing createDecision's checks. */
export async function craftDecisionCode(
  signWith: Signer,
  fields: { requestDigest: string; decision: 'approve' | 'reject'; approverKeyId: string; signedAt: number; comment?: string },
): Promise<string> {
  const body = DecisionBodySchema.parse(fields);
  const signature = toBase64Url(await signBytes(signWith.privateKey, signedDecisionBytes(body)));
  return encodeDecisionCode({ ...body, signature });
}
