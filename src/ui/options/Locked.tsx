/** The lock shown next to a value the administrator set (uBlock shows admin lists as disabled checkboxes). */
import { messages } from './messages';
import { useOptions } from './context';

export function LockNote({ id }: { id?: string }) {
  const { t } = useOptions();
  return (
    <span class="lock" id={id} title={t(messages.lockedHint)}>
      <span aria-hidden="true">🔒 </span>
      {t(messages.locked)}
    </span>
  );
}
