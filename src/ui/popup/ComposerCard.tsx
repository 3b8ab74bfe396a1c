/** One compose box of the active tab: where it stands, its findings by category, the checklist, approval. */
import type { ComposerState } from '../../messaging/page-protocol';
import type { ChecklistItem } from '../../storage/settings-schema';
import { FindingsByCategory } from '../common/FindingsByCategory';
import type { Lang } from '../i18n/lang';
import { ApprovalBox } from './ApprovalBox';
import { Checklist } from './Checklist';
import { messages as msg } from './messages';
import type { PopupServices } from './services';

function statusText(c: ComposerState, lang: Lang): string {
  if (c.released) return msg.released[lang];
  switch (c.decision) {
    case 'empty':
      return msg.empty[lang];
    case 'pending':
      return msg.pending[lang];
    case 'pass':
      return msg.pass[lang];
    case 'fail-open':
      return msg.failOpen[lang];
    case 'hold':
      return c.holdReason === 'approval-required' ? msg.holdApproval[lang] : msg.holdFindings[lang];
  }
}

interface ComposerCardProps {
  lang: Lang;
  composer: ComposerState;
  checklist: readonly ChecklistItem[];
  ticked: readonly string[];
  onTick: (ids: string[]) => void;
  services: PopupServices;
  refresh: () => Promise<void>;
}

export function ComposerCard({ lang, composer, checklist, ticked, onTick, services, refresh }: ComposerCardProps) {
  const held = composer.decision === 'hold' && !composer.released;
  return (
    <div class="composer" data-composer={composer.id}>
      <p class={`status ${held ? 'held' : composer.released ? 'released' : ''}`} role="status" data-testid="status" data-decision={composer.decision}>
        {statusText(composer, lang)}
      </p>
      <section aria-labelledby={`findings-${composer.id}`}>
        <h2 id={`findings-${composer.id}`}>{msg.findings[lang]}</h2>
        <FindingsByCategory lang={lang} findings={composer.findings} />
      </section>
      <Checklist lang={lang} items={checklist} ticked={ticked} onChange={onTick} />
      <ApprovalBox lang={lang} composer={composer} services={services} refresh={refresh} />
    </div>
  );
}
