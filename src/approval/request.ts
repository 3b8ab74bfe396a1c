import { type PostingAccount } from './account';
import { fromBase64Url, toBase64Url } from './base64url';
import { bytesEqual } from './compact-bytes';
import { unwrapCode } from './code-text';
import { canonicalizeSummary, type FindingsSummary } from './findings-summary';
import { keyIdOf } from './identity';
import { type Signer, signChecked, verifyBytes } from './keys';
import { DEFAULT_REQUEST_TTL_MS } from './policy';
import { type Failure, reason } from './reason';
import {
  type ApprovalRequest,
  ApprovalRequestSchema,
  encodeRequestBody,
  encodeRequestCode,
  readRequestPayload,
  type RequestBody,
  RequestBodySchema,
  signedRequestBytes,
} from './request-codec';
import { hashText, sha256 } from './text-hash';

export type CreateRequestInput = {
  signer: Signer;
  /** The draft as read from the editor; hashed after normalizeForHash. */
  text: string;
  /** Site id (`x`, `threads`, …) as used across Kakunin. */
  site: string;
  account: PostingAccount;
  findings: FindingsSummary;
  /** Send the draft inside the code so the approver sees it (default true). */
  includeText?: boolean;
  now?: number;
  /** Lifetime; default DEFAULT_REQUEST_TTL_MS (24 h). Ignored if expiresAt is given. */
  ttlMs?: number;
  expiresAt?: number;
};

/** Throws (ZodError / Error) only on caller bugs: invalid input or a key that does not match its identity. */
export async function createRequest(input: CreateRequestInput): Promise<{ code: string; request: ApprovalRequest }> {
  const createdAt = input.now ?? Date.now();
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const body = RequestBodySchema.parse({
    textHash: await hashText(input.text),
    site: input.site,
    account: input.account,
    findings: canonicalizeSummary(input.findings),
    requester: input.signer.identity,
    createdAt,
    expiresAt: input.expiresAt ?? createdAt + (input.ttlMs ?? DEFAULT_REQUEST_TTL_MS),
    nonce: toBase64Url(nonce),
  });
  const signature = toBase64Url(await signChecked(input.signer, signedRequestBytes(body)));
  const text = input.includeText === false ? undefined : input.text;
  const request = ApprovalRequestSchema.parse({
    ...body,
    requester: { ...body.requester, keyId: await keyIdOf(body.requester.publicKey) },
    signature,
    text,
  });
  return { code: encodeRequestCode(body, signature, text), request };
}

export type RequestResult = { ok: true; request: ApprovalRequest } | Failure;

/**
 * Code → request, checking structure, the requester's signature and, when the
 * draft is attached, that it hashes to textHash. Never throws.
 * The requester's identity is self-asserted: the signature proves the request
 * was not altered, not who the requester is. Show the key id.
 */
export async function decodeRequest(code: unknown): Promise<RequestResult> {
  const malformed = (problem: 'unreadable' | 'wrong-kind' = 'unreadable'): Failure => ({
    ok: false,
    reason: reason('malformed', { subject: 'request', problem }),
  });
  const unwrapped = unwrapCode(code, 'KKREQ1.');
  if (!unwrapped.ok) return malformed(unwrapped.problem);
  let raw;
  try {
    raw = readRequestPayload(unwrapped.payload);
  } catch {
    return malformed();
  }
  const body = RequestBodySchema.safeParse(raw.body);
  if (!body.success || !bytesEqual(encodeRequestBody(body.data), raw.bodyBytes)) return malformed();
  const request = ApprovalRequestSchema.safeParse({
    ...body.data,
    requester: { ...body.data.requester, keyId: await keyIdOf(body.data.requester.publicKey) },
    signature: raw.signature,
    text: raw.text,
  });
  if (!request.success) return malformed();
  return checkDecoded(request.data, body.data);
}

/**
 * Accepts a request object (e.g. kept in storage or passed through
 * messaging) and re-checks it exactly as a code would be, returning its digest.
 */
export async function checkRequest(
  input: ApprovalRequest | string,
): Promise<{ ok: true; request: ApprovalRequest; digest: Uint8Array<ArrayBuffer> } | Failure> {
  let decoded: RequestResult;
  if (typeof input === 'string') {
    decoded = await decodeRequest(input);
  } else {
    const parsed = ApprovalRequestSchema.safeParse(input);
    if (!parsed.success) return { ok: false, reason: reason('malformed', { subject: 'request', problem: 'unreadable' }) };
    decoded = await decodeRequest(encodeRequest(parsed.data));
    if (decoded.ok && decoded.request.requester.keyId !== parsed.data.requester.keyId) {
      return { ok: false, reason: reason('malformed', { subject: 'request', problem: 'unreadable' }) };
    }
  }
  if (!decoded.ok) return decoded;
  return { ok: true, request: decoded.request, digest: await requestDigestBytes(decoded.request) };
}

/** Re-encodes a request, e.g. without its text for compact storage; the digest does not change. */
export function encodeRequest(request: ApprovalRequest, options: { includeText?: boolean } = {}): string {
  const text = options.includeText === false ? undefined : request.text;
  return encodeRequestCode(bodyOf(request), request.signature, text);
}

/** SHA-256 over "KKREQ1\0" ‖ canonical body: what approval codes are bound to. */
export async function requestDigestBytes(request: ApprovalRequest): Promise<Uint8Array<ArrayBuffer>> {
  return sha256(signedRequestBytes(bodyOf(request)));
}

export async function requestDigest(request: ApprovalRequest): Promise<string> {
  return toBase64Url(await requestDigestBytes(request));
}

export function bodyOf(request: ApprovalRequest): RequestBody {
  const { textHash, site, account, findings, requester, createdAt, expiresAt, nonce } = request;
  return { textHash, site, account, findings, requester: { name: requester.name, publicKey: requester.publicKey }, createdAt, expiresAt, nonce };
}

async function checkDecoded(request: ApprovalRequest, body: RequestBody): Promise<RequestResult> {
  if (!(await verifyBytes(body.requester.publicKey, fromBase64Url(request.signature), signedRequestBytes(body)))) {
    return { ok: false, reason: reason('bad-signature', { subject: 'request' }) };
  }
  if (request.text !== undefined && (await hashText(request.text)) !== request.textHash) {
    return { ok: false, reason: reason('text-changed', { subject: 'attached-text' }) };
  }
  return { ok: true, request };
}
