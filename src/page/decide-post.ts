/**
 * What one composer says about a post attempt, from what it knows: the draft as it is now, the
 * last check and whether it is for exactly this draft (text and posting account), the last
 * failure, and whether the adapter still finds the post button. Pure, so every branch is tested.
 */
import type { ReplyOf } from '../messaging/protocol';
import { draftKey, type Draft } from './check-loop';
import type { FindingsState } from './findings-state';
import type { Decision } from './gate-types';

export interface PostFacts {
  draft: Draft;
  /** the adapter found this composer's post button */
  postButtonFound: boolean;
  /** the site may legitimately have none (any-text-box pages) */
  postButtonOptional: boolean;
  reply?: { draft: Draft; value: ReplyOf<'checkDraft'> };
  /** the draft whose check last failed (background unreachable or erroring) */
  failure?: Draft;
  state: Pick<FindingsState, 'holding'>;
}

export function decidePost(f: PostFacts): Decision {
  if (f.draft.text.trim() === '') return { kind: 'pass' };
  // The site changed under the adapter: never trap the user (compose-boxes.md, complaint 6).
  if (!f.postButtonFound && !f.postButtonOptional) return { kind: 'fail-open', reason: 'post-button-missing' };
  const key = draftKey(f.draft);
  if (!f.reply || draftKey(f.reply.draft) !== key) {
    return f.failure && draftKey(f.failure) === key ? { kind: 'fail-open', reason: 'unreachable' } : { kind: 'pending' };
  }
  const { hold, findings } = f.reply.value;
  const holding = f.state.holding(findings, hold);
  if (!holding.held || hold.reason === null) return { kind: 'pass' };
  return { kind: 'hold', reason: hold.reason, findings: holding.findings, allowOverride: hold.allowOverride };
}
