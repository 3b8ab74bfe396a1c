/**
 * The learned second stage for Node (CLI, eval, bench, tests) and for the build, which ships this
 * very file as dict/model.kkm: trained from dictionaries/corpus/*.jsonl on first use and cached on
 * disk. The cache key covers the corpus, the training settings and the code that reads text into
 * features and trains, so an edit to any of them trains again (a few seconds).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AccountKindSchema, CATEGORIES, CategorySchema } from '../engine/finding';
import { decodeModel, encodeModel, MODEL_VERSION, type LinearModel } from '../engine/model/linear-model';
import { DEFAULT_TRAINING, trainModel, type LabeledPost } from '../engine/model/train';
import { ipadicCachePath } from './ipadic';

export const CORPUS_DIR = fileURLToPath(new URL('../../dictionaries/corpus/', import.meta.url));
const engineDir = fileURLToPath(new URL('../engine/', import.meta.url));
const TRAINER_SOURCES = ['normalize.ts', 'fold.ts', 'model/features.ts', 'model/train.ts', 'model/linear-model.ts'];

const CorpusLine = z.object({
  id: z.string().optional(),
  text: z.string().min(1),
  account: AccountKindSchema.optional(),
  expect: z.array(CategorySchema),
});

export function corpusFiles(dir = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every labeled post of the corpus; a bad line is an error naming the file and line. */
export function readCorpus(files = corpusFiles()): LabeledPost[] {
  const posts: LabeledPost[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let parsed;
        try {
          parsed = CorpusLine.safeParse(JSON.parse(line));
        } catch (e) {
          throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
        }
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
        posts.push({ text: parsed.data.text, account: parsed.data.account, expect: parsed.data.expect });
      });
  }
  return posts;
}

export function modelKey(files = corpusFiles()): string {
  const h = createHash('sha256');
  h.update(String(MODEL_VERSION));
  h.update(JSON.stringify(DEFAULT_TRAINING));
  for (const f of files) h.update(readFileSync(f));
  for (const s of TRAINER_SOURCES) h.update(readFileSync(join(engineDir, s)));
  return h.digest('hex').slice(0, 16);
}

/** The path of the cached model file, training it if missing. */
export function cachedModelFile(): string {
  const path = join(dirname(ipadicCachePath()), `model-${modelKey()}.kkm`);
  if (existsSync(path)) return path;
  const bytes = encodeModel(trainModel(readCorpus(), CATEGORIES));
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path); // atomic: a concurrent reader never sees half a file
  for (const f of readdirSync(dirname(path))) {
    if (/^model-[0-9a-f]+\.kkm$/.test(f) && join(dirname(path), f) !== path) rmSync(join(dirname(path), f), { force: true });
  }
  return path;
}

let loaded: { path: string; model: LinearModel } | undefined;

/** The cached model, loaded once per process; an unreadable cache file is trained again. */
export function cachedModel(): LinearModel {
  const path = cachedModelFile();
  if (loaded?.path === path) return loaded.model;
  let model: LinearModel;
  try {
    model = decodeModel(readFileSync(path));
  } catch {
    rmSync(path, { force: true });
    model = decodeModel(readFileSync(cachedModelFile()));
  }
  loaded = { path, model };
  return model;
}
