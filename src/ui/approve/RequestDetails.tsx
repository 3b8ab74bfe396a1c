/** What is being approved: who asks, where and as whom, until when, the exact text and its findings. */
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../in-page/messages';
import { FindingsByCategory } from '../common/FindingsByCategory';
import { formatTime, showHandle } from '../common/format';
import { commonMessages } from '../common/messages';
import type { Lang } from '../i18n/lang';
import type { ReplyOf } from '../../messaging/protocol';
import { messages as msg } from './messages';

export type OpenedRequest = Extract<ReplyOf<'openApprovalRequest'>, { ok: true }>;

export function RequestDetails({ lang, opened }: { lang: Lang; opened: OpenedRequest }) {
  const { request: r } = opened;
  return (
    <section aria-labelledby="request-title">
      <h2 id="request-title">{msg.requestTitle[lang]}</h2>
      <dl class="facts">
        <dt>{msg.requester[lang]}</dt>
        <dd data-testid="requester">
          {r.requester.name} · {commonMessages.keyId[lang]} <code data-testid="requester-key-id">{r.requester.keyId}</code>
          <div class="hint">{msg.requesterNote[lang]}</div>
        </dd>
        <dt>{msg.site[lang]}</dt>
        <dd data-testid="site">{r.site}</dd>
        <dt>{msg.account[lang]}</dt>
        <dd data-testid="account">
          {showHandle(r.account.handle)} ({commonMessages[r.account.kind][lang]})
        </dd>
        <dt>{msg.created[lang]}</dt>
        <dd>{formatTime(r.createdAt, lang)}</dd>
        <dt>{msg.expires[lang]}</dt>
        <dd data-testid="expires">{formatTime(r.expiresAt, lang)}</dd>
      </dl>
      {opened.expired && (
        <p class="alert" role="alert" data-testid="expired">
          {msg.expired[lang]}
        </p>
      )}
      <h3>{msg.draft[lang]}</h3>
      {opened.text === undefined ? (
        <p class="warn-note" data-testid="no-text">
          {msg.noText[lang]}
        </p>
      ) : (
        <>
          <div class="draft" data-testid="draft-text" lang="ja">
            {opened.text}
          </div>
          <p class="ok-note" data-testid="text-verified">
            {msg.textVerified[lang]}
          </p>
        </>
      )}
      {opened.text !== undefined && (
        <>
          <h3>{msg.findingsNow[lang]}</h3>
          <FindingsByCategory lang={lang} findings={opened.findings} headingLevel={4} />
        </>
      )}
      {r.summary.counts.length > 0 && (
        <>
          <h3>{msg.findingsAtRequest[lang]}</h3>
          <ul data-testid="summary">
            {r.summary.counts.map((c) => (
              <li key={`${c.category}/${c.severity}`}>
                {CATEGORY_LABELS[c.category]?.[lang] ?? c.category} · {SEVERITY_LABELS[c.severity][lang]}: {c.count}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
