// Typing helpers. `page.keyboard.type` sends Japanese as Input.insertText with no
// composition; typeWithIme drives a real IME composition through CDP instead:
// Input.imeSetComposition with growing text, then Input.insertText commits
// (compositionupdate, input with isComposing=true, compositionend; no ordinary
// input after it; see compose-boxes.md).
import type { CDPSession, Page } from 'playwright-core';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

const pause = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export interface ImeOptions {
  /** Milliseconds between composition steps (default 0). */
  delay?: number;
  /**
   * Milliseconds after each commit (default 50), as a person pauses between
   * conversions. Draft.js resolves a composition 20 ms after compositionend;
   * a new composition inside that window loses or duplicates text or moves the
   * caret to the start (seen with draft-js 0.11.7 + React 18).
   */
  settle?: number;
}

export interface TypeWithImeOptions extends ImeOptions {
  /** Characters per composition (default 4); each chunk is composed then committed. */
  chunk?: number;
}

/**
 * One composition: shows `reading` growing a character at a time, then commits
 * `commit` (default: the reading), like typing かんじ and converting to 漢字.
 */
export async function composeWithIme(page: Page, reading: string, commit = reading, options: ImeOptions = {}): Promise<void> {
  const session = await cdp(page);
  const chars = [...reading];
  for (let i = 1; i <= chars.length; i++) {
    const text = chars.slice(0, i).join('');
    await session.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await pause(options.delay ?? 0);
  }
  await session.send('Input.insertText', { text: commit });
  await pause(options.settle ?? 50);
}

/** Types `text` as IME compositions of `chunk` characters; "\n" is an Enter key press. */
export async function typeWithIme(page: Page, text: string, options: TypeWithImeOptions = {}): Promise<void> {
  const size = Math.max(1, options.chunk ?? 4);
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    const chars = [...line];
    for (let start = 0; start < chars.length; start += size) {
      await composeWithIme(page, chars.slice(start, start + size).join(''), undefined, options);
    }
  }
}

/** Ordinary typing (Japanese arrives as insertText, "\n" as Enter). */
export function typeText(page: Page, text: string, delay = 20): Promise<void> {
  return page.keyboard.type(text, { delay });
}
