// Helpers for specs that exercise Kakunin's in-page runtime on the fixtures: settings through the
// service worker, what the content script asked the background, the audit log, highlights and
// the badge host's state attributes.
import type { Locator, Page, Worker } from 'playwright-core';

/**
 * A company list with two invented words the built-in dictionaries do not flag, so specs do not
 * depend on dictionary churn: 黒豆茶 holds the post (block), 白玉団子 warns.
 */
export const E2E_LIST = {
  id: 'e2e',
  name: 'E2E',
  enabled: true,
  entries: [
    {
      id: 'compliance/e2e-kuromame',
      category: 'compliance',
      severity: 'block',
      patterns: ['黒豆茶'],
      message: { ja: 'テスト用の禁止語です', en: 'A test word that holds the post' },
      suggestion: { ja: '別の言い方にしてください', en: 'Say it another way' },
      basis: 'テスト根拠 1条',
    },
    {
      id: 'confidential/e2e-shiratama',
      category: 'confidential',
      severity: 'warn',
      patterns: ['白玉団子'],
      message: { ja: 'テスト用の注意語です', en: 'A test word that warns' },
    },
  ],
};

export const RISKY = '店頭で黒豆茶と白玉団子をご用意しています。';
export const BENIGN = '店頭でほうじ茶と桜餅をご用意しています。';

/**
 * Settings in storage, as the options page would save them. The sensitive-date rule is off so a
 * benign draft stays benign on any day the suite runs.
 */
export async function configure(sw: Worker, overrides: Record<string, unknown> = {}): Promise<void> {
  await sw.evaluate(
    (settings) => chrome.storage.local.set({ settings }),
    { version: 1, lists: [E2E_LIST], disabledRules: ['disaster/sensitive-date'], ...overrides },
  );
}

/** Starts recording every checkDraft message the worker receives (text and time). */
export async function recordChecks(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __checks?: Array<{ text: string; at: number }> };
    if (g.__checks) {
      g.__checks.length = 0;
      return;
    }
    g.__checks = [];
    chrome.runtime.onMessage.addListener((m: { type?: string; text?: string }) => {
      if (m?.type === 'checkDraft') g.__checks!.push({ text: m.text ?? '', at: Date.now() });
      return undefined; // the router answers
    });
  });
}

export function checksSeen(sw: Worker): Promise<Array<{ text: string; at: number }>> {
  return sw.evaluate(() => (globalThis as unknown as { __checks?: Array<{ text: string; at: number }> }).__checks ?? []);
}

/** Starts recording every message of this `type` the worker receives (e.g. getPageConfig), or clears the record. */
export async function recordRequests(sw: Worker, type: string): Promise<void> {
  await sw.evaluate((t) => {
    const g = globalThis as unknown as { __requests?: Record<string, Array<Record<string, unknown>>> };
    if (!g.__requests) {
      const seen: Record<string, Array<Record<string, unknown>>> = {};
      g.__requests = seen;
      chrome.runtime.onMessage.addListener((m: { type?: string }) => {
        if (m?.type && seen[m.type]) seen[m.type]!.push(m as Record<string, unknown>);
        return undefined; // the router answers
      });
    }
    g.__requests[t] = [];
  }, type);
}

export function requestsSeen(sw: Worker, type: string): Promise<Array<Record<string, unknown>>> {
  return sw.evaluate((t) => (globalThis as unknown as { __requests?: Record<string, Array<Record<string, unknown>>> }).__requests?.[t] ?? [], type);
}

/** Makes the background answer every checkDraft with an error (it "cannot check"), or stops that. */
export async function breakChecks(sw: Worker, broken: boolean): Promise<void> {
  await sw.evaluate((on) => {
    const g = globalThis as unknown as { __broken?: { on: boolean } };
    if (!g.__broken) {
      g.__broken = { on };
      chrome.runtime.onMessage.addListener((m: { type?: string }, _s, respond) => {
        if (!g.__broken!.on || m?.type !== 'checkDraft') return undefined;
        respond({ ok: false, error: 'engine unavailable (test)' }); // answers before the router
        return undefined;
      });
    }
    g.__broken.on = on;
  }, broken);
}

export interface AuditRow {
  kind: string;
  site: string;
  handle?: string;
  account?: string;
  textHash: string;
  findings: Array<{ rule: string; category: string; severity: string }>;
  reason?: string;
  detail?: Record<string, unknown>;
  text?: string;
}

/** The audit log as the worker stored it (IndexedDB kakunin-audit/events). */
export function auditLog(sw: Worker): Promise<AuditRow[]> {
  return sw.evaluate(
    () =>
      new Promise<AuditRow[]>((resolve, reject) => {
        const open = indexedDB.open('kakunin-audit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return resolve([]);
          const get = db.transaction('events').objectStore('events').getAll();
          get.onsuccess = () => resolve(get.result as AuditRow[]);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** The same SHA-256/base64url of the NFC, LF, end-trimmed text as src/approval/text-hash.ts. */
export function hashInWorker(sw: Worker, text: string): Promise<string> {
  return sw.evaluate(async (t) => {
    const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t.normalize('NFC').replace(/\r\n?/g, '\n').trimEnd())));
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, text);
}

/** Text of every range in Kakunin's highlights, by severity (read in the page's own world). */
export function highlightTexts(page: Page): Promise<Record<'info' | 'warn' | 'block', string[]>> {
  return page.evaluate(() => {
    const read = (s: string) => [...((CSS.highlights.get(`kakunin-${s}`) as Set<AbstractRange> | undefined) ?? [])].map((r) => (r as Range).toString());
    return { info: read('info'), warn: read('warn'), block: read('block') };
  });
}

/** Kakunin's host for the n-th composer found on the page (1-based, in discovery order). */
export function badge(page: Page, n = 1): Locator {
  return page.locator(`kakunin-composer[data-kakunin-composer="${n}"]`);
}

/** Waits until the badge shows the result for the editor's current text. */
export async function waitForVerdict(page: Page, n: number, state: string, count: number): Promise<void> {
  await page.waitForFunction(
    ({ n, state, count }) => {
      const host = document.querySelector(`kakunin-composer[data-kakunin-composer="${n}"]`);
      return (
        host?.getAttribute('data-kakunin-state') === state &&
        host.getAttribute('data-kakunin-count') === String(count) &&
        !host.hasAttribute('data-kakunin-checking')
      );
    },
    { n, state, count },
  );
}

/** The gate dialog / checking popover of composer n (inside its open shadow root). */
export function gateDialog(page: Page, n = 1): Locator {
  return badge(page, n).locator('.gate');
}
