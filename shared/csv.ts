/**
 * CSV, RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes may
 * hold commas, line breaks and doubled quotes (""). A leading byte-order mark is ignored.
 * Pure: used by the browser (import) and the server (import, audit export).
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") endField();
    else if (c === "\n") endRecord();
    else if (c === "\r") {
      if (text[i + 1] === "\n") i++;
      endRecord();
    } else field += c;
  }
  // The last record, unless the text ended with a line break.
  if (field !== "" || record.length > 0 || quoted) endRecord();
  return records;
}

/** Cells a spreadsheet would run as a formula ("CSV injection") start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: quoted when needed, and text prefixed with ' when a spreadsheet would read a formula.
 * A number is written as it is (-3.5 is a number to a spreadsheet, never a formula).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value == null) return "";
  let text = String(value);
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ending with CRLF. */
export function csvRow(
  values: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
