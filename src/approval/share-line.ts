/**
 * The line an approver sends the admin (the identity panel's "To share" field): the display name,
 * one space, the 43-character public key. Names may hold spaces (佐藤 広報), keys never do, so a
 * pasted line splits at its last run of whitespace; mail clients may add line breaks or trailing
 * spaces, which are dropped.
 */
import type { Identity } from './identity';
import { PublicKeySchema } from './identity';

export const shareLine = (identity: Pick<Identity, 'name' | 'publicKey'>) => `${identity.name} ${identity.publicKey}`;

export interface ParsedShareLine {
  /** the text before the key, whitespace collapsed; absent when only a key was pasted */
  name?: string;
  /** the last whitespace-separated part: the key, if the line was a share line */
  publicKey: string;
}

export function parseShareLine(text: string): ParsedShareLine {
  const parts = text.trim().split(/\s+/);
  const publicKey = parts.pop() ?? '';
  const name = parts.join(' ');
  return name ? { name, publicKey } : { publicKey };
}

export type PublicKeyProblem = 'length' | 'characters' | 'not-a-key';

/** What is wrong with a pasted public key, to say it plainly; undefined when it is a key. */
export function publicKeyProblem(key: string): PublicKeyProblem | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(key)) return 'characters';
  if (key.length !== 43) return 'length';
  return PublicKeySchema.safeParse(key).success ? undefined : 'not-a-key';
}
