/**
 * Whether Kakunin runs on a page, decided by the background from the content script's site key
 * (`adapter.siteKey`) and the page's host:
 * - a built-in site id (`x`…, and `mastodon` on every instance): `settings.sites[id]`, on unless
 *   switched off; a Mastodon instance the user added must also be on in `customSites`;
 * - anything else is the host of a site added in options as "any text box": checked only while
 *   `anyTextBox` is on (the opt-in) and its entry is on; a host not listed is not checked.
 */
import { SITE_IDS, type Settings, type SiteId } from '../storage/settings-schema';

const isSiteId = (site: string): site is SiteId => (SITE_IDS as readonly string[]).includes(site);

const hostOf = (origin: string) => new URL(origin).host;

export function pageEnabled(settings: Pick<Settings, 'sites' | 'customSites' | 'anyTextBox'>, site: string, host?: string): boolean {
  if (isSiteId(site)) {
    const on = settings.sites[site] ?? true;
    if (site !== 'mastodon' || !host) return on;
    const added = settings.customSites.find((c) => c.kind === 'mastodon' && hostOf(c.origin) === host);
    return on && (added?.enabled ?? true);
  }
  const added = settings.customSites.find((c) => c.kind === 'any' && hostOf(c.origin) === site);
  return settings.anyTextBox && added !== undefined && added.enabled;
}
