import { z } from 'zod';
import { AccountKindSchema } from '../engine/finding';

/** The account the post would go out from. `kind` is part of what is approved. */
export const PostingAccountSchema = z.object({
  handle: z.string().min(1).max(200),
  kind: AccountKindSchema,
});
export type PostingAccount = z.infer<typeof PostingAccountSchema>;

/**
 * Handles are compared loosely where the sites themselves do: X, Threads,
 * Instagram and Mastodon treat handles case-insensitively, and UIs show them
 * with or without the leading "@". Anything else (a different instance after
 * the second "@", a different kind) is a different account.
 */
export function normalizeHandle(handle: string): string {
  return handle.normalize('NFC').trim().replace(/^@/, '').toLowerCase();
}

export function sameAccount(a: PostingAccount, b: PostingAccount): boolean {
  return a.kind === b.kind && normalizeHandle(a.handle) === normalizeHandle(b.handle);
}
