/** Which kind of account is posting: the user marks handles per site in options. */
import type { AccountKind } from '../engine/finding';
import type { Account, Settings } from './settings-schema';

export const normalizeHandle = (h: string) => h.trim().replace(/^@/, '').toLowerCase();

/**
 * The (site, handle) pairs an account entry may be listed under, most specific first. Mastodon
 * handles are `user@instance` (src/sites/mastodon.ts): an entry may give `user@instance` or just
 * `user` (any instance) under site `mastodon`, or, as earlier versions stored them, `user` under
 * the instance host.
 */
export function accountKeys(site: string, handle: string): Array<{ site: string; handle: string }> {
  const h = normalizeHandle(handle);
  const keys = [{ site, handle: h }];
  const at = h.lastIndexOf('@');
  if (site === 'mastodon' && at > 0 && at < h.length - 1) {
    const user = h.slice(0, at);
    keys.push({ site: h.slice(at + 1), handle: user }, { site, handle: user });
  }
  return keys;
}

const listedAs = (a: Account, key: { site: string; handle: string }) => a.site.trim().toLowerCase() === key.site && normalizeHandle(a.handle) === key.handle;

export function resolveAccountKind(settings: Pick<Settings, 'accounts' | 'unknownAccountKind'>, site: string, handle: string | undefined): AccountKind {
  if (handle?.trim()) {
    for (const key of accountKeys(site, handle)) {
      const hit = settings.accounts.find((a) => listedAs(a, key));
      if (hit) return hit.kind;
    }
  }
  return settings.unknownAccountKind;
}
