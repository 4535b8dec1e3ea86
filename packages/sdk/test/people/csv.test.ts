// Tests for the CSV reader used to import HR people exports (runs in Chromium via @web/test-runner).
import { expect } from '@open-wc/testing';
import { CsvSyntaxError, parseCsv, splitList } from '../../src/people/csv.ts';

const cellsOf = (text: string) => parseCsv(text).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('reads a header and rows', () => {
    const t = parseCsv('id,name\nE1,Ada\nE2,Grace\n');
    expect(t.header).to.deep.equal(['id', 'name']);
    expect(t.rows).to.deep.equal([
      { line: 2, cells: ['E1', 'Ada'] },
      { line: 3, cells: ['E2', 'Grace'] },
    ]);
  });

  it('handles a last line without a line break', () => {
    expect(cellsOf('a,b\n1,2')).to.deep.equal([['1', '2']]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(cellsOf('a,b,c\n,x,\n')).to.deep.equal([['', 'x', '']]);
  });

  it('unquotes fields and unescapes doubled quotes', () => {
    expect(cellsOf('a,b\n"Smith, Jo","say ""hi"""\n')).to.deep.equal([['Smith, Jo', 'say "hi"']]);
  });

  it('reads an empty quoted field as an empty string', () => {
    expect(cellsOf('a,b\n"",x\n')).to.deep.equal([['', 'x']]);
  });

  it('keeps line breaks inside quotes and numbers rows by physical start line', () => {
    const t = parseCsv('a,b\n1,"two\nlines"\n2,"three\r\nmore\rlines"\n3,x\n');
    expect(t.rows.map((r) => r.line)).to.deep.equal([2, 4, 7]);
    expect(t.rows[0]?.cells[1]).to.equal('two\nlines');
    expect(t.rows[1]?.cells[1]).to.equal('three\r\nmore\rlines');
  });

  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ] as const) {
    it(`accepts ${name} line endings`, () => {
      const t = parseCsv(['a,b', '1,2', '3,4', ''].join(eol));
      expect(t.header).to.deep.equal(['a', 'b']);
      expect(t.rows).to.deep.equal([
        { line: 2, cells: ['1', '2'] },
        { line: 3, cells: ['3', '4'] },
      ]);
    });
  }

  it('accepts mixed line endings', () => {
    expect(parseCsv('a\r\n1\n2\r3').rows.map((r) => [r.line, r.cells[0]])).to.deep.equal([
      [2, '1'],
      [3, '2'],
      [4, '3'],
    ]);
  });

  it('strips a leading UTF-8 BOM', () => {
    expect(parseCsv('\uFEFFid,name\nE1,Ada').header).to.deep.equal(['id', 'name']);
  });

  it('trims header cells but not data cells', () => {
    const t = parseCsv(' id ,\tname \n  E1 , Ada \n');
    expect(t.header).to.deep.equal(['id', 'name']);
    expect(t.rows[0]?.cells).to.deep.equal(['  E1 ', ' Ada ']);
  });

  it('ignores trailing empty lines', () => {
    const t = parseCsv('a,b\r\n1,2\r\n\r\n\r\n');
    expect(t.rows).to.deep.equal([{ line: 2, cells: ['1', '2'] }]);
  });

  it('skips blank lines in the middle but keeps line numbers true', () => {
    const t = parseCsv('a,b\n\n1,2\n\n3,4\n');
    expect(t.rows.map((r) => r.line)).to.deep.equal([3, 5]);
  });

  it('keeps a row made of one quoted empty field (it is not a blank line)', () => {
    expect(cellsOf('a\n""\n')).to.deep.equal([['']]);
  });

  it('auto-detects ; when the header has no comma', () => {
    const t = parseCsv('id;name;city\nE1;"Müller; Anna";Berlin, DE\n');
    expect(t.header).to.deep.equal(['id', 'name', 'city']);
    expect(t.rows[0]?.cells).to.deep.equal(['E1', 'Müller; Anna', 'Berlin, DE']);
  });

  it('auto-detects tab when the header has no comma or ;', () => {
    const t = parseCsv('id\tname\nE1\tAda, Countess\n');
    expect(t.header).to.deep.equal(['id', 'name']);
    expect(t.rows[0]?.cells).to.deep.equal(['E1', 'Ada, Countess']);
  });

  it('prefers comma when the header contains one, even next to ;', () => {
    expect(parseCsv('id,skills;tags\nE1,a;b\n').header).to.deep.equal(['id', 'skills;tags']);
  });

  it('reads a single-column file with the default separator', () => {
    expect(parseCsv('email\na@x.example\n').rows[0]?.cells).to.deep.equal(['a@x.example']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(parseCsv('')).to.deep.equal({ header: [], rows: [] });
    expect(parseCsv('\uFEFF\r\n\n')).to.deep.equal({ header: [], rows: [] });
  });

  it('leaves rows with a different cell count to the caller', () => {
    expect(cellsOf('a,b\n1\n1,2,3\n')).to.deep.equal([['1'], ['1', '2', '3']]);
  });

  it('throws CsvSyntaxError at the line where an unterminated quote opens', () => {
    let caught: unknown;
    try {
      parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    } catch (e) {
      caught = e;
    }
    expect(caught).to.be.instanceOf(CsvSyntaxError);
    expect(caught).to.be.instanceOf(Error);
    const err = caught as CsvSyntaxError;
    expect(err.line).to.equal(3);
    expect(err.name).to.equal('CsvSyntaxError');
    expect(err.message).to.contain('unterminated');
    expect(err.message).to.contain('line 3');
  });

  it('treats a lone opening quote at the end as unterminated', () => {
    expect(() => parseCsv('a\n"')).to.throw(CsvSyntaxError);
  });
});

describe('splitList', () => {
  it('splits on ; and |, trimming and dropping empties', () => {
    expect(splitList(' Python ; Figma| Notion ;; | ')).to.deep.equal(['Python', 'Figma', 'Notion']);
  });

  it('de-duplicates keeping the first occurrence and order', () => {
    expect(splitList('en;de;en|fr;de')).to.deep.equal(['en', 'de', 'fr']);
  });

  it('de-duplicates case-insensitively, keeping the first spelling', () => {
    expect(splitList('Power BI;power bi;POWER BI')).to.deep.equal(['Power BI']);
  });

  it('returns an empty list for an empty or blank cell', () => {
    expect(splitList('')).to.deep.equal([]);
    expect(splitList('  ;|  ')).to.deep.equal([]);
  });

  it('keeps a single value without separators, commas included', () => {
    expect(splitList('Stakeholder management, EMEA')).to.deep.equal(['Stakeholder management, EMEA']);
  });
});
