// @vitest-environment happy-dom
// A composer with its own account switcher (Bluesky): a post attempt is decided for the account
// selected at that moment, even right after switching, never for the one of the last check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding';
import type { Send } from '../../src/page/composer';
import { PageRuntime } from '../../src/page/runtime';
import { bluesky } from '../../src/sites/bluesky';

let controller: AbortController;
let checks: Array<{ text: string; handle?: string }>;
let posted: string[];

/** A company-only rule: 新作 is held for the company account, fine for the personal one. */
const send = (async (m: { type: string; text?: string; context?: { handle?: string } }) => {
  if (m.type === 'recordAudit') return { id: 1 };
  const text = m.text ?? '';
  checks.push({ text, handle: m.context?.handle });
  const company = m.context?.handle === 'brand.bsky.social';
  const i = text.indexOf('新作');
  const findings: Finding[] =
    company && i >= 0 ? [{ category: 'confidential', severity: 'block', start: i, end: i + 2, text: '新作', rule: 'confidential/e2e', message: { ja: 'x', en: 'x' } }] : [];
  return { findings, account: company ? 'company' : 'personal', hold: { held: findings.length > 0, reason: findings.length ? 'findings' : null, allowOverride: true } };
}) as Send;

beforeEach(() => {
  checks = [];
  posted = [];
  document.body.innerHTML = `<div data-testid="composePostView">
    <button data-testid="composerPublishBtn">Post</button>
    <button aria-label="Switch account" id="switch">@me.bsky.social</button>
    <div class="ProseMirror" contenteditable="true"><p>新作の話</p></div></div>`;
  document.querySelector('[data-testid="composerPublishBtn"]')!.addEventListener('click', () => posted.push(document.getElementById('switch')!.textContent!));
  controller = new AbortController();
  new PageRuntime({ adapter: bluesky, send, policy: { holdAt: 'block', allowOverride: true }, lang: 'ja', signal: controller.signal, debounceMs: 10 });
});
afterEach(() => controller.abort());

const host = () => document.querySelector('kakunin-composer')!;
const settled = (state: string) => host().getAttribute('data-kakunin-state') === state && !host().hasAttribute('data-kakunin-checking');

describe('account switch in the composer', () => {
  it('holds the post when the composer was switched to the company account just before posting', async () => {
    await expect.poll(() => settled('ok')).toBe(true);
    expect(checks.at(-1)).toEqual({ text: '新作の話', handle: 'me.bsky.social' });
    document.getElementById('switch')!.textContent = '@brand.bsky.social';
    document.querySelector<HTMLElement>('[data-testid="composerPublishBtn"]')!.click();
    await expect.poll(() => host().getAttribute('data-kakunin-gate')).toBe('held');
    expect(checks.at(-1)).toEqual({ text: '新作の話', handle: 'brand.bsky.social' });
    expect(posted).toEqual([]);
  });

  it('lets the post through when switched from the company account to the personal one', async () => {
    document.getElementById('switch')!.textContent = '@brand.bsky.social';
    document.querySelector('.ProseMirror p')!.textContent = '新作の話です';
    document.querySelector('.ProseMirror')!.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await expect.poll(() => settled('block')).toBe(true);
    document.getElementById('switch')!.textContent = '@me.bsky.social';
    document.querySelector<HTMLElement>('[data-testid="composerPublishBtn"]')!.click();
    await expect.poll(() => posted).toEqual(['@me.bsky.social']);
    expect(checks.at(-1)).toEqual({ text: '新作の話です', handle: 'me.bsky.social' });
  });
});
