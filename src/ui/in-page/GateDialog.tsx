/**
 * Shown when a post is held: why, the approval path (issue 4 plugs in through the gate's
 * `kakunin:request-approval` event) and "post anyway" with a required, recorded reason.
 */
import { useState } from 'preact/hooks';
import { translator, type Lang } from '../i18n/lang';
import { FindingCard } from './FindingCard';
import { fill, messages } from './messages';
import { Pop } from './Pop';
import { ReasonForm } from './ReasonForm';
import type { ReleaseRefusal } from '../../page/gate-types';
import type { ComposerActions, GateView } from './view';

const REFUSALS: Record<ReleaseRefusal, keyof typeof messages> = {
  'audit-failed': 'refusedAuditFailed',
  'override-not-allowed': 'refusedNotAllowed',
  'reason-too-short': 'refusedTooShort',
  'not-held': 'refusedNotHeld',
  'text-changed': 'refusedTextChanged',
};

interface GateDialogProps {
  lang: Lang;
  gate: GateView;
  actions: ComposerActions;
}

export function GateDialog({ lang, gate, actions }: GateDialogProps) {
  const t = translator(lang);
  const [overriding, setOverriding] = useState(false);
  if (gate.phase === 'checking') {
    return (
      <Pop className="pop gate" role="status" label={t(messages.checkingTitle)}>
        <div class="row" style="margin:0;align-items:center">
          <span class="spin" /> {t(messages.checkingTitle)}
        </div>
      </Pop>
    );
  }
  return (
    <Pop className="pop gate" role="alertdialog" label={t(messages.heldTitle)} onEscape={actions.closeGate}>
      <h2>{t(messages.heldTitle)}</h2>
      <p class="why">{t(gate.reason === 'findings' ? messages.heldFindings : messages.heldApproval)}</p>
      {gate.refusal && (
        <p class="refusal" role="alert" data-refusal={gate.refusal}>
          {fill(t(messages[REFUSALS[gate.refusal]]), gate.minReason)}
        </p>
      )}
      {gate.findings.map((f) => (
        <FindingCard key={`${f.rule}@${f.start}`} lang={lang} item={{ key: f.rule, id: f.rule, finding: f, dismissible: false }} />
      ))}
      {overriding ? (
        <ReasonForm
          lang={lang}
          label={t(messages.overrideReason)}
          confirm={t(messages.overrideConfirm)}
          onConfirm={actions.override}
          onCancel={() => setOverriding(false)}
        />
      ) : (
        <div class="row">
          <button type="button" class="act primary" data-action="request-approval" onClick={actions.requestApproval}>
            {t(messages.requestApproval)}
          </button>
          {gate.allowOverride && (
            <button type="button" class="act danger" data-action="override" onClick={() => setOverriding(true)}>
              {t(messages.override)}
            </button>
          )}
          <button type="button" class="act" data-action="back" onClick={actions.closeGate}>
            {t(messages.backToEdit)}
          </button>
        </div>
      )}
    </Pop>
  );
}
