/**
 * The audit log on the options page (issue 4): filters (time range, kind, site, account), the
 * events, CSV/JSON export, retention (settings.audit.retentionDays) and the text opt-in
 * (settings.audit.storeText, off by default). Reads through services.audit (the background).
 */
import { useEffect, useState } from 'preact/hooks';
import { AUDIT_KINDS, type AuditFilter, type AuditKind, type ReplyOf } from '../../messaging/protocol';
import { lockKey } from '../../storage/policy';
import { SITE_IDS } from '../../storage/settings-schema';
import { EMPTY_FILTER_FORM, toAuditFilter, type AuditFilterForm } from './audit-filter';
import { auditMessages as msg, fill2, KIND_LABELS } from './audit-messages';
import { AuditTable } from './AuditTable';
import { useOptions } from './context';
import { LockNote } from './Locked';

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function AuditLogSection() {
  const { t, effective, locked, apply, services } = useOptions();
  const audit = services.audit;
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER_FORM);
  const [filter, setFilter] = useState<AuditFilter>(toAuditFilter(EMPTY_FILTER_FORM));
  const [result, setResult] = useState<ReplyOf<'listAudit'>>();
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const [days, setDays] = useState(String(effective.audit.retentionDays));
  const [daysError, setDaysError] = useState<string>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!audit) return;
    let live = true;
    audit.list(filter).then(
      (r) => live && (setResult(r), setError(undefined)),
      (e: unknown) => live && setError(why(e)),
    );
    return () => {
      live = false;
    };
  }, [audit, filter, version]);

  const set = (patch: Partial<AuditFilterForm>) => setForm({ ...form, ...patch });
  const exportAs = async (format: 'csv' | 'json') => {
    if (!audit) return;
    try {
      const file = await audit.export(filter, format);
      services.download(file.fileName, file.text, file.mime);
      setNote(fill2(t(msg.exported), { n: file.count }));
    } catch (e) {
      setError(why(e));
    }
  };
  const saveRetention = async (e: Event) => {
    e.preventDefault();
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650) return setDaysError(t(msg.retentionRange));
    setDaysError(undefined);
    if (!(await apply((s) => ({ ...s, audit: { ...s.audit, retentionDays: n } }), { done: msg.saved })) || !audit) return;
    const { deleted } = await audit.prune().catch(() => ({ deleted: 0 }));
    setNote(fill2(t(msg.pruned), { n: deleted }));
    setVersion(version + 1);
  };
  const retentionLocked = locked.has(lockKey.audit('retentionDays'));
  const textLocked = locked.has(lockKey.audit('storeText'));

  return (
    <section id="audit" class="section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t(msg.title)}</h2>
      <p>{t(msg.intro)}</p>
      {!audit && <p class="error">{t(msg.unavailable)}</p>}
      <form
        class="inline-form audit-filters"
        aria-label={t(msg.filter)}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(toAuditFilter(form));
        }}
      >
        <label>
          {t(msg.from)} <input type="date" value={form.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          {t(msg.to)} <input type="date" value={form.to} onInput={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <label>
          {t(msg.kind)}{' '}
          <select value={form.kind} onChange={(e) => set({ kind: e.currentTarget.value as AuditKind | '' })}>
            <option value="">{t(msg.allKinds)}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(msg.site)}{' '}
          <input list="audit-sites" value={form.site} size={12} onInput={(e) => set({ site: e.currentTarget.value })} />
          <datalist id="audit-sites">
            {[...SITE_IDS, ...effective.customSites.map((c) => new URL(c.origin).host)].map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <label>
          {t(msg.account)} <input value={form.account} size={16} onInput={(e) => set({ account: e.currentTarget.value })} />
        </label>
        <div class="actions">
          <button type="submit" class="primary">
            {t(msg.filter)}
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(EMPTY_FILTER_FORM);
              setFilter(toAuditFilter(EMPTY_FILTER_FORM));
            }}
          >
            {t(msg.clear)}
          </button>
        </div>
      </form>
      <div class="actions">
        <button type="button" disabled={!audit} onClick={() => void exportAs('csv')}>
          {t(msg.exportCsv)}
        </button>
        <button type="button" disabled={!audit} onClick={() => void exportAs('json')}>
          {t(msg.exportJson)}
        </button>
      </div>
      <p role="status" class="hint" data-testid="audit-note">
        {note}
      </p>
      {error && (
        <p class="error" role="alert">
          {t(msg.loadFailed)}: {error}
        </p>
      )}
      {result && (
        <>
          <p class="hint" data-testid="audit-count">
            {fill2(t(msg.shown), { n: result.total, m: result.events.length })}
          </p>
          {result.events.length ? <AuditTable events={result.events} /> : <p class="empty">{t(msg.none)}</p>}
        </>
      )}
      <form class="inline-form" onSubmit={(e) => void saveRetention(e)}>
        <label>
          {t(msg.retention)}{' '}
          <input type="number" min={1} max={3650} step={1} value={days} disabled={retentionLocked} aria-invalid={!!daysError} onInput={(e) => setDays(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={retentionLocked}>
          {t(msg.saveRetention)}
        </button>
        {retentionLocked && <LockNote />}
        <span class="hint">{t(msg.retentionHint)}</span>
        {daysError && <p class="error">{daysError}</p>}
      </form>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={effective.audit.storeText}
          disabled={textLocked}
          aria-describedby="audit-store-text-hint"
          onChange={(e) => {
            const storeText = e.currentTarget.checked; // read now: currentTarget is gone once apply runs
            void apply((s) => ({ ...s, audit: { ...s.audit, storeText } }), { done: msg.saved });
          }}
        />
        {t(msg.storeText)} {textLocked && <LockNote />}
      </label>
      <p class="hint" id="audit-store-text-hint">
        {t(msg.storeTextHint)}
      </p>
    </section>
  );
}
