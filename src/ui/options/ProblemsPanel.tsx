/** What could not be read from storage or policy, and the backups of values that were replaced. */
import { useOptions } from './context';
import { messages } from './messages';

export function ProblemsPanel() {
  const { t, lang, data, services } = useOptions();
  const { problems, backups } = data;
  if (!problems.length && !backups.length) return null;
  const when = (ms: number) => new Date(ms).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  return (
    <section class="problems" aria-labelledby="problems-title">
      {problems.length > 0 && (
        <div role="alert">
          <h2 id="problems-title">{t(messages.problemsTitle)}</h2>
          <p>{t(messages.problemsIntro)}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {backups.length > 0 && (
        <details>
          <summary id={problems.length ? undefined : 'problems-title'}>{t(messages.backupsTitle(backups.length))}</summary>
          <ul>
            {backups.map((b) => (
              <li key={b.savedAt}>
                <button type="button" onClick={() => services.download(`kakunin-settings-backup-${b.savedAt}.json`, `${JSON.stringify(b.value, null, 2)}\n`, 'application/json')}>
                  {t(messages.downloadBackup(when(b.savedAt)))}
                </button>
                <ul>
                  {b.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
