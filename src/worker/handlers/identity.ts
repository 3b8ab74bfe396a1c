/** getIdentity / createIdentity: the local user's signing identity (src/storage/identity.ts). */
import { isEd25519Supported } from '../../approval/keys';
import type { ReplyOf, Request } from '../../messaging/protocol';
import { createLocalIdentity, loadPublicIdentity } from '../../storage/identity';

let supported: Promise<boolean> | undefined;

export async function getIdentity(): Promise<ReplyOf<'getIdentity'>> {
  supported ??= isEd25519Supported();
  return { supported: await supported, identity: (await loadPublicIdentity()) ?? null };
}

export async function createIdentity(req: Extract<Request, { type: 'createIdentity' }>): Promise<ReplyOf<'createIdentity'>> {
  return { identity: await createLocalIdentity(req.name, { replace: req.replace }) };
}
