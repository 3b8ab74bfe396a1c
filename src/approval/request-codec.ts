import { z } from 'zod';
import { PostingAccountSchema } from './account';
import { base64UrlBytes, fromBase64Url, toBase64Url } from './base64url';
import { asciiBytes, ByteReader, ByteWriter, concatBytes, MalformedError } from './compact-bytes';
import { FindingsSummarySchema } from './findings-summary';
import { IdentitySchema, KeyIdSchema } from './identity';

/**
 * Byte layout of a request code, after the prefix and base64url:
 *
 *   body      = textHash[32] site:str handle:str kind:u8(0 company, 1 personal)
 *               nCounts:uint (category:str severity:str count:uint)*
 *               nRules:uint rule:str*
 *               requesterName:str requesterKey[32] createdAt:uint expiresAt:uint nonce[16]
 *   signature = Ed25519 by requesterKey over "KKREQ1\0" ‖ body  [64]
 *   hasText:u8 (0|1), then text:str if 1
 *
 * str = uint byte length + UTF-8; uint = minimal LEB128; times are epoch ms.
 * The draft text sits outside the signed body on purpose: it is bound by
 * textHash, and leaving it out lets a request travel with or without the
 * text while keeping one digest, so approvals work for both forms.
 */
export const REQUEST_PREFIX = 'KKREQ1.';
const SIGNING_CONTEXT = asciiBytes('KKREQ1\u0000');
const KINDS = ['company', 'personal'] as const;

const TimeSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const requestBodyShape = {
  textHash: base64UrlBytes(32),
  site: z.string().min(1).max(100),
  account: PostingAccountSchema,
  findings: FindingsSummarySchema,
  requester: IdentitySchema,
  createdAt: TimeSchema,
  expiresAt: TimeSchema,
  nonce: base64UrlBytes(16),
};
const expiresAfterCreation = (r: { createdAt: number; expiresAt: number }) => r.expiresAt > r.createdAt;

export const RequestBodySchema = z.object(requestBodyShape).refine(expiresAfterCreation, 'expiresAt must be after createdAt');
export type RequestBody = z.infer<typeof RequestBodySchema>;

/** A decoded, signature-checked request as the UI and verifier see it. */
export const ApprovalRequestSchema = z
  .object({
    ...requestBodyShape,
    requester: IdentitySchema.extend({ keyId: KeyIdSchema }),
    signature: base64UrlBytes(64),
    /** The exact draft, when the requester chose to send it along. */
    text: z.string().max(100_000).optional(),
  })
  .refine(expiresAfterCreation, 'expiresAt must be after createdAt');
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;

export function encodeRequestBody(body: RequestBody): Uint8Array<ArrayBuffer> {
  const w = new ByteWriter()
    .fixed(fromBase64Url(body.textHash), 32)
    .string(body.site)
    .string(body.account.handle)
    .u8(KINDS.indexOf(body.account.kind))
    .uint(body.findings.counts.length);
  for (const c of body.findings.counts) w.string(c.category).string(c.severity).uint(c.count);
  w.uint(body.findings.rules.length);
  for (const r of body.findings.rules) w.string(r);
  return w
    .string(body.requester.name)
    .fixed(fromBase64Url(body.requester.publicKey), 32)
    .uint(body.createdAt)
    .uint(body.expiresAt)
    .fixed(fromBase64Url(body.nonce), 16)
    .bytes();
}

/** What the requester signs and what the request digest is the SHA-256 of. */
export function signedRequestBytes(body: RequestBody): Uint8Array<ArrayBuffer> {
  return concatBytes(SIGNING_CONTEXT, encodeRequestBody(body));
}

export function encodeRequestCode(body: RequestBody, signature: string, text: string | undefined): string {
  const tail = new ByteWriter().fixed(fromBase64Url(signature), 64).u8(text === undefined ? 0 : 1);
  if (text !== undefined) tail.string(text);
  return REQUEST_PREFIX + toBase64Url(concatBytes(encodeRequestBody(body), tail.bytes()));
}

export type RawRequest = { body: unknown; bodyBytes: Uint8Array<ArrayBuffer>; signature: string; text: string | undefined };

/**
 * Bytes to fields, without validation (zod does that next). Throws
 * MalformedError; callers in the public API turn it into a reason.
 */
export function readRequestPayload(payload: Uint8Array<ArrayBuffer>): RawRequest {
  const r = new ByteReader(payload);
  const textHash = toBase64Url(r.fixed(32));
  const site = r.string();
  const handle = r.string();
  const kind = KINDS[r.u8()];
  if (kind === undefined) throw new MalformedError('unknown account kind');
  const counts = Array.from({ length: boundedCount(r.uint()) }, () => ({
    category: r.string(),
    severity: r.string(),
    count: r.uint(),
  }));
  const rules = Array.from({ length: boundedCount(r.uint()) }, () => r.string());
  const requester = { name: r.string(), publicKey: toBase64Url(r.fixed(32)) };
  const createdAt = r.uint();
  const expiresAt = r.uint();
  const nonce = toBase64Url(r.fixed(16));
  const bodyBytes = r.slice(0, r.offset);
  const signature = toBase64Url(r.fixed(64));
  const hasText = r.u8();
  if (hasText > 1) throw new MalformedError('bad text flag');
  const text = hasText === 1 ? r.string() : undefined;
  r.end();
  return {
    body: { textHash, site, account: { handle, kind }, findings: { counts, rules }, requester, createdAt, expiresAt, nonce },
    bodyBytes,
    signature,
    text,
  };
}

/** A count read from untrusted bytes must not allocate a huge array before the data runs out. */
function boundedCount(n: number): number {
  if (n > 1000) throw new MalformedError('list too long');
  return n;
}
