import { z } from 'zod';
import { type PostingAccount, PostingAccountSchema, sameAccount } from './account';
import { fromBase64Url, toBase64Url } from './base64url';
import { decodeDecision } from './decision';
import { type Decision, signedDecisionBytes } from './decision-codec';
import { type Identity, IdentitySchema, keyIdOf, type PublicKey, PublicKeySchema, sameKey } from './identity';
import { verifyBytes } from './keys';
import { type ApprovalPolicy, ApprovalPolicySchema, MAX_CLOCK_SKEW_MS } from './policy';
import { type Reason, reason } from './reason';
import { checkRequest } from './request';
import type { ApprovalRequest } from './request-codec';
import { hashText } from './text-hash';

export type VerifyInput = {
  /** The request as created (object or code); its own signature is re-checked. */
  request: ApprovalRequest | string;
  /** Approval codes as pasted, in the order shown to the user. */
  codes: readonly string[];
  /** The draft as it is now, about to be posted. */
  currentText: string;
  currentSite: string;
  currentAccount: PostingAccount;
  /** The configured approvers (M); only their keys count. */
  approvers: readonly Identity[];
  policy: ApprovalPolicy;
  now?: number;
  /**
   * The local user's own public key. When given, the request must have been
   * made with it, and it can never count as an approver even if a request
   * was crafted under another requester key.
   */
  localRequester?: PublicKey;
};

export type ApprovedBy = { name: string; keyId: string; publicKey: PublicKey; signedAt: number; comment?: string };

export type VerifyResult =
  | { ok: true; approvers: ApprovedBy[]; request: ApprovalRequest; requestDigest: string }
  | { ok: false; reasons: Reason[] };

type KnownKey = Identity & { keyId: string; isRequester: boolean };

const InputSchema = z.object({
  codes: z.array(z.unknown()).max(100),
  currentText: z.string(),
  currentSite: z.string(),
  currentAccount: PostingAccountSchema,
  now: z.number().int().nonnegative().optional(),
  localRequester: PublicKeySchema.optional(),
});

/**
 * All checks, every failure reported (not only the first), so the UI can show
 * the whole picture. Any invalid code fails the result even when enough valid
 * approvals are present: a forged or stale code pasted alongside real ones is
 * worth a second look. Never throws.
 */
export async function verifyApprovals(input: VerifyInput): Promise<VerifyResult> {
  try {
    return await verify(input);
  } catch {
    return { ok: false, reasons: [reason('malformed', { subject: 'input' })] };
  }
}

async function verify(input: VerifyInput): Promise<VerifyResult> {
  const args = InputSchema.safeParse(input);
  if (!args.success) return refuse(reason('malformed', { subject: 'input' }));
  const policy = ApprovalPolicySchema.safeParse(input.policy);
  if (!policy.success) return refuse(reason('malformed', { subject: 'policy' }));
  const approvers = z.array(IdentitySchema).max(100).safeParse(input.approvers);
  if (!approvers.success) return refuse(reason('malformed', { subject: 'approvers' }));
  const checked = await checkRequest(input.request);
  if (!checked.ok) return refuse(checked.reason);

  const { request } = checked;
  const { codes, currentText, currentSite, currentAccount, localRequester } = args.data;
  const now = args.data.now ?? Date.now();
  const digest = toBase64Url(checked.digest);
  const reasons: Reason[] = [];

  if ((await hashText(currentText)) !== request.textHash) reasons.push(reason('text-changed', { subject: 'current-text' }));
  if (request.site !== currentSite) reasons.push(reason('wrong-site', { expected: request.site, actual: currentSite }));
  if (!sameAccount(request.account, currentAccount)) {
    reasons.push(reason('wrong-account', { expected: showAccount(request.account), actual: showAccount(currentAccount) }));
  }
  if (localRequester !== undefined && !sameKey(localRequester, request.requester.publicKey)) {
    reasons.push(reason('other-request', { subject: 'requester' }));
  }
  if (now > request.expiresAt) reasons.push(reason('expired', { subject: 'request', at: request.expiresAt }));

  const requesterKeys = [request.requester.publicKey, ...(localRequester ? [localRequester] : [])];
  const known = await knownKeys(approvers.data, request, requesterKeys);
  const latest = new Map<PublicKey, { who: KnownKey; decision: Decision }>();

  for (const [i, code] of codes.entries()) {
    const position = i + 1;
    const decoded = decodeDecision(code, position);
    if (!decoded.ok) {
      reasons.push(decoded.reason);
      continue;
    }
    const d = decoded.decision;
    const candidates = known.filter((k) => k.keyId === d.approverKeyId);
    if (candidates.length === 0) {
      reasons.push(reason('unknown-approver', { code: position, keyId: d.approverKeyId }, { approvalCode: position }));
      continue;
    }
    const who = await signedBy(candidates, d);
    if (!who) {
      const claimed = candidates[0]!;
      const extra = { approvalCode: position, approver: { name: claimed.name, keyId: claimed.keyId } };
      reasons.push(reason('bad-signature', { subject: 'approval', code: position, approverName: claimed.name }, extra));
      continue;
    }
    const extra = { approvalCode: position, approver: { name: who.name, keyId: who.keyId } };
    if (d.requestDigest !== digest) {
      reasons.push(reason('other-request', { subject: 'approval', code: position }, extra));
      continue;
    }
    if (who.isRequester) {
      reasons.push(reason('self-approval', { name: who.name }, extra));
      continue;
    }
    if (d.signedAt > request.expiresAt) {
      const p = { subject: 'approval', code: position, approverName: who.name, reason: 'after-request-expiry' } as const;
      reasons.push(reason('expired', p, extra));
      continue;
    }
    if (d.decision === 'approve' && d.signedAt > now + MAX_CLOCK_SKEW_MS) {
      // A rejection from the future still vetoes: refusing it would only let the post through.
      const p = { code: position, approverName: who.name, signedAt: d.signedAt, now, maxSkewMinutes: MAX_CLOCK_SKEW_MS / 60_000 };
      reasons.push(reason('clock-skew', p, extra));
      continue;
    }
    const maxAge = policy.data.maxApprovalAgeMs;
    if (maxAge !== undefined && now - d.signedAt > maxAge) {
      reasons.push(reason('expired', { subject: 'approval', code: position, approverName: who.name, reason: 'too-old' }, extra));
      continue;
    }
    const previous = latest.get(who.publicKey);
    if (!previous || supersedes(d, previous.decision)) latest.set(who.publicKey, { who, decision: d });
  }

  const approved: ApprovedBy[] = [];
  for (const { who, decision } of latest.values()) {
    const base = { name: who.name, keyId: who.keyId, publicKey: who.publicKey, signedAt: decision.signedAt };
    if (decision.decision === 'approve') {
      approved.push(decision.comment === undefined ? base : { ...base, comment: decision.comment });
    } else {
      const extra = { approver: { name: who.name, keyId: who.keyId }, ...(decision.comment ? { comment: decision.comment } : {}) };
      reasons.push(reason('rejected', { name: who.name, comment: decision.comment }, extra));
    }
  }
  const required = policy.data.required;
  if (approved.length < required) {
    const configured = known.filter((k) => !k.isRequester).length;
    reasons.push(reason('not-enough-approvers', { have: approved.length, required, configured }));
  }
  if (reasons.length > 0) return { ok: false, reasons };
  approved.sort((a, b) => a.signedAt - b.signedAt);
  return { ok: true, approvers: approved, request, requestDigest: digest };
}

const refuse = (r: Reason): VerifyResult => ({ ok: false, reasons: [r] });

const showAccount = (a: PostingAccount) => `@${a.handle.replace(/^@/, '')} (${a.kind})`;

/**
 * Configured approvers, deduplicated by key, plus the requester's own key(s):
 * a code signed by the requester is then reported as self-approval rather
 * than as an unknown key, which tells the user what actually happened.
 */
async function knownKeys(approvers: Identity[], request: ApprovalRequest, requesterKeys: PublicKey[]): Promise<KnownKey[]> {
  const byKey = new Map<PublicKey, Identity>();
  for (const a of approvers) if (!byKey.has(a.publicKey)) byKey.set(a.publicKey, a);
  for (const key of requesterKeys) {
    if (!byKey.has(key)) byKey.set(key, { name: request.requester.name, publicKey: key });
  }
  return Promise.all(
    [...byKey.values()].map(async (a) => ({
      ...a,
      keyId: await keyIdOf(a.publicKey),
      isRequester: requesterKeys.some((k) => sameKey(k, a.publicKey)),
    })),
  );
}

async function signedBy(candidates: KnownKey[], d: Decision): Promise<KnownKey | undefined> {
  const data = signedDecisionBytes(d);
  const signature = fromBase64Url(d.signature);
  for (const c of candidates) if (await verifyBytes(c.publicKey, signature, data)) return c;
  return undefined;
}

/** The approver's latest word counts; at the same instant a rejection wins. */
function supersedes(next: Decision, previous: Decision): boolean {
  if (next.signedAt !== previous.signedAt) return next.signedAt > previous.signedAt;
  return next.decision === 'reject';
}
