/**
 * CSV reader for HR exports (people directories). Pure and dependency-free so it runs the same in
 * a browser, a worker or Node. Follows RFC 4180, plus the quirks real exports have: a UTF-8 BOM,
 * `;` or tab separators (European Excel), and any mix of CRLF / LF / CR line endings.
 */

/** A malformed file; `line` is the 1-based physical line to show the user. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

export interface CsvRow {
  /** 1-based physical line where the row starts (quoted newlines make rows span lines). */
  line: number;
  /** Raw cell values, untrimmed; the row may have more or fewer cells than the header. */
  cells: string[];
}

export interface CsvTable {
  /** Column names, trimmed. Empty when the text has no records. */
  header: string[];
  rows: CsvRow[];
}

/**
 * Parses CSV text. The first non-blank record is the header. Blank lines are skipped wherever
 * they are (not only at the end) because spreadsheets leave them behind and they never mean an
 * employee. Column-count mismatches are left to the caller, which knows which columns matter.
 */
export function parseCsv(text: string): CsvTable {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sep = detectSeparator(src);
  const records: CsvRow[] = [];

  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quotedAny = false;
    // One record: read cells until an unquoted line break or the end of the text.
    for (;;) {
      if (src[i] === '"' && cell === '') {
        quotedAny = true;
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= src.length) throw new CsvSyntaxError('unterminated quoted field', quoteLine);
          const ch = src[i]!;
          if (ch === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\r' || ch === '\n') {
            // Keep the embedded line break as written, but count it as one physical line.
            if (ch === '\r' && src[i + 1] === '\n') {
              cell += '\r\n';
              i += 2;
            } else {
              cell += ch;
              i++;
            }
            line++;
            continue;
          }
          cell += ch;
          i++;
        }
        // Anything between a closing quote and the separator is kept verbatim (lenient, like Excel).
      }
      const ch = src[i];
      if (ch === undefined) {
        cells.push(cell);
        break;
      }
      if (ch === sep) {
        cells.push(cell);
        cell = '';
        i++;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        cells.push(cell);
        i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      }
      cell += ch;
      i++;
    }
    const blank = cells.length === 1 && cells[0] === '' && !quotedAny;
    if (!blank) records.push({ line: start, cells });
  }

  const [head, ...rows] = records;
  return { header: head ? head.cells.map((c) => c.trim()) : [], rows };
}

/** Comma unless the header line has none; then `;` or tab, whichever it contains. */
function detectSeparator(src: string): string {
  const firstLine = src.match(/^[^\r\n]*/)?.[0] ?? '';
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

/**
 * Splits a multi-value cell such as `Python; Figma | notion` into its items: trimmed, empties
 * dropped, duplicates removed keeping the first spelling. Duplicates compare case-insensitively
 * because profiles reject `Python` and `python` side by side.
 */
export function splitList(cell: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of cell.split(/[;|]/)) {
    const item = part.trim();
    const key = item.toLowerCase();
    if (item === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
