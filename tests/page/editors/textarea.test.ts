// @vitest-environment happy-dom
// Value-based fields: a <textarea>, and a one-line <input> on "any text box" pages.
import { afterEach, describe, expect, it } from 'vitest';
import { textareaEditor } from '../../../src/page/editors/textarea';

afterEach(() => {
  document.body.innerHTML = '';
});

const mirrorBox = () => document.querySelector('kakunin-mirror')!.shadowRoot!.querySelector<HTMLElement>('.m')!;

describe('textarea editor module', () => {
  it('reads a one-line input by its value and draws on an unwrapped mirror', () => {
    document.body.innerHTML = '<input type="text" value="タイトル: 黒豆茶の会">';
    const input = document.querySelector('input')!;
    const snap = textareaEditor.read(input);
    expect(snap.text).toBe('タイトル: 黒豆茶の会');
    expect(snap.rangeFor(6, 9)?.toString()).toBe('黒豆茶');
    expect(mirrorBox().style.whiteSpace).toBe('pre');
    textareaEditor.dispose?.(input);
    expect(document.querySelector('kakunin-mirror')).toBeNull();
  });

  it('keeps a textarea wrapping on its mirror', () => {
    document.body.innerHTML = '<textarea>一行目\n黒豆茶</textarea>';
    const textarea = document.querySelector('textarea')!;
    const snap = textareaEditor.read(textarea);
    expect(snap.rangeFor(4, 7)?.toString()).toBe('黒豆茶');
    expect(mirrorBox().style.whiteSpace).toBe('pre-wrap');
  });
});
