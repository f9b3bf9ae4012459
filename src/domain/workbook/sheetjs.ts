// SheetJS (@e965/xlsx), imported on first use so that it never enters the main page bundle: it
// reads .xls, .et, .ods and .xlsb, and writes the number formats the .xlsx reader does not write
// itself (numberText.ts).
type SheetJS = typeof import('@e965/xlsx');

export type SSF = SheetJS['SSF'];

let library: Promise<SheetJS> | null = null;

/** SheetJS, imported once. */
export function loadSheetJS(): Promise<SheetJS> {
  library ??= import('@e965/xlsx');
  return library;
}
