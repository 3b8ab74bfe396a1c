/** The configurable pre-post checklist (settings.checklist): checkboxes the user ticks, per composer. */
import type { ChecklistItem } from '../../storage/settings-schema';
import type { Lang } from '../i18n/lang';
import { fill, messages as msg } from './messages';

interface ChecklistProps {
  lang: Lang;
  items: readonly ChecklistItem[];
  ticked: readonly string[];
  onChange: (ticked: string[]) => void;
}

export function Checklist({ lang, items, ticked, onChange }: ChecklistProps) {
  const done = items.filter((i) => ticked.includes(i.id)).length;
  return (
    <fieldset class="checklist">
      <legend>
        {msg.checklist[lang]} <span class="count">({fill(msg.checklistDone[lang], `${done}/${items.length}`)})</span>
      </legend>
      {items.map((item) => (
        <label key={item.id} class="check" data-item={item.id}>
          <input
            type="checkbox"
            checked={ticked.includes(item.id)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...ticked, item.id] : ticked.filter((id) => id !== item.id))}
          />{' '}
          {item[lang]}
        </label>
      ))}
    </fieldset>
  );
}
