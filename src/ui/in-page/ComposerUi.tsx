/** Everything Kakunin shows for one composer: the badge, the findings panel, the gate, notices. */
import { translator } from '../i18n/lang';
import { FindingCard } from './FindingCard';
import { GateDialog } from './GateDialog';
import { fill, messages } from './messages';
import { Pop } from './Pop';
import type { ComposerActions, ComposerView, Notice } from './view';

/** Cards rendered at most: a huge draft with hundreds of hits must not build hundreds of cards. */
export const MAX_CARDS = 50;

const NOTICES: Record<Notice, keyof typeof messages> = {
  unreachable: 'noticeUnreachable',
  'failed-open': 'noticeFailedOpen',
  'post-button-missing': 'noticeNoPostButton',
  'audit-failed': 'noticeAuditFailed',
  'approval-unavailable': 'approvalUnavailable',
};

export function ComposerUi({ view, actions }: { view: ComposerView; actions: ComposerActions }) {
  const t = translator(view.lang);
  const { counts } = view;
  const label = view.unavailable
    ? t(messages.badgeUnavailable)
    : view.checking
      ? t(messages.badgeChecking)
      : view.state === 'ok'
        ? t(messages.badgeOk)
        : t(messages.badgeFindings);
  return (
    <div class="ui">
      <button
        type="button"
        class="badge"
        data-state={view.state}
        data-unavailable={view.unavailable || undefined}
        aria-label={label}
        title={label}
        aria-expanded={view.panelOpen}
        // Keep the caret in the editor: a mousedown on the badge must not take focus from it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => actions.togglePanel()}
      >
        {view.checking ? <span class="spin" /> : <span>{view.unavailable ? '確認 ?' : '確認'}</span>}
        {(['block', 'warn', 'info'] as const).map((s) => (
          <span class="count" data-severity={s} key={s}>
            <span class={`dot ${s}`} />
            {counts[s]}
          </span>
        ))}
      </button>
      {view.panelOpen && !view.gate && (
        <Pop className="pop panel" role="dialog" label={t(messages.panelTitle)} onEscape={() => actions.togglePanel(false)}>
          <h2>{t(messages.panelTitle)}</h2>
          {view.findings.length === 0 && <p>{t(messages.noFindings)}</p>}
          {view.findings.slice(0, MAX_CARDS).map((item) => (
            <FindingCard key={item.id} lang={view.lang} item={item} onDismiss={actions.dismiss} />
          ))}
          {view.findings.length > MAX_CARDS && <p>{fill(t(messages.more), view.findings.length - MAX_CARDS)}</p>}
          <div class="row">
            <button type="button" class="act" onClick={() => actions.togglePanel(false)}>
              {t(messages.closeFindings)}
            </button>
          </div>
        </Pop>
      )}
      {view.gate && <GateDialog lang={view.lang} gate={view.gate} actions={actions} />}
      {view.notice && (
        <Pop className="notice" role="status" label={t(messages[NOTICES[view.notice]])} onEscape={actions.clearNotice}>
          {t(messages[NOTICES[view.notice]])}
          <button type="button" class="act" onClick={actions.clearNotice}>
            ×
          </button>
        </Pop>
      )}
    </div>
  );
}
