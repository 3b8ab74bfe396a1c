/**
 * Every pattern of every loaded entry, compiled once into shared parts and matched in one pass
 * per draft. Entries then only look up which of their patterns hit, and where.
 */
import type { Analysis, Span } from '../analysis';
import type { Pattern } from '../dictionary/schema';
import type { Tokenizer } from '../tokenizer/types';
import { compilePart, PartMatcher, type Part } from './phrase';
import { expandPhraseSlots } from './phrase-syntax';

export const DEFAULT_GAP = 12;

type Compiled =
  /** variants → slots (separated by gaps) → the parts a slot may be */
  | { kind: 'phrase'; variants: number[][][]; gap: number }
  | { kind: 're'; re: RegExp };

export class PatternIndex {
  private parts: Part[] = [];
  private partIds = new Map<string, number>();
  private compiled: Compiled[] = [];
  private keys = new Map<string, number>();
  private readings = new Map<string, string>();
  private matcher: PartMatcher | undefined;

  constructor(private readonly tokenizer: Tokenizer) {}

  private readingOf = (base: string): string => {
    let r = this.readings.get(base);
    if (r === undefined) {
      const toks = this.tokenizer.tokenize(base);
      r = toks.every((t) => t.reading) ? toks.map((t) => t.reading).join('') : '';
      this.readings.set(base, r);
    }
    return r;
  };

  private partId(source: string): number {
    const part = compilePart(source, this.tokenizer, this.readingOf);
    let id = this.partIds.get(part.key);
    if (id === undefined) {
      id = this.parts.length;
      this.parts.push(part);
      this.partIds.set(part.key, id);
    }
    return id;
  }

  /** Registers a pattern; identical patterns share one id. Throws on bad syntax or regex. */
  add(pattern: Pattern, gap = DEFAULT_GAP): number {
    const key = typeof pattern === 'string' ? `p:${gap}:${pattern}` : `r:${pattern.flags ?? ''}:${pattern.re}`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    let c: Compiled;
    if (typeof pattern === 'string') {
      c = { kind: 'phrase', gap, variants: expandPhraseSlots(pattern).map((slots) => slots.map((texts) => [...new Set(texts.map((t) => this.partId(t)))])) };
    } else {
      c = { kind: 're', re: new RegExp(pattern.re, `${pattern.flags ?? ''}g`) };
    }
    this.matcher = undefined;
    this.compiled.push(c);
    this.keys.set(key, this.compiled.length - 1);
    return this.compiled.length - 1;
  }

  get size(): number {
    return this.compiled.length;
  }

  /** Spans (normalized-text indices) of every pattern, by pattern id. */
  match(a: Analysis): Span[][] {
    this.matcher ??= new PartMatcher(this.parts);
    const partHits = this.matcher.match(a);
    return this.compiled.map((c) => {
      if (c.kind === 're') {
        const out: Span[] = [];
        c.re.lastIndex = 0;
        for (let m = c.re.exec(a.norm.text); m; m = c.re.exec(a.norm.text)) {
          if (m[0].length === 0) {
            c.re.lastIndex++;
            continue;
          }
          out.push({ start: m.index, end: m.index + m[0].length });
        }
        return out;
      }
      const out: Span[] = [];
      const slotHits = (slot: number[]) => (slot.length === 1 ? partHits[slot[0]!]! : slot.flatMap((p) => partHits[p]!));
      for (const slots of c.variants) {
        const first = slotHits(slots[0]!);
        if (slots.length === 1 || first.length === 0) {
          if (slots.length === 1) out.push(...first);
          continue;
        }
        const rest = slots.slice(1).map((slot) => slotHits(slot).sort((x, y) => x.start - y.start));
        for (const h of first) {
          let end = h.end;
          let ok = true;
          for (let k = 0; k < rest.length && ok; k++) {
            const next = rest[k]!.find((r) => r.start >= end && r.start - end <= c.gap);
            if (next) end = next.end;
            else ok = false;
          }
          if (ok) out.push({ start: h.start, end });
        }
      }
      return out;
    });
  }
}
