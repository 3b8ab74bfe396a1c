/**
 * Converts kuromoji's IPADIC files (already gunzipped) into Kakunin's KKD1 container.
 * Runs at build time (WXT hook) and on first CLI use; pure, so it is unit-testable.
 */
import { writeContainer, type SectionName } from './ipadic-format';

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
  const mapOffsets = new Uint32Array(maxKey + 2);
  const flat: number[] = [];
  for (let key = 0; key <= maxKey; key++) {
    mapOffsets[key] = flat.length;
    for (const v of lists.get(key) ?? []) flat.push(v);
  }
  mapOffsets[maxKey + 1] = flat.length;

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

  const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  // The double array was grown by doubling: a third of it (6 MB) is free slots after the last used
  // one. A slot is used when its CHECK is >= 0; lookups past the end are "not found".
  const check = new Int32Array(files['check.dat'].buffer, files['check.dat'].byteOffset, files['check.dat'].byteLength / 4);
  let used = check.length;
  while (used > 1 && check[used - 1]! < 0) used--;
  const sections: Record<SectionName, Uint8Array> = {
    base: files['base.dat'].subarray(0, used * 4),
    check: files['check.dat'].subarray(0, used * 4),
    cc: files['cc.dat'],
    tokLeft: bytesOf(tokLeft),
    tokRight: bytesOf(tokRight),
    tokCost: bytesOf(tokCost),
    tokPos: bytesOf(tokPos),
    tokBase: bytesOf(tokBase),
    tokReading: bytesOf(tokReading),
    mapOffsets: bytesOf(mapOffsets),
    mapValues: bytesOf(Uint32Array.from(flat)),
    posTable: new TextEncoder().encode(JSON.stringify(posTable)),
    strOffsets: bytesOf(strOffsets),
    strChars: bytesOf(strChars),
    unk: trimZeros(files['unk.dat'], TID_ENTRY_BYTES, 16),
    unkPos: trimZeros(files['unk_pos.dat'], 4, 16),
    unkMap: trimZeros(files['unk_map.dat'], 4, 16),
    unkChar: files['unk_char.dat'],
    unkCompat: files['unk_compat.dat'],
    unkInvoke: trimZeros(files['unk_invoke.dat'], 4, 16),
  };
  return writeContainer(sections);
}
