// @vitest-environment happy-dom
/**
 * The "try a sentence" box against the real background: startBackground() with its router,
 * engine host and settings watch, the tokenizer read from the build's dictionary file.
 */
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Transport } from '../../../src/messaging/client';
import { ensureIpadicFile } from '../../../src/node/ipadic';
import { DICTIONARY_PATH, startBackground } from '../../../src/worker/main';
import { renderOptions, setupBrowser, type Harness } from './harness';

let h: Harness;
let transport: Transport;

beforeEach(() => {
  fakeBrowser.reset();
  h = setupBrowser();
  const bytes = readFileSync(ensureIpadicFile());
  // the worker's own files: the tokenizer dictionary; no precompiled index (it compiles instead)
  vi.stubGlobal('fetch', async (url: string) => (String(url).endsWith(DICTIONARY_PATH) ? new Response(bytes) : new Response('', { status: 404 })));
  // fake-browser leaves these unimplemented; the worker only needs them to exist
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ manifest_version: 3, content_scripts: [] }) });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => [],
    registerContentScripts: async () => undefined,
    unregisterContentScripts: async () => undefined,
  });
  let router: ((m: unknown, sender: object, respond: (r: unknown) => void) => boolean) | undefined;
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
    router = l as typeof router;
  });
  startBackground();
  transport = (m) => new Promise((resolve) => router!(m, {}, resolve));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const tryBox = () => within(document.getElementById('try')!);
const lists = () => within(document.getElementById('word-lists')!);

describe('try a sentence', () => {
  it('flags a word as soon as it is added to a company list', async () => {
    await renderOptions(h, { transport });
    const sentence = '新製品のコードネームはプロジェクト極光です。';
    fireEvent.input(tryBox().getByLabelText('Text to check'), { target: { value: sentence } });
    await waitFor(() => expect(document.getElementById('try')!.querySelector('.try-result')!.textContent).toBe('No findings.'), { timeout: 40_000 });

    fireEvent.click(lists().getByRole('button', { name: 'New list' }));
    fireEvent.click(await lists().findByRole('button', { name: 'Add entry' }));
    fireEvent.input(lists().getByLabelText('Id'), { target: { value: 'confidential/codename' } });
    fireEvent.change(lists().getByLabelText('Category'), { target: { value: 'confidential' } });
    fireEvent.change(lists().getByLabelText('Severity'), { target: { value: 'block' } });
    fireEvent.input(lists().getByLabelText('Patterns (one per line)'), { target: { value: 'プロジェクト極光' } });
    fireEvent.input(lists().getByLabelText('Message (Japanese)'), { target: { value: '未発表のコードネームです。' } });
    fireEvent.input(lists().getByLabelText('Message (English)'), { target: { value: 'An unannounced code name.' } });
    fireEvent.click(lists().getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(tryBox().getByTestId('findings-count').textContent).toBe('1 findings'), { timeout: 40_000 });
    const finding = tryBox().getByRole('listitem');
    expect(finding.textContent).toContain('プロジェクト極光');
    expect(finding.textContent).toContain('An unannounced code name.');
    expect(finding.textContent).toContain('confidential/codename');
    expect(tryBox().getByText('This draft would be held.')).toBeTruthy();
  }, 120_000);

  it('says when the background cannot be reached, without breaking the page', async () => {
    await renderOptions(h, { transport: async () => Promise.reject(new Error('Receiving end does not exist.')) });
    fireEvent.input(tryBox().getByLabelText('Text to check'), { target: { value: 'テスト' } });
    expect(await tryBox().findByText(/Could not check: .*Receiving end does not exist/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Word lists' })).toBeTruthy();
  });
});
