import type { Analysis, Span } from '../analysis';
import type { CalendarDay } from '../context/calendar';
import type { AccountKind, Bilingual, Category, Severity } from '../finding';

/** The check context with defaults applied: a draft with no account is treated as the company's. */
export interface ResolvedContext {
  account: AccountKind;
  site?: string;
  /** calendar day the post would go out, if known */
  date?: { year: number; month: number; day: number };
  /** calendar entries that cover `date` */
  sensitiveDays?: CalendarDay[];
}

/** A finding before its span is mapped back to the original text. */
export interface RawFinding {
  category: Category;
  severity: Severity;
  span: Span;
  rule: string;
  message: Bilingual;
  suggestion?: Bilingual;
  basis?: string;
  /**
   * From a company list or a company date: a category setting (a cap on the built-in rules) does
   * not apply; the company chose that entry's severity itself.
   */
  company?: boolean;
}

export interface DetectorInput {
  analysis: Analysis;
  context: ResolvedContext;
  /** findings of the dictionary entries, for detectors that weigh them (e.g. sensitive dates) */
  entryFindings: readonly RawFinding[];
  /** the entries' findings and those of the detectors that ran before this one */
  earlier: readonly RawFinding[];
}

/** Code-based rules (regexes with check digits, calendar); one file each under detectors/. */
export interface Detector {
  id: string;
  /** every rule id its findings carry: settings switch rules off by these ids (rules/builtin.ts) */
  rules: readonly string[];
  detect(input: DetectorInput): RawFinding[];
}
