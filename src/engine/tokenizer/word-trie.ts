/**
 * The dictionary's surface forms as a double array over characters (built by convert-ipadic.ts).
 *
 * kuromoji's trie (doublearray 0.0.2) is keyed on UTF-8 bytes: three steps for a kana or kanji,
 * each a read of BASE and one of CHECK (four cache lines), and a fourth step through the key's
 * terminator to find its value. Here the same keys are keyed on characters: a character's code is
 * its rank by how many trie nodes it labels (1 = the commonest; 0 = in no key), so one step per
 * character, and the children of a node sit close together. BASE and CHECK of a slot are
 * neighbours (one cache line), and a word's entries are contiguous in the entry arrays:
 *
 *   trie[2 s]     = base(s) << 1 | (1 if a key ends at s)
 *   trie[2 s + 1] = check(s): the parent slot; -1 for a free slot
 *   for a slot s where a key ends, at t = base(s) (code 0 is reserved for it):
 *   trie[2 t] = first entry, trie[2 t + 1] = -(number of entries)
 *
 * The root is slot 0. `codes` lists [code point, code] pairs. The array is padded so that
 * base + any code is always in bounds.
 */

/** The byte trie as kuromoji stores it: BASE, CHECK, and values by terminator slot. */
export interface ByteTrie {
  base: Int32Array;
  check: Int32Array;
}

export interface CharTrieData {
  trie: Int32Array;
  /** [code point, code] pairs, by code point */
  codes: Uint32Array;
}

/**
 * The character-level trie that walks exactly like the byte trie does over text: a character
 * steps from node N to node M here iff kuromoji's walk, given that character's UTF-8 bytes (as
 * kuromoji-tokenizer.ts encodes them: lone surrogates as 3 bytes, pairs as 4), goes from N to M
 * there; a key ends at M here iff it does there, with value `value(M)`. `entriesOf(value)` gives
 * the value's entries as [first, count] in the new entry order.
 */
export function buildCharTrie(bytes: ByteTrie, entriesOf: (value: number) => [number, number]): CharTrieData {
  const { base, check } = bytes;
  const slots = check.length;
  // children of every byte node, by parent (counting sort on CHECK)
  const childStart = new Int32Array(slots + 1);
  for (let s = 1; s < slots; s++) if (check[s]! >= 0 && check[s] !== s) childStart[check[s]! + 1] = childStart[check[s]! + 1]! + 1;
  for (let s = 0; s < slots; s++) childStart[s + 1] = childStart[s + 1]! + childStart[s]!;
  const childList = new Int32Array(childStart[slots]!);
  const fill = childStart.slice(0, slots);
  for (let s = 1; s < slots; s++) if (check[s]! >= 0 && check[s] !== s) childList[fill[check[s]!]!++] = s;
  const byteOf = (parent: number, child: number) => child - base[parent]!;

  // Character-level nodes, breadth first from the root: parent, code point, value (-1: none).
  const parentOf: number[] = [-1];
  const cpOf: number[] = [-1];
  const valueOf: number[] = [-1];
  const byteNode: number[] = [0];
  /** decode one character's bytes from byte node `from`: calls back with (code point, byte node) */
  const chars = (from: number, emit: (cp: number, node: number) => void) => {
    const walk = (node: number, need: number, cp: number, len: number) => {
      if (need === 0) {
        // only the encodings the walk produces: shortest form, at most U+10FFFF
        const min = len === 1 ? 1 : len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
        const max = len === 1 ? 0x7f : len === 2 ? 0x7ff : len === 3 ? 0xffff : 0x10ffff;
        if (cp >= min && cp <= max) emit(cp, node);
        return;
      }
      for (let k = childStart[node]!; k < childStart[node + 1]!; k++) {
        const c = childList[k]!;
        const b = byteOf(node, c);
        if (b >= 0x80 && b <= 0xbf) walk(c, need - 1, (cp << 6) | (b & 0x3f), len);
      }
    };
    for (let k = childStart[from]!; k < childStart[from + 1]!; k++) {
      const c = childList[k]!;
      const b = byteOf(from, c);
      if (b >= 0x01 && b <= 0x7f) walk(c, 0, b, 1);
      else if (b >= 0xc0 && b <= 0xdf) walk(c, 1, b & 0x1f, 2);
      else if (b >= 0xe0 && b <= 0xef) walk(c, 2, b & 0x0f, 3);
      else if (b >= 0xf0 && b <= 0xf7) walk(c, 3, b & 0x07, 4);
    }
  };
  for (let i = 0; i < byteNode.length; i++) {
    chars(byteNode[i]!, (cp, node) => {
      parentOf.push(i);
      cpOf.push(cp);
      byteNode.push(node);
      // kuromoji-tokenizer's test for a word ending here: the terminator child with BASE <= 0
      const leaf = base[node]! + 0;
      valueOf.push(leaf >= 0 && leaf < slots && check[leaf] === node && base[leaf]! <= 0 ? -base[leaf]! - 1 : -1);
    });
  }
  const nodes = parentOf.length;

  // codes by how many nodes a character labels (ties: lower code point first)
  const freq = new Map<number, number>();
  for (let i = 1; i < nodes; i++) freq.set(cpOf[i]!, (freq.get(cpOf[i]!) ?? 0) + 1);
  const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const codeOf = new Map<number, number>(ranked.map(([cp], i) => [cp, i + 1]));
  const maxCode = ranked.length;

  // children of each character node, by code
  const kidStart = new Int32Array(nodes + 1);
  for (let i = 1; i < nodes; i++) kidStart[parentOf[i]! + 1] = kidStart[parentOf[i]! + 1]! + 1;
  for (let i = 0; i < nodes; i++) kidStart[i + 1] = kidStart[i + 1]! + kidStart[i]!;
  const kids = new Int32Array(nodes);
  const kidFill = kidStart.slice(0, nodes);
  for (let i = 1; i < nodes; i++) kids[kidFill[parentOf[i]!]!++] = i;

  // Place the nodes breadth first (the order they were found, so short prefixes are close together).
  let cap = Math.max(1024, nodes * 2);
  let used = new Uint8Array(cap);
  const slotOf = new Int32Array(nodes);
  const baseOf = new Int32Array(nodes);
  used[0] = 1; // the root
  let nextCheck = 1;
  const resumeAt = new Int32Array(33);
  let last = 0;
  const codesBuf: number[] = [];
  for (let i = 0; i < nodes; i++) {
    const terminal = valueOf[i]! >= 0 && entriesOf(valueOf[i]!)[1] > 0;
    codesBuf.length = 0;
    if (terminal) codesBuf.push(0);
    for (let k = kidStart[i]!; k < kidStart[i + 1]!; k++) codesBuf.push(codeOf.get(cpOf[kids[k]!]!)!);
    codesBuf.sort((a, b) => a - b);
    if (codesBuf.length === 0) continue; // cannot happen: every leaf of the trie ends a key
    // darts' search: the first slot from `nextCheck` where the smallest code fits and the others
    // too; a start region that is nearly full is skipped from then on
    const lo = codesBuf[0]!;
    const hi = codesBuf[codesBuf.length - 1]!;
    // nodes with many children start where the last one of their size fitted (before it, the
    // array only got fuller)
    const size = 32 - Math.clz32(codesBuf.length);
    const from = Math.max(lo + 1, nextCheck);
    const resume = size > 1 ? resumeAt[size]! : 0;
    let at = Math.max(from, resume) - 1;
    let occupied = 0;
    let first = resume <= from;
    let b = 0;
    for (;;) {
      at++;
      if (at + hi - lo + 1 >= cap) {
        const more = new Uint8Array(Math.max(cap * 2, at + hi + 1024));
        more.set(used);
        used = more;
        cap = more.length;
      }
      if (used[at]) {
        occupied++;
        continue;
      }
      if (first) {
        nextCheck = at;
        first = false;
      }
      b = at - lo;
      let ok = true;
      for (let k = 1; k < codesBuf.length; k++) {
        if (used[b + codesBuf[k]!]) {
          ok = false;
          break;
        }
      }
      if (ok) break;
    }
    if (resume <= from && occupied / (at - nextCheck + 1) >= 0.95) nextCheck = at;
    resumeAt[size] = at;
    baseOf[i] = b;
    for (const c of codesBuf) {
      used[b + c] = 1;
      if (b + c > last) last = b + c;
    }
    for (let k = kidStart[i]!; k < kidStart[i + 1]!; k++) {
      const kid = kids[k]!;
      slotOf[kid] = b + codeOf.get(cpOf[kid]!)!;
    }
  }

  let maxBase = 0;
  for (let i = 0; i < nodes; i++) if (baseOf[i]! > maxBase) maxBase = baseOf[i]!;
  const length = Math.max(last + 1, maxBase + maxCode + 1);
  const trie = new Int32Array(length * 2);
  for (let s = 0; s < length; s++) trie[2 * s + 1] = -1;
  for (let i = 0; i < nodes; i++) {
    const s = slotOf[i]!;
    const b = baseOf[i]!;
    const value = valueOf[i]!;
    const [first, count] = value >= 0 ? entriesOf(value) : [0, 0];
    const terminal = count > 0;
    trie[2 * s] = (b << 1) | (terminal ? 1 : 0);
    trie[2 * s + 1] = i === 0 ? -1 : slotOf[parentOf[i]!]!;
    if (terminal) {
      trie[2 * b] = first;
      trie[2 * b + 1] = -count;
    }
  }
  const codes = new Uint32Array(ranked.length * 2);
  [...codeOf.entries()].sort((a, b) => a[0] - b[0]).forEach(([cp, code], i) => {
    codes[2 * i] = cp;
    codes[2 * i + 1] = code;
  });
  return { trie, codes };
}
