import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, MalformedError } from '../../src/approval/compact-bytes';

describe('compact bytes', () => {
  it('round-trips integers, strings and fixed fields', () => {
    const ints = [0, 1, 127, 128, 300, 2 ** 32, Date.UTC(2025, 0, 1), Number.MAX_SAFE_INTEGER];
    const w = new ByteWriter();
    for (const n of ints) w.uint(n);
    w.string('確認 ✓ 🙂').fixed(new Uint8Array([1, 2, 3]), 3).u8(255);
    const r = new ByteReader(w.bytes());
    expect(ints.map(() => r.uint())).toEqual(ints);
    expect(r.string()).toBe('確認 ✓ 🙂');
    expect([...r.fixed(3)]).toEqual([1, 2, 3]);
    expect(r.u8()).toBe(255);
    expect(() => r.end()).not.toThrow();
  });

  it('uses one byte encoding only: non-minimal integers are refused', () => {
    expect(() => new ByteReader(new Uint8Array([0x80, 0x00])).uint()).toThrow(MalformedError);
    expect(new ByteReader(new Uint8Array([0x80, 0x01])).uint()).toBe(128);
  });

  it('refuses truncation, invalid UTF-8, oversized integers and trailing bytes', () => {
    expect(() => new ByteReader(new Uint8Array([5, 0x61])).string()).toThrow(MalformedError);
    expect(() => new ByteReader(new Uint8Array([2, 0xc3, 0x28])).string()).toThrow(MalformedError);
    expect(() => new ByteReader(new Uint8Array(10).fill(0xff)).uint()).toThrow(MalformedError);
    const r = new ByteReader(new Uint8Array([1, 2]));
    r.u8();
    expect(() => r.end()).toThrow(MalformedError);
  });

  it('refuses to write what it could not read back', () => {
    expect(() => new ByteWriter().uint(-1)).toThrow(RangeError);
    expect(() => new ByteWriter().uint(1.5)).toThrow(RangeError);
    expect(() => new ByteWriter().fixed(new Uint8Array(3), 4)).toThrow(RangeError);
  });
});
