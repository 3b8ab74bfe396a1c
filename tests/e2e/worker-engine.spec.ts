/// <reference types="chrome" />
// The production build's service worker loads the kuromoji tokenizer (fetch of dict/ipadic.kkd,
// no XMLHttpRequest) and checks drafts with base forms and readings, in real Chromium; and it
// survives being stopped: the next message starts a fresh worker that loads again.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { parseDictionary } from '../../src/engine/dictionary/compile';
import { loadNodeTokenizer } from '../../src/node/ipadic';
import { cachedModel, readCorpus } from '../../src/node/model-cache';
import { cachedBuiltinSnapshot } from '../../src/node/snapshot-cache';
import { createKakuninEngine } from '../../src/rules/builtin';

let browser: ExtensionBrowser;
let page: Page;

const companyList = {
  id: 'e2e',
  name: 'E2E list',
  enabled: true,
  entries: [
    {
      id: 'compliance/e2e-slimming',
      category: 'compliance',
      severity: 'block',
      patterns: ['痩せる', '宗教'],
      message: { ja: 'テスト', en: 'test' },
    },
  ],
};

/** Sends a protocol request from an extension page (the worker cannot message itself). */
function send(request: unknown): Promise<{ ok: boolean; value?: any; error?: string }> {
  return page.evaluate((r) => chrome.runtime.sendMessage(r), request);
}

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serviceWorker.evaluate((list) => chrome.storage.local.set({ settings: { version: 1, lists: [list] } }), companyList);
  page = await browser.context.newPage();
  // Any page of the extension's origin can talk to its worker; manifest.json is always there.
  await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
});
afterAll(() => browser?.close());

test('the worker tokenizes Japanese with kuromoji: base forms and readings match', async () => {
  const reply = await send({ type: 'checkDraft', text: 'このお茶で痩せられる!しゅうきょうの話も。', context: { site: 'x' } });
  expect(reply.ok).toBe(true);
  const hits = reply.value.findings.filter((f: { rule: string }) => f.rule === 'compliance/e2e-slimming');
  expect(hits.map((f: { text: string; start: number; end: number }) => [f.text, f.start, f.end])).toEqual([
    ['痩せ', 5, 7],
    ['しゅうきょう', 11, 17],
  ]);
  expect(reply.value.hold).toMatchObject({ held: true, reason: 'findings' });
  const status = await send({ type: 'getEngineStatus' });
  expect(status.value.tokenizer).toBe('ready');
  expect(status.value.loadMs).toBeGreaterThan(0);
  console.log(`tokenizer load in the service worker: ${Math.round(status.value.loadMs)} ms`);
});

test('the worker runs the learned model: its findings equal the Node engine\'s, model findings included', async () => {
  const t = await loadNodeTokenizer();
  const node = createKakuninEngine(t, { lists: [{ file: parseDictionary({ name: companyList.name, entries: companyList.entries }, 'e2e'), source: 'e2e' }] }, cachedBuiltinSnapshot(t), cachedModel());
  const context = { account: 'company' as const, site: 'x', date: '2026-06-02' };
  const posts = readCorpus().filter((p) => p.account !== 'personal');
  const byModel = posts.filter((p) => node.check(p.text, context).some((f) => f.rule.startsWith('model/'))).slice(0, 5);
  expect(byModel.length).toBe(5);
  for (const p of [...byModel, ...posts.slice(0, 5)]) {
    const reply = await send({ type: 'checkDraft', text: p.text, context });
    expect(reply.ok).toBe(true);
    expect(reply.value.findings, p.text).toEqual(node.check(p.text, context));
  }
  expect((await send({ type: 'getEngineStatus' })).value).toMatchObject({ tokenizer: 'ready', model: 'ready' });
});

test('a bad request gets a clear error, not a crash', async () => {
  const reply = await send({ type: 'checkDraft', text: 42 });
  expect(reply).toMatchObject({ ok: false });
  expect(reply.error).toMatch(/bad request/);
});

test('survives a worker restart: the next check starts a new worker that loads again', async () => {
  await browser.serviceWorker.evaluate(() => {
    (globalThis as { oldWorker?: boolean }).oldWorker = true;
  });
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const reply = await send({ type: 'checkDraft', text: '宗教', context: { site: 'x' } });
  expect(reply.ok).toBe(true);
  expect(reply.value.findings.map((f: { rule: string }) => f.rule)).toContain('compliance/e2e-slimming');
  // It really was a new worker: the marker set in the old one is gone.
  const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  expect(worker).toBeDefined();
  expect(await worker!.evaluate(() => (globalThis as { oldWorker?: boolean }).oldWorker ?? false)).toBe(false);
});
