/** Approve or reject, with an optional comment that travels inside the signed code. */
import { useState } from 'preact/hooks';
import type { DecisionKind } from '../../approval/decision-codec';
import type { Lang } from '../i18n/lang';
import { messages as msg } from './messages';

export function DecisionForm({ lang, decide }: { lang: Lang; decide: (d: DecisionKind, comment: string) => Promise<void> }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<DecisionKind>();
  const run = (d: DecisionKind) => {
    if (busy) return;
    setBusy(d);
    void decide(d, comment.trim()).finally(() => setBusy(undefined));
  };
  return (
    <section aria-labelledby="decide-title">
      <h2 id="decide-title">{msg.decideTitle[lang]}</h2>
      <label>
        <span class="field-label">{msg.comment[lang]}</span>
        <textarea rows={3} maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} data-testid="comment" />
      </label>
      <div class="row">
        <button type="button" class="primary" disabled={!!busy} onClick={() => run('approve')} data-action="approve">
          {busy === 'approve' ? msg.signing[lang] : msg.approve[lang]}
        </button>
        <button type="button" class="danger" disabled={!!busy} onClick={() => run('reject')} data-action="reject">
          {busy === 'reject' ? msg.signing[lang] : msg.reject[lang]}
        </button>
      </div>
    </section>
  );
}
