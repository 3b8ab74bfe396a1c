/** Built-in categories turned down (a severity cap) or off, and single built-in rules switched off. */
import { useMemo, useState } from 'preact/hooks';
import { MODEL_RULES } from '../../engine/detectors/model';
import { expandEntry, type Entry } from '../../engine/dictionary/schema';
import { CATEGORIES, type Category } from '../../engine/finding';
import { nearestRuleId, unknownRuleIds, type BuiltinIds } from '../../storage/builtin-ids';
import { lockKey } from '../../storage/policy';
import type { Settings } from '../../storage/settings-schema';
import { useOptions } from './context';
import { filterEntries } from './entry-form-model';
import { LockNote } from './Locked';
import { CATEGORY_LABELS, messages, SEVERITY_LABELS } from './messages';
import { Pager, usePage } from './Pager';
import { useDebounced } from './use-debounced';

type Level = 'default' | 'warn' | 'info' | 'off';
const LEVELS: Level[] = ['default', 'warn', 'info', 'off'];
/** rules carry a line of text each: fewer per page than list entries */
const RULES_PAGE_SIZE = 20;
const LEVEL_LABEL = { default: messages.levelDefault, warn: messages.levelWarn, info: messages.levelInfo, off: messages.levelOff } as const;

function setCategory(c: Category, level: Level) {
  return (s: Settings): Settings => {
    const categories = { ...s.categories };
    if (level === 'default') delete categories[c];
    else categories[c] = level;
    return { ...s, categories };
  };
}

function setRules(ids: readonly string[], enabled: boolean) {
  return (s: Settings): Settings => ({ ...s, disabledRules: enabled ? s.disabledRules.filter((r) => !ids.includes(r)) : [...new Set([...s.disabledRules, ...ids])] });
}
const setRule = (id: string, enabled: boolean) => setRules([id], enabled);

/** The learned second stage's rules (model/<category>), switched on and off together. */
function LearnedModel() {
  const { t, effective, locked, apply } = useOptions();
  const off = MODEL_RULES.filter((id) => effective.disabledRules.includes(id));
  const isLocked = MODEL_RULES.some((id) => locked.has(lockKey.rule(id)));
  return (
    <div class="field learned-model">
      <label class="checkbox">
        <input
          type="checkbox"
          checked={off.length === 0}
          disabled={isLocked}
          aria-describedby="learned-model-help"
          onChange={(e) => void apply(setRules(MODEL_RULES, e.currentTarget.checked), { done: messages.saved })}
        />
        {t(messages.learnedModel)}
      </label>
      <small id="learned-model-help" class="hint">
        {' '}
        {t(messages.learnedModelHelp)}
      </small>
      {isLocked && <LockNote />}
    </div>
  );
}

/** Switched-off ids that name no rule (typos, rules that do not exist): the user's own can be removed. */
function UnknownRules({ ids }: { ids: BuiltinIds }) {
  const { t, effective, locked, apply } = useOptions();
  const unknown = useMemo(() => unknownRuleIds(effective.disabledRules, ids, effective.lists), [effective.disabledRules, effective.lists, ids]);
  if (!unknown.length) return null;
  return (
    <div class="warning" role="alert" data-testid="unknown-rules">
      <p>{t(messages.unknownRules)}</p>
      <ul>
        {unknown.map((id) => {
          const near = nearestRuleId(id, ids);
          return (
            <li key={id}>
              <code>{id}</code>
              {near && ` — ${t(messages.didYouMean(near))}`}{' '}
              {locked.has(lockKey.rule(id)) ? (
                <LockNote />
              ) : (
                <button type="button" aria-label={t(messages.removeUnknownRule(id))} onClick={() => void apply(setRule(id, true), { done: messages.saved, undoable: true })}>
                  {t(messages.remove)}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function BuiltinRules() {
  const { t, lang, effective, locked, builtin, apply } = useOptions();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, 200);
  const all = useMemo(() => builtin.lists.flatMap((l) => l.file.entries.flatMap(expandEntry)), [builtin]);
  const shown = useMemo(() => filterEntries<Entry>(all, settled), [all, settled]);
  const { page, pages, setPage, rows } = usePage(shown, settled, RULES_PAGE_SIZE);
  const disabled = new Set(effective.disabledRules);

  return (
    <section class="builtin" aria-labelledby="builtin-title">
      <h3 id="builtin-title">{t(messages.builtinRules)}</h3>
      <p>{t(messages.builtinIntro)}</p>
      {builtin.error && (
        <p class="error" role="alert">
          {t(messages.builtinUnavailable)} {builtin.error}
        </p>
      )}
      <table class="categories" aria-labelledby="builtin-title">
        <thead>
          <tr>
            <th scope="col">{t(messages.fCategory)}</th>
            <th scope="col">{t(messages.categoryLevel)}</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((c) => {
            const value = effective.categories[c];
            const level: Level = value === undefined || value === 'block' ? 'default' : value;
            const isLocked = locked.has(lockKey.category(c));
            return (
              <tr key={c}>
                <th scope="row">
                  <label for={`category-${c}`}>{t(CATEGORY_LABELS[c])}</label>
                </th>
                <td>
                  <select
                    id={`category-${c}`}
                    value={level}
                    disabled={isLocked}
                    aria-describedby={isLocked ? `category-${c}-lock` : undefined}
                    onChange={(e) => void apply(setCategory(c, e.currentTarget.value as Level), { done: messages.saved })}
                  >
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {t(LEVEL_LABEL[l])}
                      </option>
                    ))}
                  </select>
                  {isLocked && <LockNote id={`category-${c}-lock`} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <LearnedModel />
      {builtin.ids && <UnknownRules ids={builtin.ids} />}
      <div class="field search">
        <label for="rule-search">{t(messages.searchRules)}</label>
        <input id="rule-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {shown.length === 0 ? (
        <p class="empty">{all.length ? t(messages.noMatches) : t(messages.noEntries)}</p>
      ) : (
        <>
          <ul class="rules">
            {rows.map((e) => {
              const isLocked = locked.has(lockKey.rule(e.id));
              return (
                <li key={e.id}>
                  <label class="checkbox">
                    <input type="checkbox" checked={!disabled.has(e.id)} disabled={isLocked} onChange={(ev) => void apply(setRule(e.id, ev.currentTarget.checked), { done: messages.saved })} aria-label={t(messages.ruleEnabled(e.id))} />
                    <code>{e.id}</code> <span class={`sev sev-${e.severity}`}>{t(SEVERITY_LABELS[e.severity])}</span> {e.message[lang]}
                  </label>
                  {e.basis && <small class="hint"> {e.basis}</small>}
                  {isLocked && <LockNote />}
                </li>
              );
            })}
          </ul>
          <Pager page={page} pages={pages} setPage={setPage} shown={rows.length} total={shown.length} label={t(messages.builtinRules)} />
        </>
      )}
    </section>
  );
}
