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
 * Then the matcher tables, ready-made (TablesData in pattern-index.ts: the parts' and literals'
 * tries, PartMatcher's first-token index, the per-part and per-regex lists), as the columns the
 * header names, in its order: a worker makes its tables from these instead of building them.
 *
 * A file that is not exactly this (truncated, another version, a flipped bit) throws on load; the
 * hosts then compile the lists instead, which only costs time. Tables that do not fit the parts
 * and patterns are built from them instead (LoadedSnapshot), which also only costs time.
 */
import { compiledFromData, LoadedSnapshot, NAME_PART, SNAPSHOT_VERSION, type IndexSnapshot, type TablesData } from './pattern-index';
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
  /** the matcher tables, ready-made (TablesData): its tries' sizes, and its columns in file order */
  tables: { bits: [number, number, number]; columns: Array<[string, ColumnType, number]> };
}

type ColumnType = 'u8' | 'u16' | 'i32';
type Column = Uint8Array | Uint16Array | Int32Array;
const TRIES = ['surfaces', 'readings', 'literals'] as const;
const FIRST_TOKEN = ['kind', 'singleStart', 'single', 'secondStart', 'secondKey', 'listStart', 'lists'] as const;
const LISTS = ['firstSlotStart', 'firstSlot', 'gate', 'setCount', 'setOwner', 'setsStart', 'sets', 'plainRegexes'] as const;
const typeOf = (c: Column): ColumnType => (c instanceof Uint8Array ? 'u8' : c instanceof Uint16Array ? 'u16' : 'i32');

/** TablesData as named columns (nameFirst only when there is one). */
function tableColumns(t: TablesData): Array<[string, Column]> {
  const out: Array<[string, Column]> = [];
  for (const name of TRIES) for (const f of ['depth', 'code', 'nodeOf'] as const) out.push([`${name}.${f}`, t[name][f]]);
  for (const f of FIRST_TOKEN) out.push([`firstToken.${f}`, t.firstToken[f]]);
  for (const f of LISTS) out.push([f, t[f]]);
  if (t.nameFirst) out.push(['nameFirst', t.nameFirst]);
  return out;
}

/** TablesData from its named columns (throws when one is missing or of another type). */
function tablesFromColumns(bits: [number, number, number], columns: Map<string, Column>): TablesData {
  const get = <T extends Column>(name: string, type: ColumnType): T => {
    const c = columns.get(name);
    if (!c || typeOf(c) !== type) fail(`table column ${name}`);
    return c as T;
  };
  const depth = (name: string) => {
    const c = columns.get(name);
    return c instanceof Uint16Array ? c : get<Uint8Array>(name, 'u8');
  };
  const trie = (name: string, i: number) => ({ bits: bits[i]!, depth: depth(`${name}.depth`), code: get<Uint16Array>(`${name}.code`, 'u16'), nodeOf: get<Int32Array>(`${name}.nodeOf`, 'i32') });
  const ft = (f: string) => get<Int32Array>(`firstToken.${f}`, 'i32');
  return {
    surfaces: trie('surfaces', 0),
    readings: trie('readings', 1),
    literals: trie('literals', 2),
    firstToken: { kind: get<Uint8Array>('firstToken.kind', 'u8'), singleStart: ft('singleStart'), single: ft('single'), secondStart: ft('secondStart'), secondKey: ft('secondKey'), listStart: ft('listStart'), lists: ft('lists') },
    firstSlotStart: get('firstSlotStart', 'i32'),
    firstSlot: get('firstSlot', 'i32'),
    nameFirst: columns.has('nameFirst') ? get<Int32Array>('nameFirst', 'i32') : undefined,
    gate: get('gate', 'u8'),
    setCount: get('setCount', 'u8'),
    setOwner: get('setOwner', 'i32'),
    setsStart: get('setsStart', 'i32'),
    sets: get('sets', 'i32'),
    plainRegexes: get('plainRegexes', 'i32'),
  };
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
  const loaded = LoadedSnapshot.fromData(snap);
  const { parts, rows } = loaded;
  const tables = loaded.tablesData();
  const tableCols = tableColumns(tables);
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
    tables: { bits: [tables.surfaces.bits, tables.readings.bits, tables.literals.bits], columns: tableCols.map(([name, c]) => [name, typeOf(c), c.length]) },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const columns: ArrayBufferView[] = [kind, partS, aux, rows.tokStart, rows.tokS, rows.tokL, rows.tokLR, rows.tokRS, enStart, Int32Array.from(enWords), ...tableCols.map(([, c]) => c)];
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
  const tableColumnsRead = new Map<string, Column>();
  if (!header.tables || !Array.isArray(header.tables.columns) || !Array.isArray(header.tables.bits)) fail('tables');
  for (const [name, type, length] of header.tables.columns) {
    if (!(Number.isInteger(length) && length >= 0)) fail('table column size');
    const column =
      type === 'u8'
        ? take((o, n) => new Uint8Array(bytes.buffer, o, n), length, 1)
        : type === 'u16'
          ? take((o, n) => new Uint16Array(bytes.buffer, o, n), length, 2)
          : type === 'i32'
            ? i32(length)
            : fail('table column type');
    tableColumnsRead.set(name, column);
  }
  const tables = tablesFromColumns(header.tables.bits, tableColumnsRead);
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
  /** part i's tokens' strings joined: undefined (the part joins them when asked, see rowPart) */
  const joined = (i: number) => {
    if (tokStart[i + 1] === tokStart[i]) fail('joined strings of no tokens');
    return undefined;
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
      out.push(rowPart(partS[i] === JOINED ? joined(i) : str(partS[i]!), aux[i] === JOINED ? joined(i) : str(aux[i]!), k === 1, rows, i));
    } else fail('part kind');
  }
  return new LoadedSnapshot(out, rows, header.compiled.map(compiledFromData), new Map(header.keys), tables);
}
