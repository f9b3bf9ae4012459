// Spreadsheet cell addresses as people read them: column letters and a 1-based row (`E6`), and
// the sheet-qualified form every issue and evidence item of a workbook uses (`记录!C7`).

/** Column letters of a 1-based column number: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The address of a cell from its 1-based row and column: (6, 5) → `E6`. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A cell address qualified by its sheet, as the contract writes it: `Sheet1!E6`. */
export function sheetRef(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}
