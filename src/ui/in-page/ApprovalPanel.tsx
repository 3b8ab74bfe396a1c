/**
 * The requester's side of approval inside the page (issue 4): create the key if needed, show
 * the request link and code to send, the approvers, and a box for the approval codes that come
 * back. Props in, actions out; rendered by src/page/approval-host.ts in its own shadow root.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApprovalInfo, ReasonView } from '../../messaging/page-protocol';
import { translator, type Lang } from '../i18n/lang';
import { approvalMessages as msg } from './approval-messages';
import { fill } from './messages';
import { Pop } from './Pop';

export interface ApprovalPanelView {
  lang: Lang;
  phase: 'identity' | 'requesting' | 'requested' | 'verifying' | 'released' | 'error';
  approval?: ApprovalInfo;
  reasons?: ReasonView[];
  error?: string;
}

export interface ApprovalPanelActions {
  createIdentity(name: string): void;
  requestAgain(): void;
  copy(text: string): Promise<boolean>;
  verify(codes: string): void;
  close(): void;
}

function Copy({ t, label, value, copy, kind }: { t: (m: { ja: string; en: string }) => string; label: string; value: string; copy: ApprovalPanelActions['copy']; kind: string }) {
  const [done, setDone] = useState(false);
  return (
    <label class="copy">
      <span class="label">{label}</span>
      <input class="reason" readOnly value={value} data-approval={kind} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" class="act" onClick={() => void copy(value).then(setDone)}>
        {done ? t(msg.copied) : t(msg.copy)}
      </button>
    </label>
  );
}

export function ApprovalPanel({ view, actions }: { view: ApprovalPanelView; actions: ApprovalPanelActions }) {
  const t = translator(view.lang);
  const [name, setName] = useState('');
  const [codes, setCodes] = useState('');
  const a = view.approval;
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The gate dialog's button that opened us is gone: keyboard focus comes into the panel.
    const first = body.current?.querySelector<HTMLElement>(view.phase === 'requested' ? '[data-approval="request"] button' : 'input, button');
    if (view.phase !== 'requesting' && view.phase !== 'verifying') first?.focus();
  }, [view.phase]);
  return (
    <Pop className="pop approval" role="dialog" label={t(msg.title)} onEscape={actions.close}>
      <div ref={body}>
        <h2>{t(msg.title)}</h2>
        {view.phase === 'identity' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) actions.createIdentity(name.trim());
            }}
          >
            <p>{t(msg.needKey)}</p>
            <label>
              <span class="label">{t(msg.name)}</span>
              <input class="reason" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} autoFocus />
            </label>
            <div class="row">
              <button type="submit" class="act primary" disabled={!name.trim()}>
                {t(msg.createKey)}
              </button>
            </div>
          </form>
        )}
        {view.phase === 'requesting' && (
          <p role="status">
            <span class="spin" /> {t(msg.working)}
          </p>
        )}
        {view.phase === 'error' && (
          <p role="alert">
            {t(msg.failed)}: {view.error}
          </p>
        )}
        {a && view.phase !== 'requesting' && (
          <div data-approval="request">
            {a.stale ? (
              <p role="alert">
                {t(msg.stale)}{' '}
                <button type="button" class="act" onClick={actions.requestAgain}>
                  {t(msg.again)}
                </button>
              </p>
            ) : (
              <p>{t(msg.send)}</p>
            )}
            <Copy t={t} label={t(msg.link)} value={a.link} copy={actions.copy} kind="link" />
            <Copy t={t} label={t(msg.code)} value={a.code} copy={actions.copy} kind="code" />
            <p class="hint">
              {t(msg.expires)}: {new Date(a.expiresAt).toLocaleString(view.lang === 'ja' ? 'ja-JP' : 'en-GB')} · {fill(t(msg.required), a.required)}
            </p>
            {a.approvers.length ? (
              <p>
                <span class="label">{t(msg.approvers)}</span>
                {a.approvers.map((p) => `${p.name} (${p.keyId})`).join('、')}
              </p>
            ) : (
              <p role="alert">{t(msg.noApprovers)}</p>
            )}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (codes.trim() && view.phase !== 'verifying') actions.verify(codes);
              }}
            >
              <label>
                <span class="label">{t(msg.paste)}</span>
                <textarea class="reason" data-approval="codes" value={codes} onInput={(e) => setCodes(e.currentTarget.value)} />
              </label>
              {view.reasons && (
                <div role="alert" data-approval="reasons">
                  <strong>{t(msg.refused)}</strong>
                  {view.reasons.map((r, i) => (
                    <p key={i} data-reason={r.code}>
                      {r.message[view.lang]}
                    </p>
                  ))}
                </div>
              )}
              {view.phase === 'released' && <p role="status">{t(msg.released)}</p>}
              <div class="row">
                <button type="submit" class="act primary" data-approval="verify" disabled={!codes.trim() || view.phase === 'verifying'}>
                  {view.phase === 'verifying' ? t(msg.verifying) : t(msg.verify)}
                </button>
              </div>
            </form>
          </div>
        )}
        <div class="row">
          <button type="button" class="act" data-approval="close" onClick={actions.close}>
            {t(msg.close)}
          </button>
        </div>
      </div>
    </Pop>
  );
}
