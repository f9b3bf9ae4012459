// Reading an upload, whatever its files: CSV text, workbooks of the contract's tables, and
// self-evaluation forms (.xlsx, .docx once its reader is plugged in). Every file gives batches
// (a CSV file, each sheet of a kind, the forms' rows of each kind), and every batch goes through
// the same FileSession: header mapping, row checks, consistency, duplicates and references.
// Records are read first, whichever file they are in, so that the indicator and fund rows of the
// same upload find them. The app's import worker and `npm run validate` both read files here.
import { extractFile, workbookForms } from '@/domain/extract';
import type { ExtractResult } from '@/domain/extract/types';
import type { KnownRecord } from '@/domain/fileSession';
import { sha256Hex } from '@/domain/hash';
import { issue, IssueError, type Issue, type Problem } from '@/domain/issues';
import { fileResult, knownRecordsOf, ParseCancelled, parseFile } from '@/domain/parseFile';
import { nextTask } from '@/domain/steps';
import { KINDS, type Kind, type ParsedFile } from '@/domain/types';
import { readContractSheet, type ContractSheet } from '@/domain/workbook/contractSheet';
import { workbookFormat } from '@/domain/workbook/format';
import { readWorkbook } from '@/domain/workbook/read';
import type { Workbook, WorkbookFormat } from '@/domain/workbook/types';
import { misnamedContent } from '@/domain/fileContent';
import { sniffKind } from './sniff';
import { FormsBatch, type FormFile } from './formsFile';
import { parseSheetFile } from './sheetFile';
import type { UploadOptions, UploadPart, UploadSource } from './types';

/** Bytes enough to tell what a file is, and a CSV's header row. */
const HEAD_BYTES = 64 * 1024;
/**
 * Files up to this size are read whole, several at a time and ahead of their turn: for a folder
 * of forms a read's latency, not its bytes, is what costs.
 */
const SMALL_FILE_BYTES = 1 << 20;
const READ_AHEAD = 16;

export interface UploadRead {
  /** The batches, in the order they are committed: records first. */
  parts: UploadPart[];
  /** The upload's self-evaluation forms, file by file; null when it has none. */
  forms: { files: FormFile[] } | null;
}

/** A part waiting to be parsed, with the kind it will be (a CSV's guessed from its header). */
type Pending =
  | { type: 'csv'; source: number; kind: Kind | null; misnamed: Problem | null }
  | { type: 'sheet'; source: number; kind: Kind; sheet: ContractSheet; base: SheetBase; extra: Issue[] }
  | { type: 'forms'; source: number; kind: Kind }
  | { type: 'failed'; source: number; parsed: ParsedFile };

interface SheetBase {
  fileName: string;
  format: WorkbookFormat;
  workbookSha: string;
  byteLength: number;
}

function failedFile(
  fileName: string,
  sha256: string,
  byteLength: number,
  issues: Issue[],
  warnings: Issue[] = [],
): ParsedFile {
  return fileResult(fileName, sha256, byteLength, {
    errors: issues,
    errorCount: issues.length,
    warnings,
    warningCount: warnings.length,
  });
}

function isDocx(head: Uint8Array, name: string): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && /\.docx$/i.test(name);
}

/** The sheets of a workbook not read as tables, as warnings to keep with its first batch. */
function skippedWarnings(name: string, reason: 'hidden' | 'empty' | 'no_kind'): Issue {
  const code = reason === 'hidden' ? 'sheet_hidden' : reason === 'empty' ? 'sheet_empty' : 'sheet_no_kind';
  return { ...issue(code, { sheet: name }), sheet: name };
}

function hasData(t: ContractSheet): boolean {
  return t.rows.some((r) => r.cells.some((c) => c.trim() !== ''));
}

function fromProblem(p: Problem): Issue {
  return { ...p, row: null, column: null } as Issue;
}

/** Reads every file of an upload into its batches. Throws ParseCancelled when `signal` aborts. */
export async function readUpload(sources: readonly UploadSource[], opts: UploadOptions = {}): Promise<UploadRead> {
  const { signal } = opts;
  const known = new Map<string, KnownRecord>();
  const total = Math.max(
    1,
    sources.reduce((n, s) => n + s.size, 0),
  );
  let doneBytes = 0;
  let position = 0;
  const order = sources.length;
  const report = (source: number, fraction: number) =>
    opts.onProgress?.({
      fileIndex: Math.min(position, order - 1),
      fileCount: order,
      fileName: sources[source]!.name,
      fraction,
      overall: Math.min(1, (doneBytes + fraction * sources[source]!.size) / total),
    });
  const check = () => {
    if (signal?.aborted) throw new ParseCancelled();
  };
  const pause = async () => {
    await nextTask();
    check();
  };

  /** A .docx form; a file its reader refuses is an error of that file (the reader's own code). */
  const extractForm = (bytes: Uint8Array, name: string): Promise<ExtractResult> =>
    extractFile(bytes, name, { year: opts.formYear, ...(opts.readers ? { readers: opts.readers } : {}) });

  // Small files' bytes, read ahead; each is dropped once its file is read.
  const ahead = new Map<number, Promise<Uint8Array>>();
  const isSmall = (i: number) => sources[i]!.size <= SMALL_FILE_BYTES;
  const readAhead = (from: number) => {
    for (let i = from; i < Math.min(sources.length, from + READ_AHEAD); i++) {
      if (!isSmall(i) || ahead.has(i)) continue;
      const p = sources[i]!.read();
      p.catch(() => undefined);
      ahead.set(i, p);
    }
  };
  /** The whole file: read ahead when small. */
  const bytesOf = (i: number): Promise<Uint8Array> => {
    const p = ahead.get(i);
    ahead.delete(i);
    return p ?? sources[i]!.read();
  };

  // First what each file is: the workbooks and forms are read now (their kinds are known only
  // from their sheets), the CSV files' kinds guessed from their header rows.
  const pending: Pending[] = [];
  const forms: { source: number; result: ExtractResult; sha256: string; size: number }[] = [];
  for (let source = 0; source < sources.length; source++) {
    check();
    const src = sources[source]!;
    readAhead(source);
    const small = isSmall(source) ? await ahead.get(source)! : null;
    const head = small ? small.subarray(0, HEAD_BYTES) : await src.head(HEAD_BYTES);
    const format = workbookFormat(head, src.name);
    if (format === null && !(opts.forms && isDocx(head, src.name))) {
      // Named .xlsx, .docx or .pdf and none of them: text is read as a CSV file (and said so),
      // anything else refused for what it is.
      const misnamed = misnamedContent(head, src.name);
      if (misnamed !== null && misnamed.code !== 'empty_file' && misnamed.code !== 'extension_mismatch_text') {
        const sha = await sha256Hex(small ?? (await src.read()));
        pending.push({ type: 'failed', source, parsed: failedFile(src.name, sha, src.size, [fromProblem(misnamed)]) });
        ahead.delete(source);
        continue;
      }
      const renamed = misnamed?.code === 'extension_mismatch_text' ? misnamed : null;
      pending.push({ type: 'csv', source, kind: sniffKind(head), misnamed: renamed });
      // Read again when its turn comes: many CSV files are not held at once.
      ahead.delete(source);
      continue;
    }
    report(source, 0);
    const bytes = small ?? (await src.read());
    ahead.delete(source);
    const sha = await sha256Hex(bytes);
    if (format === null) {
      forms.push({
        source,
        sha256: sha,
        size: src.size,
        result: await extractForm(bytes, src.name),
      });
    } else {
      const read = await readWorkbook(bytes, src.name);
      if (!read.ok) {
        pending.push({ type: 'failed', source, parsed: failedFile(src.name, sha, src.size, [fromProblem(read)]) });
      } else {
        await readWorkbookFile(
          read.workbook,
          { fileName: src.name, format, workbookSha: sha, byteLength: src.size },
          source,
        );
      }
    }
    doneBytes += src.size;
    position++;
    await pause();
  }

  async function readWorkbookFile(workbook: Workbook, base: SheetBase, source: number): Promise<void> {
    const tables: ContractSheet[] = [];
    const skipped: Issue[] = [];
    const sheets = workbook.sheets;
    for (const [i, sheet] of sheets.entries()) {
      if (sheet.hidden) {
        skipped.push(skippedWarnings(sheet.name, 'hidden'));
        continue;
      }
      let read;
      try {
        read = await readContractSheet(sheet, {
          onProgress: async (f) => {
            report(source, (i + f) / sheets.length);
            await pause();
          },
        });
      } catch (e) {
        if (!(e instanceof IssueError)) throw e;
        pending.push({
          type: 'failed',
          source,
          parsed: failedFile(base.fileName, base.workbookSha, base.byteLength, [fromProblem(e.problem)]),
        });
        return;
      }
      if (read.status !== 'table') skipped.push(skippedWarnings(sheet.name, read.status));
      else if (hasData(read.table)) tables.push(read.table);
      // A sheet of a kind with no row is no batch (a CSV of it would be "nothing to import").
      else skipped.push({ ...issue('sheet_no_rows', { sheet: sheet.name, kind: read.table.kind }), sheet: sheet.name });
    }
    if (tables.length > 0) {
      tables.forEach((t, i) =>
        pending.push({ type: 'sheet', source, kind: t.kind, sheet: t, base, extra: i === 0 ? skipped : [] }),
      );
      return;
    }
    if (opts.forms) {
      const found = await workbookForms(workbook, base.fileName, { year: opts.formYear });
      if (found.result !== null) {
        forms.push({ source, sha256: base.workbookSha, size: base.byteLength, result: found.result });
        return;
      }
    }
    const error = { ...issue('workbook_no_tables', {}) };
    pending.push({
      type: 'failed',
      source,
      parsed: failedFile(base.fileName, base.workbookSha, base.byteLength, [error], skipped),
    });
  }

  const batch = forms.length > 0 ? new FormsBatch(forms) : null;
  if (batch) for (const kind of KINDS) pending.push({ type: 'forms', source: forms[0]!.source, kind });

  // Then every batch, records first, each finding the records of those before it.
  const rank = (k: Kind | null) => (k === null ? 3 : KINDS.indexOf(k));
  const kindOf = (p: Pending) => (p.type === 'failed' ? null : p.kind);
  const ordered = [...pending].sort((a, b) => rank(kindOf(a)) - rank(kindOf(b)) || a.source - b.source);
  const parts: UploadPart[] = [];
  // The first CSV is read while the stored records are looked up: both wait on storage.
  const firstCsv = ordered.find((p) => p.type === 'csv');
  let early = firstCsv ? bytesOf(firstCsv.source) : null;
  early?.catch(() => undefined);
  for (const [k, v] of (await opts.knownRecords) ?? []) known.set(k, v);
  const parse = async (p: Pending): Promise<ParsedFile | null> => {
    switch (p.type) {
      case 'failed':
        return p.parsed;
      case 'forms':
        return batch!.part(p.kind, known);
      case 'sheet':
        return parseSheetFile(p.sheet, p.base, { knownRecords: known, signal, extra: p.extra });
      case 'csv': {
        const src = sources[p.source]!;
        report(p.source, 0);
        const bytes = await (p === firstCsv && early ? early : bytesOf(p.source));
        if (p === firstCsv) early = null;
        const sha256 = opts.sha256Of?.(p.source);
        const secondPart = opts.secondPartOf?.(p.source, known);
        const parsed = await parseFile(bytes, src.name, {
          signal,
          knownRecords: known,
          onProgress: (f) => report(p.source, f),
          ...(sha256 ? { sha256 } : {}),
          ...(secondPart ? { secondPart } : {}),
          ...(opts.whileWaiting ? { whileWaiting: opts.whileWaiting } : {}),
        });
        doneBytes += src.size;
        position++;
        if (p.misnamed === null) return parsed;
        const { extension } = p.misnamed.params as { extension: string };
        const said = issue('read_as_csv', { extension });
        return { ...parsed, warnings: [said, ...parsed.warnings], warningCount: parsed.warningCount + 1 };
      }
    }
  };
  const parsedOf = new Map<Pending, ParsedFile>();
  for (const p of ordered) {
    check();
    const parsed = await parse(p);
    if (parsed === null) continue;
    parsedOf.set(p, parsed);
    // The valid records of this upload count as known even when their file has errors: commit is
    // blocked anyway, and the indicator file then shows its own errors rather than a cascade.
    for (const [k, v] of knownRecordsOf(parsed)) known.set(k, v);
  }
  // A CSV whose header was guessed wrong (a records file read after rows that refer to it) is
  // rare: the files that refer to records are then read again against all of them.
  const lateRecords = ordered.some(
    (p, i) => parsedOf.get(p)?.kind === 'records' && ordered.slice(0, i).some((q) => isReferring(parsedOf.get(q))),
  );
  if (lateRecords) {
    for (const p of ordered) if (p.type === 'csv' && isReferring(parsedOf.get(p))) parsedOf.set(p, (await parse(p))!);
  }
  batch?.finish();
  for (const p of ordered) {
    const parsed = parsedOf.get(p);
    if (parsed) parts.push({ source: p.source, parsed });
  }
  // The committing order is by kind; parts of no kind (files with errors) come last.
  parts.sort((a, b) => rank(a.parsed.kind) - rank(b.parsed.kind));
  return { parts, forms: batch ? { files: batch.files } : null };
}

function isReferring(p: ParsedFile | undefined): boolean {
  return p !== undefined && (p.kind === 'indicators' || p.kind === 'funds');
}
