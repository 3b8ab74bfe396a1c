/** The popup's pre-post checklist (settings.checklist): edit, reorder, add, remove, reset. */
import { useState } from 'preact/hooks';
import { DEFAULT_CHECKLIST, type ChecklistItem } from '../../storage/settings-schema';
import { auditMessages as msg } from './audit-messages';
import { useOptions } from './context';

export function ChecklistSection() {
  const { t, effective, apply } = useOptions();
  const [ja, setJa] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<string>();
  const items = effective.checklist;
  const save = (next: ChecklistItem[]) => apply((s) => ({ ...s, checklist: next }), { done: msg.saved, undoable: true });

  const add = async (e: Event) => {
    e.preventDefault();
    const jaText = ja.trim() || en.trim();
    const enText = en.trim() || ja.trim();
    if (!jaText) return setError(t(msg.itemRequired));
    setError(undefined);
    if (await save([...items, { id: `custom-${Date.now().toString(36)}`, ja: jaText, en: enText }])) {
      setJa('');
      setEn('');
    }
  };

  return (
    <section id="checklist" class="section" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t(msg.checklistTitle)}</h2>
      <p>{t(msg.checklistIntro)}</p>
      <ol class="checklist-items">
        {items.map((item, i) => (
          <li key={item.id} data-item={item.id}>
            {item.ja} / {item.en}{' '}
            <span class="row-actions">
              <button type="button" disabled={i === 0} aria-label={`${t(msg.moveUp)}: ${item.ja}`} onClick={() => void save([...items.slice(0, i - 1), item, items[i - 1]!, ...items.slice(i + 1)])}>
                ↑
              </button>
              <button type="button" class="danger" aria-label={`${t(msg.removeItem)}: ${item.ja}`} onClick={() => void save(items.filter((x) => x.id !== item.id))}>
                {t(msg.removeItem)}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <form class="inline-form" onSubmit={(e) => void add(e)}>
        <label>
          {t(msg.itemJa)} <input value={ja} maxLength={200} onInput={(e) => setJa(e.currentTarget.value)} />
        </label>
        <label>
          {t(msg.itemEn)} <input value={en} maxLength={200} onInput={(e) => setEn(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {t(msg.addItem)}
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <button type="button" onClick={() => void save(DEFAULT_CHECKLIST)}>
        {t(msg.resetChecklist)}
      </button>
    </section>
  );
}
