/**
 * RFC 4180 CSV: comma-separated fields, records ending in CRLF (LF and lone CR accepted too),
 * fields in double quotes may hold commas, quotes (doubled: "") and line breaks. A leading BOM
 * is dropped (Excel writes one). Every record carries the physical line it starts on, so an
 * import can name the line of every bad row even when earlier cells span several lines.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts */
  line: number;
  fields: string[];
}

export interface CsvSyntaxError {
  line: number;
  message: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  errors: CsvSyntaxError[];
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

/** Parses the whole text; blank lines are skipped. Never throws: syntax problems are returned. */
export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;

  while (pos < n) {
    const startLine = line;
    const fields: string[] = [];
    let broken = false;
    // one record
    for (;;) {
      let field: string;
      if (text.charCodeAt(pos) === QUOTE) {
        // quoted field: runs to the closing quote; "" is a literal quote
        const openLine = line;
        pos++;
        let out = '';
        let closed = false;
        while (pos < n) {
          const next = text.indexOf('"', pos);
          const chunk = next === -1 ? text.slice(pos) : text.slice(pos, next);
          line += countBreaks(chunk);
          out += chunk;
          if (next === -1) {
            pos = n;
            break;
          }
          if (text.charCodeAt(next + 1) === QUOTE) {
            out += '"';
            pos = next + 2;
          } else {
            pos = next + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          errors.push({ line: openLine, message: 'a quoted field is never closed (missing ")' });
          broken = true;
        }
        field = out;
        // after the closing quote only a comma or the end of the record may follow
        const c = text.charCodeAt(pos);
        if (closed && pos < n && c !== COMMA && c !== CR && c !== LF) {
          errors.push({ line, message: 'unexpected text after a closing quote (write "" for a quote inside a quoted field)' });
          broken = true;
          pos = skipToRecordEnd(text, pos);
        }
      } else {
        let end = pos;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === CR || c === LF) break;
          end++;
        }
        field = text.slice(pos, end);
        if (field.includes('"')) {
          errors.push({ line, message: 'a quote inside an unquoted field (quote the whole field and double the quote: "a""b")' });
          broken = true;
        }
        pos = end;
      }
      fields.push(field);
      const c = text.charCodeAt(pos);
      if (pos < n && c === COMMA) {
        pos++;
        continue;
      }
      // end of record
      if (c === CR) pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
      else if (c === LF) pos++;
      if (pos <= n && (c === CR || c === LF)) line++;
      break;
    }
    const blank = fields.length === 1 && fields[0] === '';
    if (!broken && !blank) records.push({ line: startLine, fields });
  }
  return { records, errors };
}

function countBreaks(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) k++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) k++;
  }
  return k;
}

function skipToRecordEnd(text: string, pos: number): number {
  let p = pos;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c === CR || c === LF) return p;
    p++;
  }
  return p;
}

/** A field is quoted when it must be (comma, quote, line break) or would lose edge spaces. */
export function formatCsvField(value: string): string {
  if (/[",\r\n]/.test(value) || /^\s|\s$/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** CRLF records as RFC 4180 says, with a BOM so Excel opens the UTF-8 as UTF-8. */
export function formatCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map(formatCsvField).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}
