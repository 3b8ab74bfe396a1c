/// <reference types="chrome" />
// Where the signing key lives, in real Chromium on the production build: a key made on the
// approval page is a non-extractable CryptoKey in the extension origin's IndexedDB and nothing
// of it is in chrome.storage.local (which content scripts can read); a JWK left in
// `local:identity` by an earlier version is moved there when the worker next starts, and signs
// as the same key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';

const profiles: string[] = [];
const open: ExtensionBrowser[] = [];

async function launch(userDataDir: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ userDataDir });
  open.push(browser);
  return browser;
}

afterAll(async () => {
  for (const b of open) await b.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

function newProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kakunin-e2e-identity-'));
  profiles.push(dir);
  return dir;
}

/** What the worker's IndexedDB row holds, and whether its private key can be exported or sign. */
function inspectKeyRow(sw: Worker) {
  return sw.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('kakunin-identity');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const row = await new Promise<{ name: string; publicKey: string; privateKey: CryptoKey } | undefined>((resolve, reject) => {
      const r = db.transaction('identity').objectStore('identity').get('self');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    if (!row) return undefined;
    const k = row.privateKey;
    const exported = await crypto.subtle.exportKey('jwk', k).then(() => 'exported', (e: Error) => e.name);
    const data = new TextEncoder().encode('確認');
    const signature = await crypto.subtle.sign('Ed25519', k, data);
    const publicKey = Uint8Array.from(atob(row.publicKey.replace(/-/g, '+').replace(/_/g, '/') + '='), (c) => c.charCodeAt(0));
    const pub = await crypto.subtle.importKey('raw', publicKey, 'Ed25519', false, ['verify']);
    return {
      name: row.name,
      publicKey: row.publicKey,
      isCryptoKey: k instanceof CryptoKey,
      extractable: k.extractable,
      usages: k.usages,
      exported,
      verifies: await crypto.subtle.verify('Ed25519', pub, signature, data),
    };
  });
}

const storageLocal = (sw: Worker) => sw.evaluate(() => chrome.storage.local.get(null));

describe('the signing key in real Chromium', () => {
  test('a key made on the approval page is a non-extractable CryptoKey in IndexedDB, not in storage.local', async () => {
    const browser = await launch(newProfile());
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/approve.html`);
    await page.getByLabel(/あなたの名前/).fill('田中 部長');
    await page.getByRole('button', { name: '鍵を作成' }).click();
    const publicKey = await page.getByTestId('own-public-key').inputValue();
    expect(publicKey).toMatch(/^[\w-]{43}$/);
    await page.close();

    expect(await inspectKeyRow(browser.serviceWorker)).toEqual({
      name: '田中 部長',
      publicKey,
      isCryptoKey: true,
      extractable: false,
      usages: ['sign'],
      exported: 'InvalidAccessError',
      verifies: true,
    });
    const local = await storageLocal(browser.serviceWorker);
    expect(local).not.toHaveProperty('identity');
    expect(JSON.stringify(local)).not.toContain(publicKey);
  }, 60_000);

  test('a legacy JWK in local:identity moves to IndexedDB when the worker starts, and is gone from storage.local', async () => {
    const dir = newProfile();
    const first = await launch(dir);
    // What an earlier version stored: the private key as a JWK in storage.local.
    const legacy = await first.serviceWorker.evaluate(async () => {
      const pair = (await crypto.subtle.generateKey('Ed25519', true, ['sign', 'verify'])) as CryptoKeyPair;
      const { kty, crv, x, d } = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey;
      const identity = { name: '佐藤 広報', privateKeyJwk: { kty, crv, x, d }, createdAt: Date.UTC(2025, 11, 1) };
      await chrome.storage.local.set({ identity });
      return identity;
    });
    await first.close();

    const second = await launch(dir); // same profile, a new worker
    await expect.poll(async () => Object.keys(await storageLocal(second.serviceWorker)).includes('identity'), { timeout: 10_000 }).toBe(false);
    const local = JSON.stringify(await storageLocal(second.serviceWorker));
    expect(local).not.toContain(legacy.privateKeyJwk.d!);
    expect(await inspectKeyRow(second.serviceWorker)).toMatchObject({
      name: '佐藤 広報',
      publicKey: legacy.privateKeyJwk.x,
      extractable: false,
      exported: 'InvalidAccessError',
      verifies: true,
    });

    // the extension's own pages see the same identity through the background
    const page = await second.context.newPage();
    await page.goto(`chrome-extension://${second.extensionId}/manifest.json`);
    const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getIdentity' }))) as { ok: boolean; value: { identity: { name: string; publicKey: string; createdAt: number } } };
    expect(reply).toMatchObject({ ok: true, value: { identity: { name: '佐藤 広報', publicKey: legacy.privateKeyJwk.x, createdAt: Date.UTC(2025, 11, 1) } } });
    await page.close();
  }, 90_000);
});
