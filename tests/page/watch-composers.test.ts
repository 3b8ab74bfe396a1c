// @vitest-environment happy-dom
// Composers are found as they appear, with rescans throttled and nothing polling.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComposerMatch } from '../../src/sites/site-adapter';
import { watchComposers } from '../../src/page/watch-composers';

let controller: AbortController;
let scans: ComposerMatch[][];
const known = new Set<Element>();
const find = (root: ParentNode): ComposerMatch[] => [...root.querySelectorAll<HTMLElement>('.box')].map((editor) => ({ editor, kind: 'plain' }));

function start(throttleMs = 250) {
  controller = new AbortController();
  return watchComposers({ doc: document, find, onScan: (f) => scans.push(f), known: (el) => known.has(el), signal: controller.signal, throttleMs });
}
const addBox = () => {
  const box = document.createElement('div');
  box.className = 'box';
  box.contentEditable = 'true';
  document.body.append(box);
  return box;
};

beforeEach(() => {
  document.body.innerHTML = '';
  scans = [];
  known.clear();
});
afterEach(() => controller.abort());

describe('watchComposers', () => {
  it('scans at once, then at most once per throttle window however many mutations come', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      start(250);
      expect(scans).toHaveLength(1);
      for (let i = 0; i < 50; i++) {
        addBox();
        await vi.advanceTimersByTimeAsync(10); // mutations keep coming for 500 ms
      }
      await vi.advanceTimersByTimeAsync(250);
      // 500 ms of mutations: the first scan, then one per 250 ms window (not one per mutation).
      expect(scans.length).toBeGreaterThanOrEqual(2);
      expect(scans.length).toBeLessThanOrEqual(4);
      expect(scans.at(-1)).toHaveLength(50);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing while the page is still (no polling)', async () => {
    vi.useFakeTimers();
    try {
      start(250);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(scans).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('scans immediately when focus enters an editor it does not know yet', async () => {
    start(10_000);
    const box = addBox();
    box.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(scans).toHaveLength(2);
    expect(scans[1]!.map((m) => m.editor)).toEqual([box]);
    known.add(box);
    box.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(scans).toHaveLength(2);
  });

  it('stops observing when its signal aborts (content script invalidated)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      start(0);
      controller.abort();
      addBox();
      await vi.advanceTimersByTimeAsync(1000);
      expect(scans).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
