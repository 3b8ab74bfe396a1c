import { z } from 'zod';
import { toBase64Url } from './base64url';
import { bytesEqual } from './compact-bytes';
import { unwrapCode } from './code-text';
import {
  type Decision,
  type DecisionBody,
  DecisionBodySchema,
  type DecisionKind,
  DecisionSchema,
  encodeDecisionBody,
  encodeDecisionCode,
  MAX_COMMENT_LENGTH,
  readDecisionPayload,
  signedDecisionBytes,
} from './decision-codec';
import { keyIdOf, sameKey } from './identity';
import { type Signer, signChecked } from './keys';
import { type Failure, reason } from './reason';
import { checkRequest } from './request';
import type { ApprovalRequest } from './request-codec';

export type CreateDecisionInput = {
  /** The decoded request (from decodeRequest) or its code. */
  request: ApprovalRequest | string;
  /** The approver, with the private key from their own browser. */
  signer: Signer;
  decision: DecisionKind;
  comment?: string;
  now?: number;
};

const CommentSchema = z.string().max(MAX_COMMENT_LENGTH);

/**
 * Signs approve/reject over the request digest. Refuses (without throwing)
 * when the approver is the requester, when the request has expired, or when
 * the request does not check out. Throws only if the signer's private key
 * does not match its identity (a storage/wiring bug).
 */
export async function createDecision(input: CreateDecisionInput): Promise<{ ok: true; code: string; decision: Decision } | Failure> {
  const checked = await checkRequest(input.request);
  if (!checked.ok) return checked;
  const { request, digest } = checked;
  const now = input.now ?? Date.now();
  if (sameKey(input.signer.identity.publicKey, request.requester.publicKey)) {
    return { ok: false, reason: reason('self-approval', { name: request.requester.name }) };
  }
  if (now > request.expiresAt) {
    return { ok: false, reason: reason('expired', { subject: 'request', at: request.expiresAt }) };
  }
  const comment = CommentSchema.safeParse(input.comment?.trim() ?? '');
  if (!comment.success) return { ok: false, reason: reason('malformed', { subject: 'input' }) };
  const body: DecisionBody = DecisionBodySchema.parse({
    requestDigest: toBase64Url(digest),
    decision: input.decision,
    approverKeyId: await keyIdOf(input.signer.identity.publicKey),
    signedAt: now,
    comment: comment.data === '' ? undefined : comment.data,
  });
  const decision = { ...body, signature: toBase64Url(await signChecked(input.signer, signedDecisionBytes(body))) };
  return { ok: true, code: encodeDecisionCode(decision), decision };
}

/**
 * Code → decision fields. Checks structure only; the signature needs the
 * approver keys and is checked by verifyApprovals. `position` (1-based) names
 * the code in the message. Never throws.
 */
export function decodeDecision(code: unknown, position?: number): { ok: true; decision: Decision } | Failure {
  const malformed = (problem: 'unreadable' | 'wrong-kind' = 'unreadable'): Failure => ({
    ok: false,
    reason: reason('malformed', { subject: 'approval', code: position, problem }, position ? { approvalCode: position } : {}),
  });
  const unwrapped = unwrapCode(code, 'KKAPP1.');
  if (!unwrapped.ok) return malformed(unwrapped.problem);
  try {
    const raw = readDecisionPayload(unwrapped.payload);
    const parsed = DecisionSchema.safeParse(raw.decision);
    if (!parsed.success || !bytesEqual(encodeDecisionBody(parsed.data), raw.bodyBytes)) return malformed();
    return { ok: true, decision: parsed.data };
  } catch {
    return malformed();
  }
}
