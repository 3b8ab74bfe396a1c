/** Every site with a fixture; the id names the fixture folder, adapter and spec. */
export const SITE_IDS = ['x', 'facebook', 'threads', 'instagram', 'linkedin', 'bluesky', 'mastodon', 'note'] as const;

export type SiteId = (typeof SITE_IDS)[number];
