/**
 * The compact binary layout behind every code: fixed-size byte fields,
 * LEB128 unsigned integers, and length-prefixed UTF-8 strings, in a fixed
 * field order. No field names and no JSON, so an approval code stays short
 * enough to paste into a chat line.
 *
 * The reader refuses non-minimal integers, invalid UTF-8 and trailing bytes,
 * so a decoded structure has exactly one byte encoding. Signatures and the
 * request digest are computed over these bytes.
 */

/** Thrown only inside this module's callers; the public API turns it into a `malformed` reason. */
export class MalformedError extends Error {
  override name = 'MalformedError';
}

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class ByteWriter {
  private chunks: number[] = [];

  u8(value: number): this {
    this.chunks.push(value & 0xff);
    return this;
  }

  /** Unsigned LEB128, for integers up to Number.MAX_SAFE_INTEGER (e.g. epoch milliseconds). */
  uint(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`uint out of range: ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.chunks.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.chunks.push(v);
    return this;
  }

  /** Exactly `length` bytes; the length is part of the format, not the data. */
  fixed(bytes: Uint8Array, length: number): this {
    if (bytes.length !== length) throw new RangeError(`expected ${length} bytes, got ${bytes.length}`);
    for (const b of bytes) this.chunks.push(b);
    return this;
  }

  string(value: string): this {
    const bytes = utf8.encode(value);
    this.uint(bytes.length);
    for (const b of bytes) this.chunks.push(b);
    return this;
  }

  bytes(): Uint8Array<ArrayBuffer> {
    return Uint8Array.from(this.chunks);
  }
}

export class ByteReader {
  private pos = 0;

  constructor(private readonly data: Uint8Array) {}

  get offset(): number {
    return this.pos;
  }

  u8(): number {
    if (this.pos >= this.data.length) throw new MalformedError('truncated');
    return this.data[this.pos++]!;
  }

  uint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i > 0 && b === 0) throw new MalformedError('non-minimal integer');
      result += (b & 0x7f) * scale;
      if (!Number.isSafeInteger(result)) throw new MalformedError('integer too large');
      if ((b & 0x80) === 0) return result;
      scale *= 0x80;
    }
  }

  fixed(length: number): Uint8Array<ArrayBuffer> {
    if (this.pos + length > this.data.length) throw new MalformedError('truncated');
    const out = this.data.slice(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  string(): string {
    const length = this.uint();
    try {
      return utf8Strict.decode(this.fixed(length));
    } catch (e) {
      if (e instanceof MalformedError) throw e;
      throw new MalformedError('invalid UTF-8');
    }
  }

  slice(start: number, end: number): Uint8Array<ArrayBuffer> {
    return this.data.slice(start, end);
  }

  end(): void {
    if (this.pos !== this.data.length) throw new MalformedError('trailing bytes');
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function asciiBytes(text: string): Uint8Array<ArrayBuffer> {
  return utf8.encode(text) as Uint8Array<ArrayBuffer>;
}
