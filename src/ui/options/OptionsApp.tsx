/** The options page: loads settings once, then each section edits them through one `apply`. */
import { useMemo } from 'preact/hooks';
import { pickLang, translator, type Lang } from '../i18n/lang';
import { AccountsSection } from './AccountsSection';
import { ApproversSection } from './ApproversSection';
import { auditMessages } from './audit-messages';
import { AuditLogSection } from './AuditLogSection';
import { ChecklistSection } from './ChecklistSection';
import { OptionsContext, type OptionsContextValue } from './context';
import { DatesSection } from './DatesSection';
import { ManagedSection } from './ManagedSection';
import { messages } from './messages';
import { ProblemsPanel } from './ProblemsPanel';
import type { OptionsServices } from './services';
import { SitesSection } from './SitesSection';
import { TrySentence } from './TrySentence';
import { useOptionsState, type SaveStatus } from './use-options-state';
import { WordListsSection } from './WordListsSection';
import './options.css';

const SECTIONS = [
  ['try', messages.trySentence],
  ['word-lists', messages.wordLists],
  ['accounts', messages.accounts],
  ['approvers', messages.approvers],
  ['sites', messages.sites],
  ['dates', messages.dates],
  ['managed', messages.managed],
  ['checklist', auditMessages.checklistTitle],
  ['audit', auditMessages.title],
] as const;

function StatusBar({ status, t, canUndo, undo }: { status: SaveStatus; t: (m: { ja: string; en: string }) => string; canUndo: boolean; undo: () => void }) {
  let text = '';
  if (status.kind === 'saving') text = t(messages.saving);
  else if (status.kind === 'saved') text = t(status.message ?? messages.saved);
  else if (status.kind === 'error') text = `${t(messages.saveFailed)}: ${status.message}`;
  return (
    <div class={`status status-${status.kind}`} role="status" aria-live="polite">
      <span data-testid="status">{text}</span>
      {canUndo && status.kind === 'saved' && (
        <button type="button" onClick={undo}>
          {t(messages.undo)}
        </button>
      )}
    </div>
  );
}

export function OptionsApp({ services, lang = pickLang() }: { services: OptionsServices; lang?: Lang }) {
  const t = translator(lang);
  const state = useOptionsState(services);
  const builtin = useMemo(() => services.builtin(), [services]);
  const builtinIds = useMemo(() => builtin.ids?.entries ?? new Map<string, string>(), [builtin]);

  if (state.loadError) {
    return (
      <main class="options" lang={lang}>
        <h1>{t(messages.title)}</h1>
        <p class="error" role="alert">
          {t(messages.loadFailed)}: {state.loadError}
        </p>
      </main>
    );
  }
  if (!state.data || !state.effective || !state.locked) {
    return (
      <main class="options" lang={lang}>
        <p role="status">{t(messages.loading)}</p>
      </main>
    );
  }
  const value: OptionsContextValue = {
    lang,
    t,
    data: state.data,
    effective: state.effective,
    locked: state.locked,
    builtin,
    builtinIds,
    services,
    apply: state.apply,
  };
  return (
    <OptionsContext.Provider value={value}>
      <div class="options" lang={lang}>
        <header>
          <h1>{t(messages.title)}</h1>
          <nav aria-label={t(messages.nav)}>
            <ul>
              {SECTIONS.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`}>{t(label)}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main>
          <ProblemsPanel />
          <TrySentence />
          <WordListsSection />
          <AccountsSection />
          <ApproversSection />
          <SitesSection />
          <DatesSection />
          <ManagedSection />
          <ChecklistSection />
          <AuditLogSection />
        </main>
        <StatusBar status={state.status} t={t} canUndo={state.canUndo} undo={() => void state.undo()} />
      </div>
    </OptionsContext.Provider>
  );
}
