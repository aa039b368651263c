/**
 * CSV as villages and BPJS send it: UTF-8 (a BOM is fine), comma, semicolon (Excel in an
 * Indonesian locale) or tab separated, RFC 4180 quotes. Parsed as a stream, one record at a time.
 */

export class FileProblem extends Error {
  constructor(
    message: string,
    readonly field = 'file',
  ) {
    super(message);
  }
}

/** Splits decoded text chunks into records; keeps the state of a quoted field across chunks. */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  private quoted = false;
  private afterQuote = false;
  delimiter: string | null = null;

  /** Guesses the delimiter from the first line: the most frequent of ; , and tab outside quotes. */
  private detect(text: string): string {
    const line = text.split(/\r?\n/, 1)[0];
    const count = (c: string) => line.split(c).length - 1;
    const candidates = [';', ',', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
    return candidates[0][1] > 0 ? candidates[0][0] : ',';
  }

  push(text: string, out: string[][]): void {
    if (this.delimiter === null) this.delimiter = this.detect(text);
    const d = this.delimiter;
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i += 1) {
      const ch = text[i];
      if (this.quoted) {
        if (ch === '"') {
          this.field += text.slice(start, i);
          if (text[i + 1] === '"') {
            this.field += '"';
            i += 1;
          } else if (i + 1 === n) {
            // The next chunk decides whether this quote ends the field or escapes another.
            this.quoted = false;
            this.afterQuote = true;
          } else {
            this.quoted = false;
          }
          start = i + 1;
        }
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (ch === '"' && i === 0) {
          this.field += '"';
          this.quoted = true;
          start = i + 1;
          continue;
        }
      }
      if (ch === '"' && start === i && this.field === '') {
        this.quoted = true;
        start = i + 1;
      } else if (ch === d) {
        this.record.push(this.field + text.slice(start, i));
        this.field = '';
        start = i + 1;
      } else if (ch === '\n' || ch === '\r') {
        this.record.push(this.field + text.slice(start, i));
        this.field = '';
        if (ch === '\r' && text[i + 1] === '\n') i += 1;
        start = i + 1;
        out.push(this.record);
        this.record = [];
      }
    }
    this.field += text.slice(start);
  }

  end(out: string[][]): void {
    if (this.quoted) throw new FileProblem('CSV rusak: tanda kutip (") tidak ditutup');
    if (this.field !== '' || this.record.length) {
      this.record.push(this.field);
      out.push(this.record);
    }
    this.field = '';
    this.record = [];
  }
}

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so spreadsheets don't run it. */
export function csvField(value: unknown, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}
