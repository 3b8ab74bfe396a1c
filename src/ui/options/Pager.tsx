/**
 * Pages through a long list (a company list may hold 10,000 entries): only one page of rows is
 * ever in the DOM, so the editor stays responsive whatever the list's size.
 */
import { useState } from 'preact/hooks';
import { useOptions } from './context';
import { messages } from './messages';

export const PAGE_SIZE = 50;

/** The current page; back to the first whenever `resetKey` (e.g. the search) changes. */
export function usePage<T>(items: readonly T[], resetKey: unknown, size = PAGE_SIZE) {
  // derived rather than reset in an effect, so a click right after a new search is never undone
  const [state, setState] = useState({ page: 0, key: resetKey });
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Object.is(state.key, resetKey) ? Math.min(state.page, pages - 1) : 0;
  const setPage = (p: number) => setState({ page: Math.max(0, Math.min(p, pages - 1)), key: resetKey });
  return { page, pages, setPage, rows: items.slice(page * size, (page + 1) * size) };
}

export function Pager({ page, pages, setPage, shown, total, label }: { page: number; pages: number; setPage: (p: number) => void; shown: number; total: number; label: string }) {
  const { t } = useOptions();
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
        {t(messages.previous)}
      </button>
      <span aria-live="polite">{t(messages.page(page + 1, pages, shown, total))}</span>
      <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages - 1}>
        {t(messages.next)}
      </button>
    </nav>
  );
}
