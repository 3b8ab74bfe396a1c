/**
 * Pages through a long list (a company list may hold 10,000 entries): only one page of rows is
 * ever in the DOM, so the editor stays responsive whatever the list's size.
 */
import { useEffect, useState } from 'preact/hooks';
import { useOptions } from './context';
import { messages } from './messages';

export const PAGE_SIZE = 50;

export function usePage<T>(items: readonly T[], resetKey: unknown, size = PAGE_SIZE) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  useEffect(() => setPage(0), [resetKey]);
  const current = Math.min(page, pages - 1);
  return { page: current, pages, setPage, rows: items.slice(current * size, (current + 1) * size) };
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
