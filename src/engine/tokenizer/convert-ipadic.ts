/**
 * Converts kuromoji's IPADIC files (already gunzipped) into Kakunin's KKD1 container.
 * Runs at build time (WXT hook) and on first CLI use; pure, so it is unit-testable.
 */
import { writeContainer, type SectionName } from './ipadic-format';
import { buildCharTrie } from './word-trie';

export const KUROMOJI_FILES = [
  'base.dat', 'check.dat', 'cc.dat', 'tid.dat', 'tid_pos.dat', 'tid_map.dat',
  'unk.dat', 'unk_pos.dat', 'unk_map.dat', 'unk_char.dat', 'unk_compat.dat', 'unk_invoke.dat',
] as const;
export type KuromojiFiles = Record<(typeof KUROMOJI_FILES)[number], Uint8Array>;

/** kuromoji pads its buffers with zeros (34 MiB of them); the padding carries nothing. */
function trimZeros(b: Uint8Array, multipleOf = 1, margin = 0): Uint8Array {
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  // A record may legitimately end in zero bytes (a 0 value, a string terminator): keep a margin.
  end = Math.ceil((end + margin) / multipleOf) * multipleOf;
  return b.subarray(0, Math.min(end, b.length));
}

const TID_ENTRY_BYTES = 10; // left Int16, right Int16, cost Int16, pos offset Int32 (kuromoji TokenInfoDictionary.put)

export function convertIpadic(files: KuromojiFiles): Uint8Array {
  const tid = trimZeros(files['tid.dat'], TID_ENTRY_BYTES);
  const tidView = new DataView(tid.buffer, tid.byteOffset, tid.byteLength);
  const entries = tid.byteLength / TID_ENTRY_BYTES;
  const tidPos = files['tid_pos.dat'];

  const tokLeft = new Int16Array(entries);
  const tokRight = new Int16Array(entries);
  const tokCost = new Int16Array(entries);
  const tokPos = new Uint16Array(entries);
  const tokBase = new Int32Array(entries);
  const tokReading = new Int32Array(entries);

  const posIds = new Map<string, number>();
  const posTable: string[] = [];
  const stringIds = new Map<string, number>();
  const pool: string[] = [];
  const intern = (s: string) => {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = pool.length;
      pool.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const utf8 = new TextDecoder();

  for (let i = 0; i < entries; i++) {
    const at = i * TID_ENTRY_BYTES;
    tokLeft[i] = tidView.getInt16(at, true);
    tokRight[i] = tidView.getInt16(at + 2, true);
    tokCost[i] = tidView.getInt16(at + 4, true);
    const posOffset = tidView.getInt32(at + 6, true);
    let end = posOffset;
    while (tidPos[end] !== 0 && end < tidPos.length) end++;
    // Same naive split as kuromoji's Tokenizer, so tokens are identical to stock kuromoji.
    const f = utf8.decode(tidPos.subarray(posOffset, end)).split(',');
    const posKey = f.slice(1, 7).join(',');
    let posId = posIds.get(posKey);
    if (posId === undefined) {
      posId = posTable.length;
      posTable.push(posKey);
      posIds.set(posKey, posId);
    }
    tokPos[i] = posId;
    tokBase[i] = f[7] === undefined ? -1 : f[7] === f[0] ? -1 : intern(f[7]);
    tokReading[i] = f[8] === undefined ? -1 : intern(f[8]);
  }

  // tid_map: Int32 count, then per key: key, n, n token-info byte offsets.
  const map = files['tid_map.dat'];
  const mapView = new DataView(map.buffer, map.byteOffset, map.byteLength);
  const keyCount = mapView.getInt32(0, true);
  const lists = new Map<number, number[]>();
  let maxKey = 0;
  let p = 4;
  for (let k = 0; k < keyCount; k++) {
    const key = mapView.getInt32(p, true);
    const n = mapView.getInt32(p + 4, true);
    p += 8;
    const values: number[] = [];
    for (let j = 0; j < n; j++, p += 4) values.push(mapView.getInt32(p, true) / TID_ENTRY_BYTES);
    lists.set(key, values);
    if (key > maxKey) maxKey = key;
  }
  // Entries in trie-value order (each value's entries contiguous, in kuromoji's order), then any
  // entry no value lists. `order[new] = old`.
  const valueFirst = new Int32Array(maxKey + 2);
  const order: number[] = [];
  const listed = new Uint8Array(entries);
  for (let key = 0; key <= maxKey; key++) {
    valueFirst[key] = order.length;
    for (const v of lists.get(key) ?? []) {
      order.push(v);
      listed[v] = 1;
    }
  }
  valueFirst[maxKey + 1] = order.length;
  for (let i = 0; i < entries; i++) if (!listed[i]) order.push(i);

  // Connection ids renumbered by how many entries (dictionary and unknown words) use them, the
  // commonest first, so the costs a sentence reads crowd into few cache lines; 0 (BOS/EOS) stays 0.
  const cc = new DataView(files['cc.dat'].buffer, files['cc.dat'].byteOffset, files['cc.dat'].byteLength);
  const forwardDim = cc.getInt16(0, true); // previous word's right id
  const backwardDim = cc.getInt16(2, true); // next word's left id
  const unk = new Uint8Array(trimZeros(files['unk.dat'], TID_ENTRY_BYTES, 16));
  const unkView = new DataView(unk.buffer, unk.byteOffset, unk.byteLength);
  const unkEntries = Math.floor(unk.byteLength / TID_ENTRY_BYTES);
  const rank = (dim: number, idOf: (i: number) => number, n: number, unkOffset: number) => {
    const uses = new Float64Array(dim);
    for (let i = 0; i < n; i++) uses[idOf(i)] = uses[idOf(i)]! + 1;
    for (let i = 0; i < unkEntries; i++) {
      const id = unkView.getInt16(i * TID_ENTRY_BYTES + unkOffset, true);
      uses[id] = uses[id]! + 1;
    }
    const ids = Array.from({ length: dim - 1 }, (_, i) => i + 1).sort((a, b) => uses[b]! - uses[a]! || a - b);
    const renumber = new Int16Array(dim); // old id -> new id
    ids.forEach((id, i) => (renumber[id] = i + 1));
    return renumber;
  };
  const newLeft = rank(backwardDim, (i) => tokLeft[i]!, entries, 0);
  const newRight = rank(forwardDim, (i) => tokRight[i]!, entries, 2);
  // transposed: one word's costs from every possible predecessor are one row
  const conn = new Int16Array(2 + forwardDim * backwardDim);
  conn[0] = backwardDim;
  conn[1] = forwardDim;
  for (let r = 0; r < forwardDim; r++) {
    for (let l = 0; l < backwardDim; l++) conn[2 + newLeft[l]! * forwardDim + newRight[r]!] = cc.getInt16(4 + (r * backwardDim + l) * 2, true);
  }
  for (let i = 0; i < unkEntries; i++) {
    const at = i * TID_ENTRY_BYTES;
    unkView.setInt16(at, newLeft[unkView.getInt16(at, true)]!, true);
    unkView.setInt16(at + 2, newRight[unkView.getInt16(at + 2, true)]!, true);
  }

  const entryArray = new Int16Array(entries * 3);
  const pos = new Uint16Array(entries);
  const baseIds = new Int32Array(entries);
  const readingIds = new Int32Array(entries);
  order.forEach((old, i) => {
    entryArray[3 * i] = newLeft[tokLeft[old]!]!;
    entryArray[3 * i + 1] = newRight[tokRight[old]!]!;
    entryArray[3 * i + 2] = tokCost[old]!;
    pos[i] = tokPos[old]!;
    baseIds[i] = tokBase[old]!;
    readingIds[i] = tokReading[old]!;
  });

  const strOffsets = new Uint32Array(pool.length + 1);
  let chars = 0;
  pool.forEach((s, i) => {
    strOffsets[i] = chars;
    chars += s.length;
  });
  strOffsets[pool.length] = chars;
  const strChars = new Uint16Array(chars);
  let c = 0;
  for (const s of pool) for (let j = 0; j < s.length; j++) strChars[c++] = s.charCodeAt(j);

  const int32 = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  const { trie, codes } = buildCharTrie({ base: int32(files['base.dat']), check: int32(files['check.dat']) }, (value) =>
    value <= maxKey ? [valueFirst[value]!, valueFirst[value + 1]! - valueFirst[value]!] : [0, 0],
  );

  const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const sections: Record<SectionName, Uint8Array> = {
    trie: bytesOf(trie),
    trieCodes: bytesOf(codes),
    conn: bytesOf(conn),
    entries: bytesOf(entryArray),
    tokPos: bytesOf(pos),
    tokBase: bytesOf(baseIds),
    tokReading: bytesOf(readingIds),
    posTable: new TextEncoder().encode(JSON.stringify(posTable)),
    strOffsets: bytesOf(strOffsets),
    strChars: bytesOf(strChars),
    unk,
    unkPos: trimZeros(files['unk_pos.dat'], 4, 16),
    unkMap: trimZeros(files['unk_map.dat'], 4, 16),
    unkChar: files['unk_char.dat'],
    unkCompat: files['unk_compat.dat'],
    unkInvoke: trimZeros(files['unk_invoke.dat'], 4, 16),
  };
  return writeContainer(sections);
}
