/**
 * Approval requests this browser made and that may still be approved (`local:approvalRequests`).
 * Kept so that approval codes pasted later (after a page reload, or in the popup instead of the
 * page) find their request: an approval code names its request by digest. Stored without the
 * draft text (the code's text is optional and bound by its hash). An expired request is kept a
 * week longer, so a late code is refused as "expired" rather than as "for another request".
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const REQUESTS_KEY = 'approvalRequests';
const MAX_REQUESTS = 100;
const KEEP_AFTER_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

export const PendingRequestSchema = z.object({
  /** request code without the text (encodeRequest(…, { includeText: false })) */
  code: z.string().startsWith('KKREQ1.'),
  digest: z.string(),
  textHash: z.string(),
  site: z.string(),
  handle: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
});
export type PendingRequest = z.infer<typeof PendingRequestSchema>;

async function readAll(): Promise<PendingRequest[]> {
  const raw = (await browser.storage.local.get(REQUESTS_KEY))[REQUESTS_KEY];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const parsed = PendingRequestSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

const kept = (r: PendingRequest, now: number) => r.expiresAt + KEEP_AFTER_EXPIRY_MS >= now;

/** Stored requests, newest first (expired ones for a week after expiry). */
export async function listPendingRequests(now = Date.now()): Promise<PendingRequest[]> {
  return (await readAll()).filter((r) => kept(r, now)).sort((a, b) => b.createdAt - a.createdAt);
}

export async function savePendingRequest(request: PendingRequest, now = Date.now()): Promise<void> {
  const others = (await readAll()).filter((r) => kept(r, now) && r.digest !== request.digest);
  const next = [request, ...others].sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_REQUESTS);
  await browser.storage.local.set({ [REQUESTS_KEY]: next });
}
