import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckLoop, type Draft, type Outcome } from '../../src/page/check-loop';

/** A fake background: records every request and answers when the test says so. */
function harness(debounceMs = 300) {
  let text = '';
  let handle: string | undefined = 'kakunin_jp';
  const sent: Draft[] = [];
  const pending: Array<{ draft: Draft; resolve: (r: string) => void; reject: (e: unknown) => void }> = [];
  const outcomes: Array<Outcome<string>> = [];
  const loop = new CheckLoop<string>({
    read: () => ({ text, handle }),
    send: (draft) =>
      new Promise<string>((resolve, reject) => {
        sent.push(draft);
        pending.push({ draft, resolve, reject });
      }),
    onOutcome: (o) => outcomes.push(o),
    debounceMs,
  });
  return {
    loop,
    sent,
    outcomes,
    type(next: string) {
      text = next;
      loop.changed();
    },
    setText(next: string) {
      text = next;
    },
    setHandle(next: string | undefined) {
      handle = next;
    },
    /** Answers request i with `result-of:<text>` and lets the promise callbacks run. */
    async answer(i: number, error?: Error) {
      const p = pending[i]!;
      if (error) p.reject(error);
      else p.resolve(`result-of:${p.draft.text}`);
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('CheckLoop', () => {
  it('sends once after typing pauses for the debounce', async () => {
    const h = harness(300);
    h.type('宗');
    await vi.advanceTimersByTimeAsync(200);
    h.type('宗教');
    await vi.advanceTimersByTimeAsync(299);
    expect(h.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sent.map((d) => d.text)).toEqual(['宗教']);
    await h.answer(0);
    expect(h.outcomes).toEqual([expect.objectContaining({ result: 'result-of:宗教', seq: 1 })]);
  });

  it('never sends during an IME composition, and sends at once on compositionend', async () => {
    const h = harness(300);
    h.loop.compositionStart();
    h.type('しゅう'); // composing input events
    await vi.advanceTimersByTimeAsync(2000);
    h.type('しゅうきょう');
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.sent).toEqual([]);
    h.setText('宗教');
    h.loop.compositionEnd();
    expect(h.sent.map((d) => d.text)).toEqual(['宗教']);
  });

  it('cancels a debounce that was pending when a composition starts', async () => {
    const h = harness(300);
    h.type('今日は');
    await vi.advanceTimersByTimeAsync(100);
    h.loop.compositionStart();
    h.setText('今日はしゅう');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([]);
  });

  it('keeps one request in flight; edits made meanwhile are checked when it returns', async () => {
    const h = harness(100);
    h.type('一');
    await vi.advanceTimersByTimeAsync(100);
    h.type('一二');
    await vi.advanceTimersByTimeAsync(100);
    h.type('一二三');
    await vi.advanceTimersByTimeAsync(100);
    expect(h.sent.map((d) => d.text)).toEqual(['一']);
    await h.answer(0);
    expect(h.sent.map((d) => d.text)).toEqual(['一', '一二三']);
  });

  it('does not re-check a text it already has the result for', async () => {
    const h = harness(100);
    h.type('同じ');
    await vi.advanceTimersByTimeAsync(100);
    await h.answer(0);
    h.type('同じ');
    await vi.advanceTimersByTimeAsync(500);
    h.loop.compositionEnd();
    expect(h.sent).toHaveLength(1);
  });

  it('re-checks the same text for another posting account', async () => {
    const h = harness(100);
    h.type('同じ');
    await vi.advanceTimersByTimeAsync(100);
    await h.answer(0);
    h.setHandle('personal_me');
    h.loop.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(h.sent.map((d) => d.handle)).toEqual(['kakunin_jp', 'personal_me']);
  });

  it('drops a reply that arrives after reset (stale sequence number)', async () => {
    const h = harness(100);
    h.type('古い');
    await vi.advanceTimersByTimeAsync(100);
    h.loop.reset();
    h.type('新しい');
    await vi.advanceTimersByTimeAsync(100);
    expect(h.sent.map((d) => d.text)).toEqual(['古い', '新しい']);
    await h.answer(1);
    await h.answer(0);
    expect(h.outcomes.map((o) => [o.seq, 'result' in o && o.result])).toEqual([[2, 'result-of:新しい']]);
  });

  describe('flush (the gate)', () => {
    it('resolves at once with the known result for the current text', async () => {
      const h = harness(100);
      h.type('確認済み');
      await vi.advanceTimersByTimeAsync(100);
      await h.answer(0);
      await expect(h.loop.flush()).resolves.toMatchObject({ result: 'result-of:確認済み' });
      expect(h.sent).toHaveLength(1);
    });

    it('sends at once when the user posts before the debounce fired', async () => {
      const h = harness(300);
      h.type('すぐ投稿');
      const flushed = h.loop.flush();
      expect(h.sent.map((d) => d.text)).toEqual(['すぐ投稿']);
      await h.answer(0);
      await expect(flushed).resolves.toMatchObject({ result: 'result-of:すぐ投稿' });
      // The debounce that was pending does not send the same text again.
      await vi.advanceTimersByTimeAsync(1000);
      expect(h.sent).toHaveLength(1);
    });

    it('waits past an in-flight check of older text for the current text', async () => {
      const h = harness(100);
      h.type('途中');
      await vi.advanceTimersByTimeAsync(100);
      h.setText('途中まで書いた');
      const flushed = h.loop.flush();
      await h.answer(0);
      expect(h.sent.map((d) => d.text)).toEqual(['途中', '途中まで書いた']);
      await h.answer(1);
      await expect(flushed).resolves.toMatchObject({ result: 'result-of:途中まで書いた' });
    });

    it('resolves with the error when the background does not answer (the gate then fails open)', async () => {
      const h = harness(100);
      h.type('届かない');
      const flushed = h.loop.flush();
      await h.answer(0, new Error('Could not establish connection'));
      await expect(flushed).resolves.toMatchObject({ error: expect.any(Error) });
      // Errors are not cached: the next flush asks again.
      void h.loop.flush();
      expect(h.sent).toHaveLength(2);
    });
  });
});
