import { describe, expect, it } from 'vitest';
import { CharTrie } from '../../src/engine/matchers/char-trie';

/** What a walk must report: every key that is a prefix of text.slice(start), with its parts (a part may repeat). */
function naive(keys: Array<[string, number]>, text: string, start: number): string[] {
  const byEnd = new Map<number, number[]>();
  for (const [k, part] of keys) {
    if (!k || !text.startsWith(k, start)) continue;
    const end = start + k.length;
    const list = byEnd.get(end) ?? [];
    if (!list.includes(part)) list.push(part);
    byEnd.set(end, list);
  }
  return [...byEnd].sort((a, b) => a[0] - b[0]).map(([end, parts]) => `${end}:${[...parts].sort((x, y) => x - y).join(',')}`);
}

function walked(trie: CharTrie, text: string, start: number): string[] {
  const out: string[] = [];
  trie.walk(text, start, (end, parts) => out.push(`${end}:${[...new Set(parts)].sort((x, y) => x - y).join(',')}`));
  return out;
}

/** a small random generator, so a failure can be replayed */
function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('CharTrie', () => {
  it('finds every key that starts at a position, with all its parts', () => {
    const trie = new CharTrie();
    const keys: Array<[string, number]> = [['宗教', 1], ['宗教団体', 2], ['宗', 3], ['宗教', 4], ['教団', 5]];
    for (const [k, p] of keys) trie.insert(k, p);
    expect(walked(trie, 'この宗教団体は', 2)).toEqual(['3:3', '4:1,4', '6:2']);
    expect(walked(trie, 'この宗教団体は', 3)).toEqual(['5:5']);
    expect(walked(trie, 'この宗教団体は', 0)).toEqual([]);
    expect(walked(trie, '宗', 1)).toEqual([]);
  });

  it('keys with surrogate pairs and the same part under two keys', () => {
    const trie = new CharTrie();
    trie.insert('𠮷野家', 7);
    trie.insert('𠮷', 8);
    trie.insert('吉野家', 7);
    expect(walked(trie, 'あ𠮷野家', 1)).toEqual(['3:8', '5:7']);
    expect(walked(trie, '吉野家へ', 0)).toEqual(['3:7']);
  });

  it('agrees with a naive search on random keys and texts, also after inserting between walks', () => {
    const next = rng(42);
    const alphabet = ['あ', 'い', 'ア', '宗', '教', 'a', 'b', '𠮷', 'ー'];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const trie = new CharTrie();
    const keys: Array<[string, number]> = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 300; i++) {
        const k = word(6);
        const part = Math.floor(next() * 500);
        keys.push([k, part]);
        trie.insert(k, part);
      }
      for (let t = 0; t < 100; t++) {
        const text = word(20);
        for (let start = 0; start <= text.length; start++) expect(walked(trie, text, start)).toEqual(naive(keys, text, start));
      }
    }
  });

  it('as data (what the snapshot ships) walks, stamps and takes inserts exactly like the trie it came from', () => {
    const next = rng(7);
    const alphabet = ['あ', 'い', 'ア', '宗', '教', 'a', 'b', '𠮷', 'ー'];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const trie = new CharTrie();
    const keys: Array<[string, number]> = [];
    // one key per value (as for parts and literals), keys shared by several values
    for (let v = 0; v < 800; v++) {
      const k = v % 5 === 0 && keys.length ? keys[Math.floor(next() * keys.length)]![0] : word(8);
      keys.push([k, v]);
      trie.insert(k, v);
    }
    const data = trie.data(900);
    expect(data.nodeOf.length).toBe(900);
    const copy = CharTrie.fromData(data);
    // numbered as the inserts numbered them: the same parts at the same nodes
    const partsOf = (t: CharTrie) => (t as unknown as { flat: { parts: unknown[] } }).flat.parts;
    expect(partsOf(copy)).toEqual(partsOf(trie));
    const texts = Array.from({ length: 150 }, () => word(24));
    for (const text of texts) {
      for (let start = 0; start <= text.length; start++) {
        const a: string[] = [];
        const b: string[] = [];
        trie.walk(text, start, (end, parts) => a.push(`${end}:${parts.join(',')}`)); // the same order too
        copy.walk(text, start, (end, parts) => b.push(`${end}:${parts.join(',')}`));
        expect(b).toEqual(a);
      }
      const found: number[][] = [[], []];
      trie.stampKeys(text, new Uint32Array(900), 1, found[0]!);
      copy.stampKeys(text, new Uint32Array(900), 1, found[1]!);
      expect(found[1]).toEqual(found[0]);
    }
    // the copy grows like any trie
    for (let v = 0; v < 300; v++) {
      const k = word(8);
      keys.push([k, 1000 + v]);
      copy.insert(k, 1000 + v);
    }
    for (const text of texts) for (let start = 0; start <= text.length; start++) expect(walked(copy, text, start)).toEqual(naive(keys, text, start));
  });

  it('refuses data that is not a trie, and a value under two keys', () => {
    const trie = new CharTrie();
    trie.insert('宗教', 0);
    trie.insert('宗派', 1);
    const data = trie.data(2);
    expect(() => CharTrie.fromData({ ...data, depth: Uint8Array.from([0, 2, 1, 2]) })).toThrow(/depth/);
    expect(() => CharTrie.fromData({ ...data, bits: 1 })).toThrow(/sizes/);
    expect(() => CharTrie.fromData({ ...data, nodeOf: Int32Array.from([0, 99]) })).toThrow(/node/);
    trie.insert('宗', 1);
    expect(() => trie.data(2)).toThrow(/two keys/);
  });
});
