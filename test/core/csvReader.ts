import * as assert from 'assert';

/** A strict reader of RFC 4180 CSV to check the writer against: records of fields, quoted or not, each ended by CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      for (i++; ; i++) {
        assert.ok(i < text.length, 'a quoted field is not closed');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
      assert.ok(i === text.length || text[i] === ',' || text.startsWith('\r\n', i), `text after a closing quote at ${i}`);
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i += 2;
    } else {
      assert.ok(text[i] !== '"' && text[i] !== '\r' && text[i] !== '\n', `a bare quote or line end in an unquoted field at ${i}`);
      field += text[i++];
    }
  }
  assert.ok(record.length === 0 && field === '', 'the last record ends with CRLF');
  return records;
}
