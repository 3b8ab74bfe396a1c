/**
 * The learned second stage: features, training, the binary form, the detector's findings, and the
 * shipped model (trained from dictionaries/corpus) on the neutral mentions.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDictionary } from '../../src/engine/dictionary/compile';
import { modelDetector, MODEL_RULES } from '../../src/engine/detectors/model';
import { CATEGORIES, FindingSchema } from '../../src/engine/finding';
import { createEngine } from '../../src/engine/index';
import { accountBucket, featuresOf, forEachNgram } from '../../src/engine/model/features';
import { decodeModel, encodeModel, ModelFormatError, probabilities, scoreText, type LinearModel } from '../../src/engine/model/linear-model';
import { mergeDuplicates, trainModel, type LabeledPost } from '../../src/engine/model/train';
import { normalize } from '../../src/engine/normalize';
import { cachedModel, corpusFiles, readCorpus } from '../../src/node/model-cache';
import { builtinIds, createKakuninEngine } from '../../src/rules/builtin';
import { cachedBuiltinSnapshot } from '../../src/node/snapshot-cache';
import { tokenizer } from '../support/engine';

const shape = { bits: 12, ngramMax: 3 };
const folded = (s: string) => normalize(s).folded;

/** A toy corpus: ぴよぴよ教 posts are "religion", 値上げ posts "compliance", the rest benign. */
function toyCorpus(): LabeledPost[] {
  const posts: LabeledPost[] = [];
  const fillers = ['今日は', '皆さん', '新商品', 'お店で', '週末に', 'スタッフが', '朝から', 'みんなで'];
  fillers.forEach((f, i) => {
    posts.push({ text: `${f}ぴよぴよ教に入信しましょう`, expect: ['religion'] });
    posts.push({ text: `${f}ぴよぴよ教の集会へ`, expect: ['religion'] });
    posts.push({ text: `${f}こっそり値上げしました`, expect: ['compliance'] });
    posts.push({ text: `${f}ランチを食べました`, expect: [] });
    posts.push({ text: `${f}天気がいいですね${i}`, expect: [] });
  });
  return posts;
}

describe('model features', () => {
  it('are the same for the same text in other widths and kana, and differ by account', () => {
    const a = featuresOf(folded('ピヨピヨ教'), 'company', shape);
    const b = featuresOf(folded('ぴよぴよ教'), 'company', shape);
    const c = featuresOf(folded('ﾋﾟﾖﾋﾟﾖ教'), 'company', shape);
    expect([...a.buckets]).toEqual([...b.buckets]);
    expect([...a.buckets]).toEqual([...c.buckets]);
    expect([...a.values]).toEqual([...b.values]);
    const p = featuresOf(folded('ぴよぴよ教'), 'personal', shape);
    expect([...p.buckets]).not.toEqual([...b.buckets]);
  });

  it('count exactly the buckets forEachNgram visits (the detector explains with it), plus the account', () => {
    for (const text of ['', 'あ', '元本保証で必ず儲かる！ Vote them out 🎉\n二行目', 'ｶﾞｷﾞ　ＮＯ．１']) {
      const f = featuresOf(folded(text), 'personal', shape);
      const seen = new Map<number, number>();
      forEachNgram(folded(text), shape, (_s, _e, b) => seen.set(b, (seen.get(b) ?? 0) + 1));
      const account = accountBucket('personal', shape);
      seen.set(account, (seen.get(account) ?? 0) + 1);
      expect(new Map([...f.buckets].map((b, i) => [b, f.counts[i]]))).toEqual(seen);
    }
  });

  it('have unit length, one value per distinct bucket, and count repeats', () => {
    const f = featuresOf(folded('ああああ'), 'company', { bits: 16, ngramMax: 3 });
    expect(new Set(f.buckets).size).toBe(f.buckets.length);
    const length = Math.sqrt([...f.values].reduce((s, v) => s + v * v, 0));
    expect(length).toBeCloseTo(1, 5);
    // あ ×4, ああ ×3, あああ ×2 and the account
    expect([...f.counts].sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('training', () => {
  it('learns the toy categories and generalizes to a new sentence around the same words', () => {
    const m = trainModel(toyCorpus(), CATEGORIES, { ...shape, epochs: 30 });
    const p = (s: string) => probabilities(m, folded(s), 'company');
    const religion = CATEGORIES.indexOf('religion');
    const compliance = CATEGORIES.indexOf('compliance');
    expect(p('来月ぴよぴよ教に入信します')[religion]).toBeGreaterThan(0.6);
    expect(p('来月こっそり値上げします')[compliance]).toBeGreaterThan(0.6);
    expect(p('来月ランチを食べます')[religion]).toBeLessThan(0.4);
    expect(p('来月ランチを食べます')[compliance]).toBeLessThan(0.4);
  });

  it('gives the same model for the same corpus (seeded order), byte for byte', () => {
    const a = encodeModel(trainModel(toyCorpus(), CATEGORIES, shape));
    const b = encodeModel(trainModel(toyCorpus(), CATEGORIES, shape));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = encodeModel(trainModel(toyCorpus(), CATEGORIES, { ...shape, seed: 7 }));
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it('merges posts written twice into one with both labels', () => {
    const merged = mergeDuplicates([
      { text: 'x', expect: ['religion'] },
      { text: 'x', account: 'company', expect: ['race'] },
      { text: 'x', account: 'personal', expect: [] },
    ]);
    expect(merged).toEqual([
      { text: 'x', account: 'company', expect: ['religion', 'race'] },
      { text: 'x', account: 'personal', expect: [] },
    ]);
  });
});

describe('scoring in one pass', () => {
  it('gives the scores of the feature arrays training uses (up to 32-bit rounding)', () => {
    const m = trainModel(toyCorpus(), CATEGORIES, { ...shape, epochs: 30 });
    for (const text of ['来週はぴよぴよ教に入信しましょう', 'ランチ', '', 'ああああ ﾋﾟﾖ 🎉 Vote']) {
      for (const account of ['company', 'personal'] as const) {
        const fused = scoreText(m, folded(text), account);
        // the reference: the feature arrays training sees, times the 8-bit weights and their scale
        const f = featuresOf(folded(text), account, m);
        fused.forEach((v, c) => {
          let dot = 0;
          f.buckets.forEach((b, i) => (dot += m.weights[b * m.categories.length + c]! * f.values[i]!));
          expect(v).toBeCloseTo(m.bias[c]! + dot * m.scale[c]!, 5);
        });
      }
    }
  });
});

describe('model file', () => {
  const model = trainModel(toyCorpus(), CATEGORIES, shape);
  const bytes = encodeModel(model);

  it('reads back what was written', () => {
    const back = decodeModel(bytes);
    expect(back).toEqual(model);
    expect(decodeModel(bytes.buffer.slice(0) as ArrayBuffer)).toEqual(model);
  });

  it('refuses a truncated, altered or other-version file with a clear error', () => {
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 10))).toThrow(ModelFormatError);
    const altered = bytes.slice();
    altered[200] = altered[200]! ^ 1;
    expect(() => decodeModel(altered)).toThrow(/checksum/);
    const version = bytes.slice();
    version[4] = 99;
    expect(() => decodeModel(version)).toThrow(/version 99/);
    expect(() => decodeModel(new TextEncoder().encode('{"not":"a model"} and some more bytes to be long'))).toThrow(/not a Kakunin model/);
  });
});

describe('model detector', () => {
  const model: LinearModel = trainModel(toyCorpus(), CATEGORIES, { ...shape, epochs: 30 });
  const religionList = parseDictionary(
    { name: 'probe', entries: [{ id: 'religion/probe', category: 'religion', severity: 'warn', patterns: ['入信'], message: { ja: 'a', en: 'a' } }] },
    'probe',
  );
  async function engine(withList = false, overrides?: Parameters<typeof createEngine>[0]['overrides']) {
    return createEngine({ tokenizer: await tokenizer(), dictionaries: withList ? [{ file: religionList, source: 'probe' }] : [], detectors: [modelDetector(model)], overrides });
  }

  it('reports the sentence that weighs most, with its cue words, at warn', async () => {
    const text = 'いつもありがとうございます。\n来週はぴよぴよ教の集会へ行きます！ またね';
    const findings = (await engine()).check(text, { account: 'company' });
    const religion = findings.filter((f) => f.category === 'religion');
    expect(religion).toHaveLength(1);
    const f = religion[0]!;
    expect(FindingSchema.parse(f)).toEqual(f);
    expect(f).toMatchObject({ severity: 'warn', rule: 'model/religion', text: '来週はぴよぴよ教の集会へ行きます！' });
    expect(f.text).toBe(text.slice(f.start, f.end));
    expect(f.message.ja).toMatch(/学習モデルの推定/);
    expect(f.message.ja).toMatch(/ぴよ/);
    expect(f.message.en).toMatch(/Learned-model estimate/);
    expect(f.basis).toMatch(/40件のラベル付き投稿/);
  });

  it('points at the original text when widths and kana differ', async () => {
    const text = '告知です。ﾋﾟﾖﾋﾟﾖ教に入信しましょう';
    const f = (await engine()).check(text, { account: 'company' }).find((x) => x.rule === 'model/religion')!;
    expect(f.text).toBe('ﾋﾟﾖﾋﾟﾖ教に入信しましょう');
    expect(f.message.ja).toMatch(/ﾋﾟﾖ/);
  });

  it('stays quiet for a category a list already flagged, and on benign text', async () => {
    const text = '来週はぴよぴよ教に入信しましょう';
    const withList = (await engine(true)).check(text, { account: 'company' });
    expect(withList.map((f) => f.rule)).toEqual(['religion/probe']);
    expect((await engine()).check('来週はランチを食べます', { account: 'company' })).toEqual([]);
    expect((await engine()).check('', { account: 'company' })).toEqual([]);
    expect((await engine()).check(' \n ', { account: 'company' })).toEqual([]);
  });

  it('is switched off by rule id and by category, like any rule', async () => {
    const text = '来週はぴよぴよ教の集会へ';
    expect((await engine(false, { disabledRules: ['model/religion'] })).check(text).some((f) => f.category === 'religion')).toBe(false);
    expect((await engine(false, { categories: { religion: 'off' } })).check(text).some((f) => f.category === 'religion')).toBe(false);
  });

  it('declares its rule ids, so settings and policy may name them', () => {
    expect(MODEL_RULES).toContain('model/religion');
    for (const id of MODEL_RULES) expect(builtinIds().rules.has(id)).toBe(true);
  });
});

describe('the shipped model (trained from dictionaries/corpus)', () => {
  it('reads a corpus line by line, naming the file and line of a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kakunin-corpus-'));
    writeFileSync(join(dir, 'a.jsonl'), '{"text":"ok","expect":[]}\n{"text":"x","expect":["religionn"]}\n');
    expect(() => readCorpus(corpusFiles(dir))).toThrow(/a\.jsonl:2: expect\.0/);
    writeFileSync(join(dir, 'a.jsonl'), '{"text":"ok","expect":[]}\n{oops\n');
    expect(() => readCorpus(corpusFiles(dir))).toThrow(/a\.jsonl:2: not JSON/);
  });

  it('is trained on no post of the evaluation set (dev.jsonl stays a fair measure)', () => {
    let dev: string[] = [];
    try {
      dev = readFileSync(new URL('../../../shared/eval/dev.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    } catch {
      return; // the labeled set lives beside the checkout
    }
    const corpus = new Set(readCorpus().map((p) => p.text));
    expect(dev.filter((t) => corpus.has(t))).toEqual([]);
  });

  it('keeps the issue\'s neutral mentions below warn, and finds exact spans on the corpus\'s own posts', async () => {
    const t = await tokenizer();
    const engine = createKakuninEngine(t, {}, cachedBuiltinSnapshot(t), cachedModel());
    for (const text of ['神社の夏祭りに協賛しています。', 'クリスマスセール開催中！', '選挙日の営業時間のお知らせです。', '黒字決算となりました。', 'ブラックフライデーセール開催！', '台風による臨時休業のお知らせ', '防災の日の備蓄セールを行います。']) {
      expect(engine.check(text, { account: 'company' }).filter((f) => f.severity !== 'info'), text).toEqual([]);
    }
    const posts = readCorpus();
    let fromModel = 0;
    for (let i = 0; i < posts.length; i += 7) {
      const p = posts[i]!;
      for (const f of engine.check(p.text, { account: p.account })) {
        expect(f.text).toBe(p.text.slice(f.start, f.end));
        if (f.rule.startsWith('model/')) fromModel++;
      }
    }
    expect(fromModel).toBeGreaterThan(0);
  });
});
