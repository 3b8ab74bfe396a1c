/**
 * Kakunin's compact container for kuromoji's IPADIC ("KKD1").
 *
 * kuromoji ships 12 gzipped files, 100 MB unpacked, a third of it zero padding; its loader
 * also turns tid_map into a 325k-key object of arrays (~65 MB of heap). This container holds
 * the same dictionary as flat, aligned typed arrays that are used in place (no copy, no parse):
 * one fetch, no per-entry objects. Feature strings become a 667-entry part-of-speech table plus
 * a deduplicated string pool for base forms and readings; the surface comes from the input text
 * and the pronunciation field is dropped (nothing in Kakunin reads it).
 *
 * Pure code: TextEncoder/TextDecoder only, so it runs in a service worker, a page and Node.
 */

export const MAGIC = 0x3144_4b4b; // "KKD1" little-endian
/** Layout revision, kept in the header with the section count: 1 = the character trie, transposed costs (0: the first, byte trie). */
export const LAYOUT = 1;

/** Section order in the file. Every section starts 8-byte aligned. */
export const SECTIONS = [
  'trie', // Int32: the surface forms as a double array over characters (word-trie.ts)
  'trieCodes', // Uint32: [code point, code] pairs of the trie's characters, by code point
  'conn', // Int16: connection costs [left dim, right dim, cost by (left id of a word, right id of the word before)]
  'entries', // Int16 per entry: left id, right id, cost (entries in trie order: a word's entries are contiguous)
  'tokPos', // Uint16 per entry: index into posTable
  'tokBase', // Int32 per entry: string id of the base form, -1 = same as surface
  'tokReading', // Int32 per entry: string id of the reading, -1 = none
  'posTable', // UTF-8 JSON: string[] of "pos,detail1,detail2,detail3,conjType,conjForm"
  'strOffsets', // Uint32, string id -> start in strChars (length = strings + 1)
  'strChars', // UTF-16LE code units of every pooled string
  'unk', // kuromoji unk.dat (trimmed; its left and right ids renumbered like the entries')
  'unkPos', // kuromoji unk_pos.dat (trimmed)
  'unkMap', // kuromoji unk_map.dat (trimmed)
  'unkChar', // kuromoji unk_char.dat
  'unkCompat', // kuromoji unk_compat.dat (Uint32)
  'unkInvoke', // kuromoji unk_invoke.dat (trimmed)
] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface IpadicData {
  trie: Int32Array;
  trieCodes: Uint32Array;
  conn: Int16Array;
  entries: Int16Array;
  tokPos: Uint16Array;
  tokBase: Int32Array;
  tokReading: Int32Array;
  posTable: string[];
  /** All pooled strings as one JS string; `strOffsets` index into it. */
  strings: string;
  strOffsets: Uint32Array;
  unk: Uint8Array;
  unkPos: Uint8Array;
  unkMap: Uint8Array;
  unkChar: Uint8Array;
  unkCompat: Uint32Array;
  unkInvoke: Uint8Array;
}

const HEADER_BYTES = 8 + SECTIONS.length * 8;
const align8 = (n: number) => (n + 7) & ~7;

export class IpadicFormatError extends Error {
  override name = 'IpadicFormatError';
}

/** Reads a KKD1 container. The typed arrays are views on `buffer`: nothing is copied. */
export function decodeIpadic(buffer: ArrayBuffer): IpadicData {
  if (buffer.byteLength < HEADER_BYTES) throw new IpadicFormatError('tokenizer dictionary is truncated');
  const head = new DataView(buffer);
  if (head.getUint32(0, true) !== MAGIC) throw new IpadicFormatError('not a Kakunin tokenizer dictionary (bad magic)');
  if (head.getUint32(4, true) !== (SECTIONS.length | (LAYOUT << 16))) {
    throw new IpadicFormatError('tokenizer dictionary has another layout (made by another version of Kakunin: convert it again)');
  }
  const bytes: Record<string, Uint8Array> = {};
  SECTIONS.forEach((name, i) => {
    const offset = head.getUint32(8 + i * 8, true);
    const length = head.getUint32(12 + i * 8, true);
    if (offset % 8 !== 0 || offset + length > buffer.byteLength) {
      throw new IpadicFormatError(`tokenizer dictionary section ${name} is out of bounds`);
    }
    bytes[name] = new Uint8Array(buffer, offset, length);
  });
  const view = <T>(name: SectionName, Ctor: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T => {
    const b = bytes[name]!;
    return new Ctor(buffer, b.byteOffset, b.byteLength / Ctor.BYTES_PER_ELEMENT);
  };
  const utf8 = new TextDecoder();
  const chars = bytes.strChars!;
  return {
    trie: view('trie', Int32Array),
    trieCodes: view('trieCodes', Uint32Array),
    conn: view('conn', Int16Array),
    entries: view('entries', Int16Array),
    tokPos: view('tokPos', Uint16Array),
    tokBase: view('tokBase', Int32Array),
    tokReading: view('tokReading', Int32Array),
    posTable: JSON.parse(utf8.decode(bytes.posTable)) as string[],
    strings: new TextDecoder('utf-16le').decode(chars),
    strOffsets: view('strOffsets', Uint32Array),
    unk: bytes.unk!,
    unkPos: bytes.unkPos!,
    unkMap: bytes.unkMap!,
    unkChar: bytes.unkChar!,
    unkCompat: view('unkCompat', Uint32Array),
    unkInvoke: bytes.unkInvoke!,
  };
}

/** Writes a KKD1 container from its sections (byte views). */
export function writeContainer(sections: Record<SectionName, Uint8Array>): Uint8Array {
  let offset = align8(HEADER_BYTES);
  const placed = SECTIONS.map((name) => {
    const data = sections[name];
    const at = offset;
    offset = align8(offset + data.byteLength);
    return { data, at };
  });
  const out = new Uint8Array(offset);
  const head = new DataView(out.buffer);
  head.setUint32(0, MAGIC, true);
  head.setUint32(4, SECTIONS.length | (LAYOUT << 16), true);
  placed.forEach(({ data, at }, i) => {
    head.setUint32(8 + i * 8, at, true);
    head.setUint32(12 + i * 8, data.byteLength, true);
    out.set(data, at);
  });
  return out;
}
