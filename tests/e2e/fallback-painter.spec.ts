// The fallback painter (browsers without the CSS Custom Highlight API) in real Chromium: boxes in
// Kakunin's shadow root land on the exact glyphs of a range and follow them on scroll. Chromium
// cannot switch the Highlight API off, so BoxPainter is bundled and driven directly here.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchPlain, type PlainBrowser } from './support/browser.ts';

let browser: PlainBrowser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  const out = await build({
    stdin: {
      contents: `import { BoxPainter } from './src/page/paint/painter'; import { FrameScheduler } from './src/page/frame'; window.__kk = { BoxPainter, FrameScheduler };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  bundle = out.outputFiles[0]!.text;
  browser = await launchPlain();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());

/** Rects of the range vs the boxes drawn for it (viewport coordinates). */
function measure(p: Page) {
  return p.evaluate(() => {
    const w = window as unknown as { range: Range };
    const boxes = [...document.querySelector('kakunin-marks')!.shadowRoot!.querySelectorAll<HTMLElement>('.kakunin-box')].map((b) => b.getBoundingClientRect());
    const rects = [...w.range.getClientRects()];
    return { rects: rects.map((r) => [r.left, r.top, r.width, r.height].map(Math.round)), boxes: boxes.map((r) => [r.left, r.top, r.width, r.height].map(Math.round)) };
  });
}

const frame = (p: Page) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('boxes cover the range exactly, follow it when the editor scrolls, and are cut by the scroller', async () => {
  await page.setContent(`<!doctype html><meta charset="utf-8"><body style="font:16px sans-serif">
    <div id="scroller" style="height:120px;overflow:auto;border:1px solid #ccc">
      <div contenteditable="true" style="padding:8px;width:300px">${'前置きの文です。'.repeat(4)}店頭で黒豆茶をご用意しています。${'後の文です。'.repeat(20)}</div>
    </div></body>`);
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => {
    const kk = (window as unknown as { __kk: { BoxPainter: new (d: Document, f: unknown) => { set(o: object, m: unknown[]): void; relayout(): void }; FrameScheduler: new () => unknown } }).__kk;
    const text = document.querySelector('[contenteditable]')!.firstChild as Text;
    const start = text.data.indexOf('黒豆茶');
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + 3);
    const painter = new kk.BoxPainter(document, new kk.FrameScheduler());
    painter.set({}, [{ range, severity: 'block' }]);
    Object.assign(window, { range, painter });
    document.getElementById('scroller')!.addEventListener('scroll', () => painter.relayout());
  });
  await frame(page);
  const before = await measure(page);
  expect(before.boxes.length).toBeGreaterThan(0);
  expect(before.boxes).toEqual(before.rects);

  await page.evaluate(() => (document.getElementById('scroller')!.scrollTop = 20));
  await frame(page);
  const after = await measure(page);
  expect(after.rects[0]?.[1]).toBe((before.rects[0]?.[1] ?? NaN) - 20);
  expect(after.boxes).toEqual(after.rects);

  // Scrolled out of the scroller's view: the range still has rects, but nothing is drawn.
  await page.evaluate(() => (document.getElementById('scroller')!.scrollTop = 400));
  await frame(page);
  const hidden = await measure(page);
  expect(hidden.rects.length).toBeGreaterThan(0);
  expect(hidden.boxes).toEqual([]);
  // Nothing was written into the editor: the boxes live in Kakunin's own shadow root on <body>.
  expect(await page.evaluate(() => document.querySelector('[contenteditable]')!.children.length)).toBe(0);
});
