import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding';
import { decidePost, type PostFacts } from '../../src/page/decide-post';
import { FindingsState } from '../../src/page/findings-state';

const TEXT = '黒豆茶です';
const block: Finding = { category: 'compliance', severity: 'block', start: 0, end: 3, text: '黒豆茶', rule: 'compliance/x', message: { ja: 'x', en: 'x' } };
const held = { findings: [block], account: 'company' as const, hold: { held: true, reason: 'findings' as const, allowOverride: true } };
const clean = { findings: [], account: 'company' as const, hold: { held: false, reason: null, allowOverride: true } };
const me = { text: TEXT, handle: 'kakunin_jp' };

function facts(over: Partial<PostFacts> = {}): PostFacts {
  const state = new FindingsState({ holdAt: 'block', allowOverride: true });
  return { draft: me, postButtonFound: true, postButtonOptional: false, reply: { draft: me, value: held }, state, ...over };
}

describe('decidePost', () => {
  it('holds on a held reply for exactly this draft, with the findings that hold', () => {
    expect(decidePost(facts())).toEqual({ kind: 'hold', reason: 'findings', findings: [block], allowOverride: true });
  });

  it('passes a clean reply and an empty draft', () => {
    expect(decidePost(facts({ reply: { draft: me, value: clean } }))).toEqual({ kind: 'pass' });
    expect(decidePost(facts({ draft: { text: '  \n', handle: 'kakunin_jp' }, postButtonFound: false }))).toEqual({ kind: 'pass' });
  });

  it('waits when the reply is for other text or another posting account', () => {
    expect(decidePost(facts({ draft: { ...me, text: `${TEXT}!` } }))).toEqual({ kind: 'pending' });
    expect(decidePost(facts({ draft: { ...me, handle: 'personal' } }))).toEqual({ kind: 'pending' });
    expect(decidePost(facts({ reply: undefined }))).toEqual({ kind: 'pending' });
  });

  it('fails open when the check of this draft failed, or the post button is gone', () => {
    expect(decidePost(facts({ reply: undefined, failure: me }))).toEqual({ kind: 'fail-open', reason: 'unreachable' });
    expect(decidePost(facts({ postButtonFound: false }))).toEqual({ kind: 'fail-open', reason: 'post-button-missing' });
    // …unless the site may have no post button (any-text-box pages): then the reply decides.
    expect(decidePost(facts({ postButtonFound: false, postButtonOptional: true })).kind).toBe('hold');
  });

  it('passes once the finding that held is dismissed; an approval hold stays', () => {
    const state = new FindingsState({ holdAt: 'block', allowOverride: true });
    state.setText(TEXT);
    state.apply(TEXT, [block]);
    state.dismiss('compliance/x|黒豆茶');
    expect(decidePost(facts({ state }))).toEqual({ kind: 'pass' });
    const approval = { ...held, hold: { held: true, reason: 'approval-required' as const, allowOverride: false } };
    expect(decidePost(facts({ state, reply: { draft: me, value: approval } }))).toMatchObject({ kind: 'hold', reason: 'approval-required', allowOverride: false });
  });
});
