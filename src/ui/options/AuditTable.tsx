/** Audit events, newest first: when, what, where, as whom, findings, reason, who, and the text hash. */
import type { AuditRecord } from '../../messaging/protocol';
import { useOptions } from './context';
import { auditMessages as msg, KIND_LABELS } from './audit-messages';

export function AuditTable({ events }: { events: readonly AuditRecord[] }) {
  const { t, lang } = useOptions();
  const time = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  const withText = events.some((e) => e.text !== undefined);
  return (
    <table class="audit-table">
      <caption class="visually-hidden">{t(msg.title)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(msg.time)}</th>
          <th scope="col">{t(msg.kind)}</th>
          <th scope="col">{t(msg.site)}</th>
          <th scope="col">{t(msg.account)}</th>
          <th scope="col">{t(msg.findings)}</th>
          <th scope="col">{t(msg.reason)}</th>
          <th scope="col">{t(msg.actor)}</th>
          <th scope="col">{t(msg.hash)}</th>
          {withText && <th scope="col">{t(msg.text)}</th>}
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-kind={e.kind}>
            <td>
              <time dateTime={new Date(e.time).toISOString()}>{time.format(e.time)}</time>
            </td>
            <td>{t(KIND_LABELS[e.kind])}</td>
            <td>{e.site}</td>
            <td>{[e.handle, e.account].filter(Boolean).join(' · ')}</td>
            <td>{e.findings.map((f) => `${f.rule} (${f.severity})`).join(', ')}</td>
            <td>{e.reason}</td>
            <td>{e.actor}</td>
            <td>
              <code title={e.textHash}>{e.textHash.slice(0, 10)}…</code>
            </td>
            {withText && <td class="audit-text">{e.text}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
