/** Which kind of account is posting: the user marks handles per site in options. */
import type { AccountKind } from '../engine/finding';
import type { Settings } from './settings-schema';

export const normalizeHandle = (h: string) => h.trim().replace(/^@/, '').toLowerCase();

export function resolveAccountKind(settings: Pick<Settings, 'accounts' | 'unknownAccountKind'>, site: string, handle: string | undefined): AccountKind {
  if (handle) {
    const h = normalizeHandle(handle);
    const hit = settings.accounts.find((a) => a.site === site && normalizeHandle(a.handle) === h);
    if (hit) return hit.kind;
  }
  return settings.unknownAccountKind;
}
