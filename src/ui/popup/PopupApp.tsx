/**
 * The toolbar popup: for the active tab's compose box, findings by category, the company's
 * pre-post checklist, hold and approval state, and requesting / entering approval codes (the same
 * flow as in the page, through the content script). Props in, no browser calls here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageReply } from '../../messaging/page-protocol';
import type { ReplyOf } from '../../messaging/protocol';
import type { ApprovalPolicyIssue } from '../../storage/approval-policy';
import type { ChecklistItem } from '../../storage/settings-schema';
import { IdentityPanel } from '../common/IdentityPanel';
import { pickLang, type Lang } from '../i18n/lang';
import { ComposerCard } from './ComposerCard';
import { fill, messages as msg } from './messages';
import type { PopupServices } from './services';
import '../common/page.css';
import './popup.css';

type Page = PageReply<'pageState'> | null;

export function PopupApp({ services, lang = pickLang() }: { services: PopupServices; lang?: Lang }) {
  const [identity, setIdentity] = useState<ReplyOf<'getIdentity'>>();
  const [page, setPage] = useState<Page>();
  const [checklist, setChecklist] = useState<ChecklistItem[]>([]);
  const [selected, setSelected] = useState<number>();
  const [ticks, setTicks] = useState<Record<number, string[]>>({});
  const [failure, setFailure] = useState<string>();
  const [issues, setIssues] = useState<ApprovalPolicyIssue[]>([]);

  const refresh = async () => {
    const state = (await services.pageState()) ?? null;
    setPage(state);
    if (state) {
      const loaded = await Promise.all(state.composers.map(async (c) => [c.id, await services.loadTicks(c.id)] as const));
      setTicks(Object.fromEntries(loaded));
    }
  };

  useEffect(() => {
    const fail = (e: unknown) => setFailure(e instanceof Error ? e.message : String(e));
    void services.getIdentity().then(setIdentity, fail);
    void services.checklist().then(setChecklist, fail);
    void services.approvalIssues().then(setIssues, fail);
    void refresh().catch(fail);
  }, [services]);

  const composers = page?.composers ?? [];
  // The box the user is working in: the chosen one, else the first with text.
  const current = composers.find((c) => c.id === selected) ?? composers.find((c) => c.decision !== 'empty') ?? composers[0];

  return (
    <main class="popup" lang={lang}>
      <header>
        <h1>{msg.title[lang]}</h1>
        <div class="row">
          <button type="button" onClick={() => void refresh()}>
            {msg.refresh[lang]}
          </button>
          <button type="button" onClick={services.openOptions}>
            {msg.settings[lang]}
          </button>
          <button type="button" onClick={services.openApprovalPage}>
            {msg.openApprovalPage[lang]}
          </button>
        </div>
      </header>
      {failure && (
        <p class="alert" role="alert">
          {failure}
        </p>
      )}
      {issues.map((i) =>
        i.code === 'required-exceeds-approvers' ? (
          // N > M: all M approvers are asked for instead (storage/approval-policy.ts); the user must know why
          <p key={i.code} class="alert" role="alert" data-testid="policy-issue">
            {msg.requiredCapped(i.required, i.approvers)[lang]}
          </p>
        ) : null,
      )}
      {identity && !identity.identity && (
        <IdentityPanel
          lang={lang}
          identity={null}
          supported={identity.supported}
          copy={services.copy}
          create={async (name) => {
            await services.createIdentity(name);
            setIdentity(await services.getIdentity());
          }}
        />
      )}
      {page === undefined && <p role="status">{msg.loading[lang]}</p>}
      {page === null && <p data-testid="not-here">{msg.notHere[lang]}</p>}
      {page && composers.length === 0 && <p data-testid="no-composer">{msg.noComposer[lang]}</p>}
      {composers.length > 1 && (
        <label>
          <span class="field-label">{msg.composer[lang]}</span>
          <select value={String(current?.id)} onChange={(e) => setSelected(Number(e.currentTarget.value))}>
            {composers.map((c, i) => (
              <option key={c.id} value={String(c.id)}>
                {fill(msg.composerN[lang], i + 1)}
                {c.textLength ? ` (${c.textLength})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {current && (
        <ComposerCard
          key={current.id}
          lang={lang}
          composer={current}
          checklist={checklist}
          ticked={ticks[current.id] ?? []}
          onTick={(ids) => {
            setTicks({ ...ticks, [current.id]: ids });
            void services.saveTicks(current.id, ids);
          }}
          services={services}
          refresh={refresh}
        />
      )}
      {identity?.identity && <IdentityPanel lang={lang} identity={identity.identity} supported create={async () => undefined} copy={services.copy} compact />}
    </main>
  );
}
