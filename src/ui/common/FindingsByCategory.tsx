/** Findings grouped by category, most severe group first, in the in-page cards' vocabulary. */
import type { Category, Finding, Severity } from '../../engine/finding';
import type { Lang } from '../i18n/lang';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../in-page/messages';
import { commonMessages as msg, fillN } from './messages';

const RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

export function groupByCategory(findings: readonly Finding[]): Array<{ category: Category; top: Severity; findings: Finding[] }> {
  const groups = new Map<Category, Finding[]>();
  for (const f of findings) groups.set(f.category, [...(groups.get(f.category) ?? []), f]);
  return [...groups.entries()]
    .map(([category, list]) => ({
      category,
      top: list.reduce<Severity>((top, f) => (RANK[f.severity] > RANK[top] ? f.severity : top), 'info'),
      findings: [...list].sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.start - b.start),
    }))
    .sort((a, b) => RANK[b.top] - RANK[a.top] || b.findings.length - a.findings.length);
}

export function FindingsByCategory({ lang, findings, headingLevel = 3 }: { lang: Lang; findings: readonly Finding[]; headingLevel?: 2 | 3 | 4 }) {
  if (findings.length === 0) return <p class="empty">{msg.noFindings[lang]}</p>;
  const H = `h${headingLevel}` as 'h3';
  return (
    <div class="findings">
      {groupByCategory(findings).map((g) => (
        <section key={g.category} class={`finding-group sev-${g.top}`} data-category={g.category}>
          <H>
            {CATEGORY_LABELS[g.category]?.[lang] ?? g.category} <span class="count">{fillN(msg.findingsCount[lang], g.findings.length)}</span>
          </H>
          <ul>
            {g.findings.map((f) => (
              <li key={`${f.rule}@${f.start}`} class={`finding sev-${f.severity}`} data-rule={f.rule}>
                <span class={`tag ${f.severity}`}>{SEVERITY_LABELS[f.severity][lang]}</span> <q>{f.text}</q> — {f.message[lang]}
                {f.basis && (
                  <div class="basis">
                    {msg.basis[lang]}: {f.basis}
                  </div>
                )}
                {f.suggestion && (
                  <div class="suggestion">
                    {msg.suggestion[lang]}: {f.suggestion[lang]}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
