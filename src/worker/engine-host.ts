/**
 * The engine inside the service worker: one tokenizer load shared by every caller, one engine per
 * settings version (rebuilt when company lists or category settings change), and a small cache of
 * recent results so re-checking an unchanged draft costs nothing. State lives only in memory:
 * after a worker restart the next check loads again.
 */
import type { Engine } from '../engine/index';
import { LoadedSnapshot, type IndexSnapshot } from '../engine/matchers/pattern-index';
import { loadSnapshot as loadSnapshotData } from '../engine/matchers/snapshot-format';
import { DictionaryError, formatIssue, type DictionaryIssue } from '../engine/dictionary/errors';
import type { CheckContext, Finding } from '../engine/finding';
import { decodeModel, type LinearModel } from '../engine/model/linear-model';
import { sharedTokenizer } from '../engine/tokenizer/load';
import type { Tokenizer } from '../engine/tokenizer/types';
import { builtinIds, createKakuninEngine } from '../rules/builtin';
import { unknownRuleIds } from '../storage/builtin-ids';
import type { Settings } from '../storage/settings-schema';

export type TokenizerState = 'idle' | 'loading' | 'ready' | 'error';
const CACHE_SIZE = 64;
/** a turn for the worker's other tasks (fetch responses, messages) between steps of start-up work */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * readSnapshot: the built-in lists' compiled snapshot (the binary form the build ships, see
 * snapshot-format.ts), or undefined; a snapshot that is missing, of another version or corrupt only
 * costs time (the lists are then compiled).
 * readModel: the learned second stage (dict/model.kkm, model/linear-model.ts), or undefined; a
 * missing or unreadable model leaves the engine with the lists and detectors alone (status says so).
 */
export function createEngineHost(
  readDictionary: () => Promise<ArrayBuffer>,
  readSnapshot: () => Promise<ArrayBuffer | Uint8Array | IndexSnapshot | LoadedSnapshot | undefined> = async () => undefined,
  readModel: () => Promise<ArrayBuffer | Uint8Array | LinearModel | undefined> = async () => undefined,
) {
  let state: TokenizerState = 'idle';
  let loadMs: number | undefined;
  let lastError: string | undefined;
  const loadTokenizer = sharedTokenizer(readDictionary);
  let built: { key: string; engine: Engine; skipped: DictionaryIssue[]; unknownRules: string[] } | undefined;
  let building: { key: string; engine: Promise<Engine> } | undefined;
  /** checks waiting for an engine: while one waits, a warm-up check would only delay it */
  let waiting = 0;
  const cache = new Map<string, Finding[]>();
  const keys = new WeakMap<Settings, string>();
  // A missing or unreadable snapshot only costs time: the lists then compile from source.
  // Its bytes are fetched at once, but decoded (and its tables made) once the tokenizer is ready:
  // the dictionary's response is read on this thread too, and arrives fastest with the thread
  // free; the snapshot's work, ready-made tables and all, is then shorter than the wait was.
  let snapshot: Promise<LoadedSnapshot | undefined> | undefined;
  let modelState: 'ready' | 'missing' | 'error' | undefined;
  let modelError: string | undefined;
  let model: Promise<LinearModel | undefined> | undefined;
  const loadModel = () =>
    (model ??= readModel()
      .then((m) => (m === undefined || 'weights' in m ? m : decodeModel(m)))
      .then(
        (m) => ((modelState = m ? 'ready' : 'missing'), m),
        (e: unknown) => {
          modelState = 'error';
          modelError = `learned model left out: ${(e as Error).message}`;
          return undefined;
        },
      ));
  const loadSnapshot = () =>
    (snapshot ??= Promise.all([readSnapshot(), loadTokenizer().catch(() => undefined)])
      .then(([s]) => (s === undefined || s instanceof LoadedSnapshot ? s : loadSnapshotData(s)))
      .catch(() => undefined));

  async function tokenizer(): Promise<Tokenizer> {
    if (state !== 'ready') state = 'loading';
    const started = performance.now();
    try {
      const t = await loadTokenizer();
      if (state !== 'ready') loadMs = performance.now() - started;
      state = 'ready';
      return t;
    } catch (e) {
      state = 'error';
      lastError = (e as Error).message;
      throw e;
    }
  }

  /** Builds the engine for these settings; a company list that does not compile is left out (and reported). */
  function engineFor(settings: Settings): Promise<Engine> {
    // Settings objects are replaced, never mutated, when storage changes: key each one once
    // (a 10k-entry list is megabytes of JSON, too much to serialize per keystroke).
    let key = keys.get(settings);
    if (key === undefined) {
      key = JSON.stringify([settings.lists, settings.categories, settings.disabledRules, settings.dates]);
      keys.set(settings, key);
    }
    if (built?.key === key) return Promise.resolve(built.engine);
    // Callers that arrive while the engine for these settings is being built share that build: at
    // worker start-up the warm-up and the first check ask at once, and each built one (a second).
    if (building?.key === key) return building.engine;
    const engine = build(settings, key);
    const mine = (building = { key, engine });
    const done = () => {
      if (building === mine) building = undefined;
    };
    engine.then(done, done);
    return engine;
  }

  async function build(settings: Settings, key: string): Promise<Engine> {
    // the source names the list in errors and must tell lists apart: two lists may share a name
    // (an admin list and the user's import of its export), and only the later one is left out
    let lists = settings.lists.filter((l) => l.enabled).map((l) => ({ file: { name: l.name, entries: l.entries, ...(l.lists ? { lists: l.lists } : {}) }, source: `${l.name} (${l.id})` }));
    // Without company lists the engine matches with the snapshot's own tables (shipped in it).
    const prepared = loadSnapshot().then((s) => (lists.length === 0 ? s?.prepareAsync(pause) : s));
    const [t, snap, learned] = await Promise.all([tokenizer(), prepared, loadModel()]);
    const skipped: DictionaryIssue[] = [];
    const unknownRules = unknownRuleIds(settings.disabledRules, builtinIds(), settings.lists);
    const overrides = { categories: settings.categories, disabledRules: settings.disabledRules };
    for (;;) {
      try {
        let engine: Engine;
        try {
          engine = createKakuninEngine(t, { lists, overrides, dates: settings.dates }, snap, learned);
        } catch (e) {
          if (!snap || e instanceof DictionaryError) throw e;
          engine = createKakuninEngine(t, { lists, overrides, dates: settings.dates }, undefined, learned); // a stale snapshot
        }
        built = { key, engine, skipped, unknownRules };
        cache.clear();
        return engine;
      } catch (e) {
        if (!(e instanceof DictionaryError)) throw e;
        const bad = new Set(e.issues.map((i) => i.source));
        const before = lists.length;
        lists = lists.filter((l) => !bad.has(l.source));
        if (lists.length === before) throw e; // a built-in list is broken: nothing sensible to run
        skipped.push(...e.issues);
      }
    }
  }

  return {
    async check(text: string, context: CheckContext, settings: Settings): Promise<Finding[]> {
      waiting++;
      let engine: Engine;
      try {
        engine = await engineFor(settings);
      } finally {
        waiting--;
      }
      const key = `${context.account}|${context.site}|${context.date}|${text}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit); // most recent last
        return hit;
      }
      const findings = engine.check(text, context);
      cache.set(key, findings);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return findings;
    },
    status() {
      const skipped = built?.skipped ?? [];
      return {
        tokenizer: state,
        loadMs,
        entries: built?.engine.entries.length,
        ...(modelState ? { model: modelState } : {}),
        error: lastError ?? modelError ?? (skipped.length ? `lists left out: ${skipped.slice(0, 10).map(formatIssue).join('; ')}${skipped.length > 10 ? ` (and ${skipped.length - 10} more)` : ''}` : undefined),
        // switched-off ids that name no rule (typos): they switch nothing off
        ...(built?.unknownRules.length ? { unknownRules: built.unknownRules } : {}),
      };
    },
    /**
     * Starts fetching the tokenizer dictionary and the snapshot: call it first thing at worker
     * start-up, before anything else keeps the worker busy (the fetches then run meanwhile).
     */
    preload() {
      tokenizer().catch(() => undefined);
      void loadSnapshot();
      void loadModel();
    },
    /**
     * Builds the engine ahead of the first check (worker start-up), and runs one tiny check so the
     * matcher's indexes (built on first use) are ready before the user's first keystroke. Skipped
     * when a real check is already waiting for the engine: that check warms it up just the same.
     */
    warm(settings: Settings) {
      return engineFor(settings).then(
        (engine) => {
          if (waiting === 0) engine.check('確認', { account: 'company' });
        },
        () => undefined,
      );
    },
  };
}
export type EngineHost = ReturnType<typeof createEngineHost>;

/** Local calendar day, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
