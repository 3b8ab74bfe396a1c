// Launches the system Chromium (never a downloaded one) for browser tests, with
// or without the production extension build.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Debian's /usr/bin/chromium is a wrapper that adds an empty --load-extension=. */
export const CHROMIUM_PATH = process.env.KAKUNIN_CHROMIUM ?? '/usr/lib/chromium/chromium';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchOptions {
  /** Profile directory; a fresh temporary one (removed on close) by default. */
  userDataDir?: string;
  /** navigator.language and Accept-Language; fixtures localize labels from it. */
  locale?: string;
  viewport?: { width: number; height: number };
}

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends PlainBrowser {
  extensionId: string;
  serviceWorker: Worker;
}

async function launch(extraArgs: string[], options: LaunchOptions): Promise<PlainBrowser> {
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'kakunin-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_ARGS, ...extraArgs],
    locale: options.locale ?? 'ja-JP',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  let closed = false;
  return {
    context,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium without any extension, for fixture self-tests. */
export function launchPlain(options: LaunchOptions = {}): Promise<PlainBrowser> {
  return launch([], options);
}

/**
 * A copy of the build whose manifest grants `origins` at install: what the user does on the
 * options page for an added site (the browser's permission prompt, which a test cannot answer).
 */
function withGrantedOrigins(extensionPath: string, origins: string[]): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-ext-'));
  cpSync(extensionPath, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Chromium with the unpacked extension at `extensionPath` (the `wxt build` output). */
export async function launchWithExtension(
  options: LaunchOptions & {
    extensionPath?: string;
    /** Host permissions granted as if the user had allowed them (match patterns, e.g. https://a.example/*). */
    grantOrigins?: string[];
  } = {},
): Promise<ExtensionBrowser> {
  // KAKUNIN_EXTENSION: a private copy of a build, so another build into .output mid-run (several
  // people on one checkout) cannot swap the extension under a running spec.
  const built = resolve(options.extensionPath ?? process.env.KAKUNIN_EXTENSION ?? '.output/chrome-mv3');
  if (!existsSync(join(built, 'manifest.json'))) {
    throw new Error(`no extension build at ${built}: run \`npx wxt build\` first`);
  }
  const copy = options.grantOrigins?.length ? withGrantedOrigins(built, options.grantOrigins) : undefined;
  const extensionPath = copy?.path ?? built;
  const launched = await launch([`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`], options).catch((e: unknown) => {
    copy?.remove();
    throw e;
  });
  const browser: PlainBrowser = copy
    ? {
        context: launched.context,
        close: async () => {
          await launched.close();
          copy.remove();
        },
      }
    : launched;
  try {
    const serviceWorker =
      browser.context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
      (await browser.context.waitForEvent('serviceworker', {
        predicate: (worker) => worker.url().startsWith('chrome-extension://'),
        timeout: 15_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    return { ...browser, extensionId, serviceWorker };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
