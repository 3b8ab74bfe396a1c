/** Loads the settings, follows changes made elsewhere, and saves changes with status and undo. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { mergePolicy } from '../../storage/policy';
import type { Settings } from '../../storage/settings-schema';
import type { ApplyOptions, Text } from './context';
import type { OptionsData, OptionsServices } from './services';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message?: Text }
  | { kind: 'error'; message: string };

export function useOptionsState(services: OptionsServices) {
  const [data, setData] = useState<OptionsData>();
  const [loadError, setLoadError] = useState<string>();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [undo, setUndo] = useState<Settings>();
  const alive = useRef(true);

  const reload = useCallback(async () => {
    try {
      const next = await services.load();
      if (alive.current) setData(next);
    } catch (e) {
      if (alive.current) setLoadError((e as Error).message);
    }
  }, [services]);

  useEffect(() => {
    alive.current = true;
    void reload();
    const stop = services.watch(() => void reload());
    return () => {
      alive.current = false;
      stop();
    };
  }, [services, reload]);

  const merged = useMemo(() => (data ? mergePolicy(data.own, data.managed) : undefined), [data]);

  const apply = useCallback(
    async (change: (s: Settings) => Settings, options: ApplyOptions = {}): Promise<boolean> => {
      setStatus({ kind: 'saving' });
      let before: Settings | undefined;
      try {
        const next = await services.update((current) => {
          before = current; // every change is pure (returns a new value), so this stays as it was
          return change(current);
        });
        if (!alive.current) return true;
        setData((d) => (d ? { ...d, own: next } : d));
        setStatus({ kind: 'saved', message: typeof options.done === 'function' ? options.done() : options.done });
        setUndo(options.undoable ? before : undefined);
        return true;
      } catch (e) {
        if (alive.current) setStatus({ kind: 'error', message: (e as Error).message });
        return false;
      }
    },
    [services],
  );

  const runUndo = useCallback(async () => {
    const previous = undo;
    if (!previous) return;
    setUndo(undefined);
    await apply(() => previous, { done: { ja: '元に戻しました', en: 'Undone' } });
  }, [undo, apply]);

  return { data, loadError, effective: merged?.settings, locked: merged?.locked, status, apply, canUndo: !!undo, undo: runUndo };
}
