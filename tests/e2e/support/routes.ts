// Serves each fixture at its real site URL(s) inside a Playwright context.
// Every request is recorded; the sites' own post APIs get a 200 JSON answer;
// anything else off the fixture pages is aborted, so nothing leaves the machine.
import type { BrowserContext, Request, Route } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_IDS, type SiteId } from './site-ids.ts';

const BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.build');

interface SiteServer {
  /** Origin -> template values for index.html (`{{HOST}}` is always set). */
  origins: Record<string, Record<string, string>>;
  /** Paths answered with the fixture page. */
  pages: RegExp;
  /** The site's own API calls, which legitimately carry the draft. */
  api: RegExp;
}

const MASTODON_PAGES = /^\/(home|publish)\/?$/;

export const SITE_SERVERS: Record<SiteId, SiteServer> = {
  x: {
    origins: { 'https://x.com': {}, 'https://twitter.com': {} },
    pages: /^\/(home|compose\/post)\/?$/,
    api: /^\/i\/api\/graphql\/[\w-]+\/CreateTweet$/,
  },
  facebook: { origins: { 'https://www.facebook.com': {} }, pages: /^\/$/, api: /^\/api\/graphql\/$/ },
  threads: {
    origins: { 'https://www.threads.com': {}, 'https://www.threads.net': {} },
    pages: /^\/$/,
    api: /^\/api\/v1\/media\/configure_text_only_post\/$/,
  },
  instagram: { origins: { 'https://www.instagram.com': {} }, pages: /^\/$/, api: /^\/api\/v1\/media\/configure\/$/ },
  linkedin: {
    origins: { 'https://www.linkedin.com': {} },
    pages: /^\/feed\/$/,
    api: /^\/voyager\/api\/contentcreation\/normShares$/,
  },
  // bsky.app really posts to the user's PDS on another host; the fixture keeps
  // it same-origin to avoid CORS preflights in the fake.
  bluesky: { origins: { 'https://bsky.app': {} }, pages: /^\/$/, api: /^\/xrpc\/com\.atproto\.repo\.applyWrites$/ },
  mastodon: {
    origins: {
      'https://mastodon.social': { ME: '109000000000000001', ACCT: 'kakunin_jp', TOKEN: 'fixture-token-mastodon-social' },
      'https://social.example.jp': { ME: '7', ACCT: 'koho', TOKEN: 'fixture-token-social-example-jp' },
    },
    pages: MASTODON_PAGES,
    api: /^\/api\/v1\/statuses$/,
  },
  // Includes draft_save: note saves the draft to its server before publishing.
  note: {
    origins: { 'https://editor.note.com': {} },
    pages: /^\/notes\/n[0-9a-z]+\/(edit|publish)\/$/,
    api: /^\/api\/v1\/text_notes\//,
  },
};

/** note.com hands "new note" off to the editor host, as the real one does. */
export const NOTE_EDIT_URL = 'https://editor.note.com/notes/n0a1b2c3d4e5/edit/';
const REDIRECTS: Record<string, string> = { 'https://note.com/notes/new': NOTE_EDIT_URL };

const ASSET = /^\/__fixture__\/([a-z]+)\/(main\.js|main\.css)$/;
const CONTENT_TYPES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'main.js': 'text/javascript; charset=utf-8',
  'main.css': 'text/css; charset=utf-8',
};

export type RequestOutcome = 'page' | 'asset' | 'api' | 'redirect' | 'not-found' | 'blocked' | 'passthrough';

export interface RequestRecord {
  url: string;
  method: string;
  postData: string | null;
  resourceType: string;
  outcome: RequestOutcome;
  site?: SiteId;
}

export interface SiteRoutes {
  /** Every request the context made, in order. */
  log: RequestRecord[];
  /**
   * Requests whose URL or body carries `text` (also URL-encoded or JSON-escaped),
   * except the sites' own post API calls unless `includeApi`.
   */
  requestsContaining(text: string, options?: { includeApi?: boolean }): RequestRecord[];
  /** The post API calls the fixtures made, optionally for one site. */
  apiCalls(site?: SiteId): RequestRecord[];
  clear(): void;
  unroute(): Promise<void>;
}

function readBuild(): Map<string, string> {
  const files = new Map<string, string>();
  for (const site of SITE_IDS) {
    for (const name of Object.keys(CONTENT_TYPES)) {
      const path = join(BUILD_DIR, site, name);
      if (!existsSync(path)) throw new Error(`fixture build missing ${path}: run \`npm run fixtures:build\``);
      files.set(`${site}/${name}`, readFileSync(path, 'utf8'));
    }
  }
  return files;
}

function siteFor(origin: string): SiteId | undefined {
  return SITE_IDS.find((site) => origin in SITE_SERVERS[site].origins);
}

function fillTemplate(html: string, values: Record<string, string>): string {
  return html.replace(/\{\{([A-Z]+)\}\}/g, (match, name: string) => values[name] ?? match);
}

function decodeForm(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** `text` as it appears inside a JSON string, with and without \u escapes. */
function jsonForms(text: string): string[] {
  const escaped = JSON.stringify(text).slice(1, -1);
  const ascii = escaped.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [text, escaped, ascii, ascii.replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => `\\u${hex.toUpperCase()}`)];
}

export function carriesText(record: Pick<RequestRecord, 'url' | 'postData'>, text: string): boolean {
  const raw = [record.url, record.postData ?? ''];
  const haystacks = [...raw, ...raw.map(decodeForm)];
  const needles = jsonForms(text);
  return haystacks.some((haystack) => needles.some((needle) => haystack.includes(needle)));
}

export async function routeSites(context: BrowserContext): Promise<SiteRoutes> {
  const files = readBuild();
  const log: RequestRecord[] = [];

  const handler = async (route: Route, request: Request) => {
    const url = new URL(request.url());
    const record: RequestRecord = {
      url: request.url(),
      method: request.method(),
      postData: request.postDataBuffer()?.toString('utf8') ?? null,
      resourceType: request.resourceType(),
      outcome: 'blocked',
    };
    log.push(record);
    try {
      if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') {
        record.outcome = 'passthrough';
        return await route.continue();
      }
      const redirect = REDIRECTS[`${url.origin}${url.pathname.replace(/\/$/, '')}`];
      if (redirect) {
        record.outcome = 'redirect';
        // A fulfilled 3xx is followed outside interception (the target then fails
        // DNS), so hand off from the page instead.
        const html = `<!doctype html><meta charset="utf-8"><script>location.replace(${JSON.stringify(redirect)})</script>`;
        return await route.fulfill({ status: 200, contentType: CONTENT_TYPES['index.html'], body: html });
      }
      const site = siteFor(url.origin);
      if (!site) return await route.abort('blockedbyclient');
      record.site = site;
      const server = SITE_SERVERS[site];
      const asset = ASSET.exec(url.pathname);
      const file = asset ? files.get(`${asset[1]}/${asset[2]}`) : undefined;
      if (asset && file !== undefined) {
        record.outcome = 'asset';
        return await route.fulfill({ status: 200, contentType: CONTENT_TYPES[asset[2] ?? ''], body: file });
      }
      if (request.method() === 'GET' && server.pages.test(url.pathname)) {
        record.outcome = 'page';
        const values = { HOST: url.host, ...server.origins[url.origin] };
        const html = fillTemplate(files.get(`${site}/index.html`) ?? '', values);
        return await route.fulfill({ status: 200, contentType: CONTENT_TYPES['index.html'], body: html });
      }
      if (server.api.test(url.pathname)) {
        record.outcome = 'api';
        return await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true }) });
      }
      record.outcome = 'not-found';
      return await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not part of the fixture' });
    } catch (error) {
      // The page may have gone away mid-request; that is not a test failure.
      if (!String(error).includes('closed')) throw error;
    }
  };

  await context.route('**/*', handler);
  return {
    log,
    requestsContaining: (text, options = {}) =>
      log.filter((record) => (options.includeApi || record.outcome !== 'api') && carriesText(record, text)),
    apiCalls: (site) => log.filter((record) => record.outcome === 'api' && (site === undefined || record.site === site)),
    clear: () => void log.splice(0),
    unroute: () => context.unroute('**/*', handler),
  };
}
