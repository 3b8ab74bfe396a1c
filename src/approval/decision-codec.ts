import { z } from 'zod';
import { base64UrlBytes, fromBase64Url, toBase64Url } from './base64url';
import { asciiBytes, ByteReader, ByteWriter, concatBytes } from './compact-bytes';
import { KEY_ID_BYTES, KeyIdSchema } from './identity';

/**
 * Byte layout of an approval code, after the prefix and base64url:
 *
 *   body      = requestDigest[32] decision:u8(0 approve, 1 reject)
 *               approverKeyId[8] signedAt:uint(epoch ms) comment:str (empty = none)
 *   signature = Ed25519 by the approver over "KKAPP1\0" ‖ body  [64]
 *
 * The approver is named by key id, not by the 32-byte key, to keep the code
 * short (157 characters without a comment). The key id is only a lookup hint:
 * the signature is checked against the full public key configured for that
 * approver, so a code that claims someone else's key id fails as a bad
 * signature.
 */
export const DECISION_PREFIX = 'KKAPP1.';
const SIGNING_CONTEXT = asciiBytes('KKAPP1\u0000');
const DECISIONS = ['approve', 'reject'] as const;
export const MAX_COMMENT_LENGTH = 1000;

export const DecisionKindSchema = z.enum(DECISIONS);
export type DecisionKind = z.infer<typeof DecisionKindSchema>;

export const DecisionBodySchema = z.object({
  requestDigest: base64UrlBytes(32),
  decision: DecisionKindSchema,
  approverKeyId: KeyIdSchema,
  signedAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  comment: z.string().min(1).max(MAX_COMMENT_LENGTH).optional(),
});
export type DecisionBody = z.infer<typeof DecisionBodySchema>;

/** A decoded approval code. Its signature is NOT checked yet: that needs the approvers' keys (verify.ts). */
export const DecisionSchema = DecisionBodySchema.extend({ signature: base64UrlBytes(64) });
export type Decision = z.infer<typeof DecisionSchema>;

export function encodeDecisionBody(body: DecisionBody): Uint8Array<ArrayBuffer> {
  return new ByteWriter()
    .fixed(fromBase64Url(body.requestDigest), 32)
    .u8(DECISIONS.indexOf(body.decision))
    .fixed(fromBase64Url(body.approverKeyId), KEY_ID_BYTES)
    .uint(body.signedAt)
    .string(body.comment ?? '')
    .bytes();
}

export function signedDecisionBytes(body: DecisionBody): Uint8Array<ArrayBuffer> {
  return concatBytes(SIGNING_CONTEXT, encodeDecisionBody(body));
}

export function encodeDecisionCode(decision: Decision): string {
  const signature = new ByteWriter().fixed(fromBase64Url(decision.signature), 64).bytes();
  return DECISION_PREFIX + toBase64Url(concatBytes(encodeDecisionBody(decision), signature));
}

/** Bytes to unvalidated fields; throws MalformedError. */
export function readDecisionPayload(payload: Uint8Array<ArrayBuffer>): { decision: unknown; bodyBytes: Uint8Array<ArrayBuffer> } {
  const r = new ByteReader(payload);
  const requestDigest = toBase64Url(r.fixed(32));
  const decision = DECISIONS[r.u8()];
  const approverKeyId = toBase64Url(r.fixed(KEY_ID_BYTES));
  const signedAt = r.uint();
  const comment = r.string();
  const bodyBytes = r.slice(0, r.offset);
  const signature = toBase64Url(r.fixed(64));
  r.end();
  return {
    decision: { requestDigest, decision, approverKeyId, signedAt, comment: comment === '' ? undefined : comment, signature },
    bodyBytes,
  };
}
