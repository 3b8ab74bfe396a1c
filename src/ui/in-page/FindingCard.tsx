/** One finding: category, severity, the words, why, legal basis, suggestion, dismiss with reason. */
import { useState } from 'preact/hooks';
import { translator, type Lang } from '../i18n/lang';
import { CATEGORY_LABELS, messages, SEVERITY_LABELS } from './messages';
import { ReasonForm } from './ReasonForm';
import type { ShownFinding } from './view';

interface FindingCardProps {
  lang: Lang;
  item: ShownFinding;
  onDismiss?: (key: string, reason: string) => Promise<void>;
}

export function FindingCard({ lang, item, onDismiss }: FindingCardProps) {
  const t = translator(lang);
  const f = item.finding;
  const [dismissing, setDismissing] = useState(false);
  const category = CATEGORY_LABELS[f.category];
  return (
    <div class={`card ${f.severity}`} data-rule={f.rule} data-severity={f.severity}>
      <div class="head">
        <span class={`tag ${f.severity}`}>{t(SEVERITY_LABELS[f.severity])}</span>
        <span class="tag">{category ? t(category) : f.category}</span>
        <span class="quote">「{f.text}」</span>
      </div>
      <p>
        <span class="label">{t(messages.why)}</span>
        {f.message[lang]}
      </p>
      {f.basis && (
        <p>
          <span class="label">{t(messages.basis)}</span>
          {f.basis}
        </p>
      )}
      {f.suggestion && (
        <p>
          <span class="label">{t(messages.suggestion)}</span>
          {f.suggestion[lang]}
        </p>
      )}
      {onDismiss && item.dismissible && !dismissing && (
        <div class="row">
          <button type="button" class="act" onClick={() => setDismissing(true)}>
            {t(messages.dismiss)}
          </button>
        </div>
      )}
      {onDismiss && dismissing && (
        <ReasonForm
          lang={lang}
          label={t(messages.dismissReason)}
          confirm={t(messages.dismissConfirm)}
          onConfirm={(reason) => onDismiss(item.key, reason)}
          onCancel={() => setDismissing(false)}
        />
      )}
    </div>
  );
}
