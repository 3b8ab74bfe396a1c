/** A read-only code or link with a Copy button; the text stays selectable when copying is refused. */
import { useState } from 'preact/hooks';
import type { Lang } from '../i18n/lang';
import { commonMessages as msg } from './messages';

interface CopyFieldProps {
  lang: Lang;
  label: string;
  value: string;
  copy: (text: string) => Promise<void>;
  /** rows of the textarea; one-line input when omitted */
  rows?: number;
  testId?: string;
}

export function CopyField({ lang, label, value, copy, rows, testId }: CopyFieldProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const select = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).select();
  return (
    <div class="copy-field">
      <label>
        <span class="field-label">{label}</span>
        {rows ? (
          <textarea readOnly rows={rows} value={value} onFocus={select} data-testid={testId} spellcheck={false} />
        ) : (
          <input readOnly value={value} onFocus={select} data-testid={testId} spellcheck={false} />
        )}
      </label>
      <button
        type="button"
        onClick={() =>
          void copy(value).then(
            () => setState('copied'),
            () => setState('failed'),
          )
        }
      >
        {msg.copy[lang]}
      </button>
      <span role="status" class="copy-status">
        {state === 'copied' ? msg.copied[lang] : state === 'failed' ? msg.copyFailed[lang] : ''}
      </span>
    </div>
  );
}
