/**
 * Checks what the user types against the built-in and company lists, through the background
 * (the same engine and settings as a real draft), debounced so typing stays smooth.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountKind } from '../../engine/finding';
import { SITE_IDS } from '../../storage/settings-schema';
import { useOptions } from './context';
import { CATEGORY_LABELS, messages, SEVERITY_LABELS } from './messages';
import type { CheckReply } from './services';
import { useDebounced } from './use-debounced';

export function TrySentence() {
  const { t, lang, services, data } = useOptions();
  const [text, setText] = useState('');
  const [account, setAccount] = useState<AccountKind>('company');
  const [site, setSite] = useState<string>('x');
  const [reply, setReply] = useState<CheckReply>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const settled = useDebounced(text, 300);

  useEffect(() => {
    if (!settled.trim()) {
      setReply(undefined);
      setError(undefined);
      return;
    }
    let live = true;
    setBusy(true);
    services.check(settled, { site, account }).then(
      (r) => {
        if (!live) return;
        setReply(r);
        setError(undefined);
        setBusy(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError((e as Error).message);
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
    // data.own: re-check when the lists change (the background rebuilds its engine)
  }, [settled, site, account, services, data.own]);

  const findings = reply?.findings ?? [];
  return (
    <section id="try" class="section" aria-labelledby="try-title">
      <h2 id="try-title">{t(messages.trySentence)}</h2>
      <p>{t(messages.tryIntro)}</p>
      <div class="field">
        <label for="try-text">{t(messages.tryText)}</label>
        <textarea id="try-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="try-account">{t(messages.tryAccount)}</label>
          <select id="try-account" value={account} onChange={(e) => setAccount(e.currentTarget.value as AccountKind)}>
            <option value="company">{t(messages.company)}</option>
            <option value="personal">{t(messages.personal)}</option>
          </select>
        </div>
        <div class="field">
          <label for="try-site">{t(messages.site)}</label>
          <select id="try-site" value={site} onChange={(e) => setSite(e.currentTarget.value)}>
            {SITE_IDS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="try-result" aria-live="polite" aria-busy={busy}>
        {busy && <p>{t(messages.checking)}</p>}
        {error && (
          <p class="error">
            {t(messages.checkFailed)} {error}
          </p>
        )}
        {!busy && !error && reply && (
          <>
            <p data-testid="findings-count">{findings.length ? t(messages.findingsCount(findings.length)) : t(messages.noFindings)}</p>
            {reply.hold.held && <p class="warning">{t(reply.hold.reason === 'approval-required' ? messages.wouldHoldApproval : messages.wouldHold)}</p>}
            <ul class="findings">
              {findings.map((f) => (
                <li key={`${f.rule}:${f.start}`} class={`finding sev-${f.severity}`}>
                  <span class={`sev sev-${f.severity}`}>{t(SEVERITY_LABELS[f.severity])}</span> <mark>{f.text}</mark> — {f.message[lang]}
                  <br />
                  <small>
                    {t(CATEGORY_LABELS[f.category])} · <code>{f.rule}</code>
                    {f.suggestion && (
                      <>
                        {' '}
                        · {t(messages.suggestion)}: {f.suggestion[lang]}
                      </>
                    )}
                    {f.basis && (
                      <>
                        {' '}
                        · {t(messages.basis)}: {f.basis}
                      </>
                    )}
                  </small>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
