/**
 * The compiled snapshot in the binary form the build ships (dict/builtin-index.kix) and Node
 * caches: one ArrayBuffer, read without JSON.parse and without making an object per pattern token.
 *
 *   u32 magic "KIX1", u32 SNAPSHOT_VERSION, u32 checksum of every byte after it (from offset 12),
 *   u32 byte length of the header, the header (UTF-8 JSON: patterns, keys, counts), then 4-aligned:
 *   the strings (u32 count of UTF-16 code units, then the units: the strings joined by U+0000,
 *   the tokens' own strings first), and the columns below (little-endian).
 *
 * Parts: kind (u8: 0 Japanese, 1 written-form-only, 2 English), folded surface and aux (i32 string
 * numbers; aux is the reading of a Japanese part, the prefix of an English one), their token rows
 * (tokStart, then per row the surface / base / base reading / surface reading numbers: PartRows),
 * and an English part's literal words (enStart, enWords). -2 is the empty string; -3 a Japanese
 * part's surface that is its tokens' surfaces joined, or its reading that is their readings joined
 * (nearly all of them: the strings table then holds little more than the tokens' strings).
 *
 * A file that is not exactly this (truncated, another version, a flipped bit) throws on load; the
 * hosts then compile the lists instead, which only costs time.
 */
import { compiledFromData, LoadedSnapshot, NAME_PART, SNAPSHOT_VERSION, type IndexSnapshot } from './pattern-index';
import { englishPartOf, rowPart, stringNumbers, type Part, type PartRows } from './phrase';

const MAGIC = 0x3158494b; // "KIX1"
const PREFIX = 16;
/** where the checksummed bytes start */
const SUMMED = 12;
const EMPTY = -2;
const JOINED = -3;

interface Header {
  compiled: IndexSnapshot['compiled'];
  keys: IndexSnapshot['keys'];
  counts: { strings: number; tokenStrings: number; chars: number; parts: number; rows: number; enWords: number };
}

const align = (n: number) => (n + 3) & ~3;

/** A checksum of 32-bit words (FNV-style): any changed word changes it. */
function checksum(words: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

/** The binary form of a snapshot (throws on a snapshot of another version). */
export function encodeSnapshot(snap: IndexSnapshot): Uint8Array {
  const { parts, rows } = LoadedSnapshot.fromData(snap);
  const strings = rows.strings.slice();
  const idOf = stringNumbers(strings);
  const n = parts.length;
  const kind = new Uint8Array(n);
  const partS = new Int32Array(n);
  const aux = new Int32Array(n);
  const enStart = new Int32Array(n + 1);
  const enWords: number[] = [];
  parts.forEach((p, i) => {
    kind[i] = p.english ? 2 : p.surfaceOnly ? 1 : 0;
    const joined = !p.english && p.tokens.length > 0;
    partS[i] = joined && p.s === p.tokens.map((t) => t.s).join('') ? JOINED : idOf(p.s);
    aux[i] = joined && p.reading !== '' && p.reading === p.tokens.map((t) => t.rs).join('') ? JOINED : idOf(p.english ? p.prefix : p.reading);
    enStart[i] = enWords.length;
    if (p.english) for (const w of p.words) enWords.push(idOf(w));
  });
  enStart[n] = enWords.length;
  if (strings.some((s) => s.includes('\0'))) throw new Error('a pattern string contains U+0000');
  const joined = strings.join('\0');
  const header: Header = {
    compiled: snap.compiled,
    keys: snap.keys,
    counts: { strings: strings.length, tokenStrings: rows.strings.length, chars: joined.length, parts: n, rows: rows.tokS.length, enWords: enWords.length },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const columns: ArrayBufferView[] = [kind, partS, aux, rows.tokStart, rows.tokS, rows.tokL, rows.tokLR, rows.tokRS, enStart, Int32Array.from(enWords)];
  let size = PREFIX + align(json.length) + 4 + align(joined.length * 2);
  for (const c of columns) size += align(c.byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, SNAPSHOT_VERSION, true);
  view.setUint32(12, json.length, true);
  out.set(json, PREFIX);
  let at = PREFIX + align(json.length);
  view.setUint32(at, joined.length, true);
  at += 4;
  for (let i = 0; i < joined.length; i++) view.setUint16(at + 2 * i, joined.charCodeAt(i), true);
  at += align(joined.length * 2);
  for (const c of columns) {
    // typed arrays are little-endian on every platform the extension and Node run on
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += align(c.byteLength);
  }
  view.setUint32(8, checksum(new Uint32Array(out.buffer, SUMMED)), true);
  return out;
}

function fail(why: string): never {
  throw new Error(`pattern snapshot: ${why}`);
}

/** Loads a snapshot from its binary form or its JSON form (throws on anything else, or another version). */
export function loadSnapshot(data: ArrayBuffer | Uint8Array | IndexSnapshot): LoadedSnapshot {
  if (!(data instanceof ArrayBuffer) && !(data instanceof Uint8Array)) return LoadedSnapshot.fromData(data);
  // own, 4-aligned bytes (a Node Buffer may be a slice of a shared pool)
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data.byteOffset % 4 === 0 ? data : data.slice();
  if (bytes.byteLength < PREFIX || bytes.byteLength % 4 !== 0) fail('truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) fail('not a snapshot');
  const version = view.getUint32(4, true);
  if (version !== SNAPSHOT_VERSION) throw new Error(`pattern snapshot version ${version} is not ${SNAPSHOT_VERSION}`);
  if (checksum(new Uint32Array(bytes.buffer, bytes.byteOffset + SUMMED, (bytes.byteLength - SUMMED) / 4)) !== view.getUint32(8, true)) fail('checksum mismatch');
  const jsonLength = view.getUint32(12, true);
  if (PREFIX + jsonLength > bytes.byteLength) fail('truncated');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + jsonLength))) as Header;
  } catch {
    fail('header');
  }
  const { counts } = header;
  let at = PREFIX + align(jsonLength);
  const take = <T>(make: (offset: number, length: number) => T, length: number, bytesPer: number): T => {
    if (at + length * bytesPer > bytes.byteLength) fail('truncated');
    const t = make(bytes.byteOffset + at, length);
    at += align(length * bytesPer);
    return t;
  };
  const chars = view.getUint32(at, true);
  at += 4;
  if (chars !== counts.chars) fail('string table size');
  const units = take((o, n) => new Uint8Array(bytes.buffer, o, n * 2), chars, 2);
  const strings = new TextDecoder('utf-16le').decode(units).split('\0');
  if (strings.length !== counts.strings || counts.tokenStrings > counts.strings) fail('string count');
  const i32 = (length: number) => take((o, n) => new Int32Array(bytes.buffer, o, n), length, 4);
  const kind = take((o, n) => new Uint8Array(bytes.buffer, o, n), counts.parts, 1);
  const partS = i32(counts.parts);
  const aux = i32(counts.parts);
  const tokStart = i32(counts.parts + 1);
  const tokS = i32(counts.rows);
  const tokL = i32(counts.rows);
  const tokLR = i32(counts.rows);
  const tokRS = i32(counts.rows);
  const enStart = i32(counts.parts + 1);
  const enWords = i32(counts.enWords);
  if (at !== bytes.byteLength) fail('size');

  // every number in range, every run in order: a snapshot that loads is one the matcher can use
  const inRange = (a: Int32Array, limit: number, lowest = EMPTY) => {
    for (let i = 0; i < a.length; i++) if (a[i]! < lowest || a[i]! === -1 || a[i]! >= limit) fail('string number out of range');
  };
  const ascending = (a: Int32Array, last: number) => {
    if (a[0] !== 0 || a[a.length - 1] !== last) fail('runs');
    for (let i = 1; i < a.length; i++) if (a[i]! < a[i - 1]!) fail('runs');
  };
  for (const a of [tokS, tokL, tokLR, tokRS]) inRange(a, counts.tokenStrings);
  inRange(enWords, counts.strings);
  for (const a of [partS, aux]) inRange(a, counts.strings, JOINED);
  ascending(tokStart, counts.rows);
  ascending(enStart, counts.enWords);
  const parts = counts.parts;
  for (const c of header.compiled) {
    if (c.kind === 'phrase') for (const v of c.variants) for (const slot of v) for (const p of slot) if (!((p >= 0 && p < parts) || p === NAME_PART)) fail('part number out of range'); // NAME_PART: the {人名} slot
  }
  for (const [, id] of header.keys) if (!(id >= 0 && id < header.compiled.length)) fail('pattern number out of range');

  const rows: PartRows = { strings: strings.slice(0, counts.tokenStrings), tokStart, tokS, tokL, tokLR, tokRS };
  const str = (id: number) => (id === EMPTY ? '' : strings[id]!);
  /** part i's tokens' strings (column `of`) joined */
  const joined = (i: number, of: Int32Array) => {
    const from = tokStart[i]!;
    const to = tokStart[i + 1]!;
    if (to === from) fail('joined strings of no tokens');
    let out = str(of[from]!);
    for (let r = from + 1; r < to; r++) out += str(of[r]!);
    return out;
  };
  const out: Part[] = [];
  for (let i = 0; i < parts; i++) {
    const k = kind[i]!;
    if (k === 2) {
      if (partS[i] === JOINED || aux[i] === JOINED) fail('English part');
      const words: string[] = [];
      for (let w = enStart[i]!; w < enStart[i + 1]!; w++) words.push(str(enWords[w]!));
      out.push(englishPartOf(str(partS[i]!), words, str(aux[i]!)));
    } else if (k === 0 || k === 1) {
      const s = partS[i] === JOINED ? joined(i, tokS) : str(partS[i]!);
      out.push(rowPart(s, aux[i] === JOINED ? joined(i, tokRS) : str(aux[i]!), k === 1, rows, i));
    } else fail('part kind');
  }
  return new LoadedSnapshot(out, rows, header.compiled.map(compiledFromData), new Map(header.keys));
}
