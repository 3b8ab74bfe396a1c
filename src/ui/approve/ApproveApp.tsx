/**
 * The approval page (approve.html#req=…): the approver sees the exact text with its findings,
 * checked now, and approves or rejects; the page shows the short approval code to send back.
 * Props in (services), no browser calls here.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DecisionKind } from '../../approval/decision-codec';
import type { Reason } from '../../approval/reason';
import type { ReplyOf } from '../../messaging/protocol';
import { CopyField } from '../common/CopyField';
import { IdentityPanel } from '../common/IdentityPanel';
import { commonMessages } from '../common/messages';
import { ReasonList } from '../common/ReasonList';
import { pickLang, type Lang } from '../i18n/lang';
import { DecisionForm } from './DecisionForm';
import { messages as msg } from './messages';
import { RequestDetails, type OpenedRequest } from './RequestDetails';
import type { ApproveServices } from './services';
import '../common/page.css';

type View =
  | { kind: 'loading' }
  | { kind: 'paste'; error?: Reason }
  | { kind: 'request'; input: string; opened: OpenedRequest; error?: Reason }
  | { kind: 'decided'; input: string; opened: OpenedRequest; code: string; decision: DecisionKind };

export function ApproveApp({ services, lang = pickLang() }: { services: ApproveServices; lang?: Lang }) {
  const [identity, setIdentity] = useState<ReplyOf<'getIdentity'>>();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [failure, setFailure] = useState<string>();
  const [pasted, setPasted] = useState('');
  const resultRef = useRef<HTMLHeadingElement>(null);

  const open = async (input: string) => {
    const opened = await services.open(input);
    setView(opened.ok ? { kind: 'request', input, opened } : { kind: 'paste', error: opened.reason });
  };
  const fail = (e: unknown) => setFailure(e instanceof Error ? e.message : String(e));

  useEffect(() => {
    void services.getIdentity().then(setIdentity, fail);
    const initial = services.initialInput();
    if (initial) void open(initial).catch(fail);
    else setView({ kind: 'paste' });
  }, [services]);

  useLayoutEffect(() => {
    if (view.kind === 'decided') resultRef.current?.focus();
  }, [view.kind]);

  const createIdentity = async (name: string) => {
    await services.createIdentity(name);
    setIdentity(await services.getIdentity());
    if (view.kind === 'request') await open(view.input); // "is this my own request?" depends on the key
  };

  const decide = async (decision: DecisionKind, comment: string) => {
    if (view.kind !== 'request') return;
    const reply = await services.decide(view.input, decision, comment).catch((e: unknown) => (fail(e), undefined));
    if (!reply) return;
    setView(reply.ok ? { kind: 'decided', input: view.input, opened: view.opened, code: reply.code, decision } : { ...view, error: reply.reason });
  };

  return (
    <main class="approve" lang={lang}>
      <h1>{msg.title[lang]}</h1>
      {failure && (
        <p class="alert" role="alert">
          {failure}
        </p>
      )}
      {view.kind === 'loading' && <p role="status">{msg.loading[lang]}</p>}
      {view.kind === 'paste' && (
        <form
          aria-labelledby="paste-title"
          onSubmit={(e) => {
            e.preventDefault();
            if (pasted.trim()) void open(pasted.trim()).catch(fail);
          }}
        >
          <h2 id="paste-title">{msg.pasteTitle[lang]}</h2>
          {view.error && <ReasonList lang={lang} reasons={[view.error]} title={msg.pasteTitle[lang]} />}
          <label>
            <span class="field-label">{msg.pasteLabel[lang]}</span>
            <textarea rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} data-testid="request-input" />
          </label>
          <button type="submit" class="primary" disabled={!pasted.trim()}>
            {msg.open[lang]}
          </button>
        </form>
      )}
      {view.kind === 'paste' && identity && !identity.identity && (
        // An approver's first visit: make the key here and send the public key to the administrator.
        <IdentityPanel lang={lang} identity={null} supported={identity.supported} create={createIdentity} copy={services.copy} />
      )}
      {(view.kind === 'request' || view.kind === 'decided') && <RequestDetails lang={lang} opened={view.opened} />}
      {view.kind === 'request' && view.opened.self && (
        <p class="alert" role="alert" data-testid="self">
          {msg.self[lang]}
        </p>
      )}
      {view.kind === 'request' && !view.opened.self && !view.opened.expired && identity && (
        <>
          {!identity.identity && <p>{msg.needIdentity[lang]}</p>}
          {identity.identity ? (
            <>
              {view.error && <ReasonList lang={lang} reasons={[view.error]} />}
              <p class="hint">
                {msg.signedAs[lang]}: {identity.identity.name} · {commonMessages.keyId[lang]} <code>{identity.identity.keyId}</code>
              </p>
              <DecisionForm lang={lang} decide={decide} />
            </>
          ) : (
            <IdentityPanel lang={lang} identity={null} supported={identity.supported} create={createIdentity} copy={services.copy} />
          )}
        </>
      )}
      {view.kind === 'decided' && (
        <section aria-labelledby="result-title" data-decision={view.decision}>
          <h2 id="result-title" tabIndex={-1} ref={resultRef}>
            {view.decision === 'approve' ? msg.approvedTitle[lang] : msg.rejectedTitle[lang]}
          </h2>
          <p>{msg.resultHelp[lang]}</p>
          <CopyField lang={lang} label={msg.resultCode[lang]} value={view.code} copy={services.copy} rows={3} testId="approval-code" />
        </section>
      )}
      {(view.kind === 'request' || view.kind === 'decided') && (
        <p>
          <button type="button" onClick={() => setView({ kind: 'paste' })}>
            {msg.openOther[lang]}
          </button>
        </p>
      )}
      {identity?.identity && view.kind !== 'loading' && (
        <IdentityPanel lang={lang} identity={identity.identity} supported={identity.supported} create={createIdentity} copy={services.copy} compact headingLevel={2} />
      )}
    </main>
  );
}
