/** Approval for one composer from the popup: request (link and code to send), then paste the codes back. */
import { useState } from 'preact/hooks';
import type { ComposerState, PageReply } from '../../messaging/page-protocol';
import { CopyField } from '../common/CopyField';
import { formatTime } from '../common/format';
import { ReasonList } from '../common/ReasonList';
import type { Lang } from '../i18n/lang';
import { fill, messages as msg } from './messages';
import type { PopupServices } from './services';

interface ApprovalBoxProps {
  lang: Lang;
  composer: ComposerState;
  services: PopupServices;
  /** re-read the page after a change */
  refresh: () => Promise<void>;
}

type Outcome = PageReply<'verifyApproval'> | { ok: false; error: string; needIdentity?: boolean };

export function ApprovalBox({ lang, composer, services, refresh }: ApprovalBoxProps) {
  const [busy, setBusy] = useState<'request' | 'verify'>();
  const [codes, setCodes] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const a = composer.approval;

  const request = async () => {
    setBusy('request');
    setOutcome(undefined);
    const r = await services.requestApproval(composer.id).catch((e: unknown) => ({ ok: false as const, error: String(e), needIdentity: false }));
    if (!r.ok) setOutcome(r);
    await refresh();
    setBusy(undefined);
  };
  const verify = async () => {
    setBusy('verify');
    const r = await services.verifyApproval(composer.id, codes).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    setOutcome(r);
    if (r.ok) setCodes('');
    await refresh();
    setBusy(undefined);
  };

  return (
    <section class="approval" aria-labelledby={`approval-${composer.id}`}>
      <h2 id={`approval-${composer.id}`}>{msg.approval[lang]}</h2>
      {a && a.stale && <p class="warn-note">{msg.stale[lang]}</p>}
      {a && !a.stale && (
        <div data-testid="approval-request">
          <p>{msg.sendThis[lang]}</p>
          <CopyField lang={lang} label={msg.link[lang]} value={a.link} copy={services.copy} testId="request-link" />
          <CopyField lang={lang} label={msg.code[lang]} value={a.code} copy={services.copy} testId="request-code" />
          <p class="hint">
            {msg.expires[lang]}: {formatTime(a.expiresAt, lang)} · {fill(msg.required[lang], a.required)}
          </p>
          {a.approvers.length ? (
            <p>
              {msg.approvers[lang]}: {a.approvers.map((p) => `${p.name} (${p.keyId})`).join('、')}
            </p>
          ) : (
            <p class="warn-note">{msg.noApprovers[lang]}</p>
          )}
        </div>
      )}
      {(!a || a.stale) && (
        <button type="button" class="primary" disabled={busy !== undefined || composer.decision === 'empty'} onClick={() => void request()}>
          {busy === 'request' ? msg.requesting[lang] : a ? msg.requestAgain[lang] : msg.requestApproval[lang]}
        </button>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (codes.trim() && !busy) void verify();
        }}
      >
        <label>
          <span class="field-label">{msg.pasteCodes[lang]}</span>
          <textarea rows={3} value={codes} onInput={(e) => setCodes(e.currentTarget.value)} data-testid="approval-codes" />
        </label>
        <button type="submit" disabled={!codes.trim() || busy !== undefined}>
          {busy === 'verify' ? msg.verifying[lang] : msg.verify[lang]}
        </button>
      </form>
      {outcome?.ok && (
        <p class="ok-note" role="status" data-testid="verified">
          {fill(msg.verified[lang], outcome.approvers.map((p) => p.name).join('、'))}
        </p>
      )}
      {outcome && !outcome.ok && 'reasons' in outcome && <ReasonList lang={lang} reasons={outcome.reasons} />}
      {outcome && !outcome.ok && 'error' in outcome && (
        <p class="alert" role="alert">
          {outcome.needIdentity ? msg.needKey[lang] : `${msg.failed[lang]}: ${outcome.error}`}
        </p>
      )}
    </section>
  );
}
