/** A required reason (dismissing a finding, posting anyway): recorded in the audit log. */
import { useState } from 'preact/hooks';
import { translator, type Lang } from '../i18n/lang';
import { fill, messages } from './messages';
import { MAX_REASON, MIN_REASON } from './view';

interface ReasonFormProps {
  lang: Lang;
  label: string;
  confirm: string;
  onConfirm: (reason: string) => Promise<void> | void;
  onCancel: () => void;
}

export function ReasonForm({ lang, label, confirm, onConfirm, onCancel }: ReasonFormProps) {
  const t = translator(lang);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ok = [...reason.trim()].length >= MIN_REASON;
  return (
    <form
      class="reason-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok || busy) return;
        setBusy(true);
        void Promise.resolve(onConfirm(reason.trim())).finally(() => setBusy(false));
      }}
    >
      <label>
        <span class="label">{label}</span>
        <textarea class="reason" value={reason} maxLength={MAX_REASON} onInput={(e) => setReason(e.currentTarget.value)} autoFocus />
      </label>
      <div class="hint">{fill(t(messages.overrideHint), MIN_REASON)}</div>
      <div class="row">
        <button type="submit" class="act primary" disabled={!ok || busy}>
          {confirm}
        </button>
        <button type="button" class="act" onClick={onCancel}>
          {t(messages.cancel)}
        </button>
      </div>
    </form>
  );
}
