// @vitest-environment happy-dom
// The note adapter on the fixture's two pages (tests/e2e/fixtures/note: title + real TipTap body
// on /notes/{id}/edit/, publish settings on /notes/{id}/publish/).
import { describe, expect, it } from 'vitest';
import { NOTE_SELECTORS, NOTE_SELECTOR_COUNTS, note } from '../../src/sites/note';
import { loadFixture } from './support/fixture-dom';
import { expectSelectorCounts } from './support/selector-proof';

const EDIT = '/notes/n0a1b2c3d4e5/edit/';
const PUBLISH = '/notes/n0a1b2c3d4e5/publish/';

describe('note adapter on the fixture', () => {
  it('matches the proof counts on the edit page and on the publish page', async () => {
    await loadFixture('note', { path: EDIT });
    expectSelectorCounts(NOTE_SELECTORS, NOTE_SELECTOR_COUNTS, 'edit', 'edit page');
    await loadFixture('note', { path: PUBLISH });
    expectSelectorCounts(NOTE_SELECTORS, NOTE_SELECTOR_COUNTS, 'publish', 'publish page');
  });

  it('finds the TipTap body, then the title textarea, the button that leads on, and the author', async () => {
    await loadFixture('note', { path: EDIT });
    const found = note.findComposers(document);
    expect(found.map((c) => [c.kind, c.editor.getAttribute('aria-label') ?? c.editor.getAttribute('placeholder')])).toEqual([
      ['prosemirror', '本文'],
      ['textarea', '記事タイトル'],
    ]);
    expect(note.findPostButton(found[1]!.editor)?.textContent).toBe('公開に進む');
    expect(note.findPostButton(found[0]!.editor)?.textContent).toBe('公開に進む');
    expect(note.readAccount(found[0]!.editor)).toBe('kakunin_koho');
  });

  it('names the draft by the note id on both pages and finds 投稿する on the last one only', async () => {
    const step = note.laterStep!;
    expect([step.draftId({ pathname: EDIT }), step.isFinalPage({ pathname: EDIT })]).toEqual(['n0a1b2c3d4e5', false]);
    expect([step.draftId({ pathname: PUBLISH }), step.isFinalPage({ pathname: PUBLISH })]).toEqual(['n0a1b2c3d4e5', true]);
    expect(step.draftId({ pathname: '/kakunin_koho/n/n0a1b2c3d4e5' })).toBeUndefined();
    expect(step.draftId({ pathname: '/notes/new' })).toBeUndefined();
    await loadFixture('note', { path: EDIT });
    expect(step.findFinalButton(document)).toBeNull();
    await loadFixture('note', { path: PUBLISH });
    expect(step.findFinalButton(document)?.textContent).toBe('投稿する');
  });

  it('declares note.com and editor.note.com and uses "note" as its key; Ctrl+Enter does not post', () => {
    expect(note.matches).toEqual(['https://note.com/*', 'https://editor.note.com/*']);
    expect(note.siteKey({ host: 'editor.note.com' })).toBe('note');
    expect(note.quirks?.keyboardSubmit).toBe(false);
  });
});
