// The validator command's logic, with its I/O passed in so tests can run it without a shell.
import { knownRecordsOf, parseFile, type KnownRecord } from '@/domain/parseFile';
import type { Issue, ParsedFile } from '@/domain/types';

export interface ValidateIo {
  readFile(path: string): Promise<Uint8Array>;
  /** Records files whose records indicator and fund rows may refer to (the built-in dataset). */
  builtinFiles: string[];
  out(line: string): void;
  err(line: string): void;
}

const USAGE = '用法: npm run validate -- [--json] FILE...';
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

/** Returns the exit status: 0 no file has an error, 1 some file has one, 2 the command was used wrongly. */
export async function runValidate(args: string[], io: ValidateIo): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknownFlag = files.find((f) => f.startsWith('--'));
  if (unknownFlag !== undefined) {
    io.err(`未知选项: ${unknownFlag}\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    io.err(`没有指定文件\n${USAGE}`);
    return 2;
  }
  const contents = new Map<string, Uint8Array>();
  for (const f of files) {
    try {
      contents.set(f, await io.readFile(f));
    } catch (e) {
      io.err(`无法读取文件 ${f}: ${(e as Error).message}`);
      return 2;
    }
  }

  const known = new Map<string, KnownRecord>();
  for (const path of io.builtinFiles) {
    try {
      const parsed = await parseFile(await io.readFile(path), path);
      for (const [k, v] of knownRecordsOf(parsed)) known.set(k, v);
    } catch {
      // Without the built-in dataset, references are checked against the command line alone.
    }
  }
  // Records first, so that indicator and fund rows find the records named on the same command
  // line in any order. The kind is known only once a file is decoded (it may be GBK), so every
  // file is parsed, then the files that refer to records are checked again against them all.
  const results = new Map<string, ParsedFile>();
  for (const f of files) results.set(f, await parseFile(contents.get(f)!, f, { knownRecords: known }));
  const fromCommandLine = new Map<string, KnownRecord>();
  for (const r of results.values()) for (const [k, v] of knownRecordsOf(r)) fromCommandLine.set(k, v);
  if (fromCommandLine.size > 0) {
    for (const [k, v] of fromCommandLine) known.set(k, v);
    for (const [f, r] of results) {
      if (r.kind === 'indicators' || r.kind === 'funds')
        results.set(f, await parseFile(contents.get(f)!, f, { knownRecords: known }));
    }
  }

  let anyError = false;
  for (const f of files) {
    const r = results.get(f)!;
    if (r.errorCount > 0) anyError = true;
    if (json) io.out(JSON.stringify(toJson(r)));
    else printText(r, io.out);
  }
  return anyError ? 1 : 0;
}

function issueJson(i: Issue): { row: number | null; column: string | null; message: string } {
  return { row: i.row, column: i.column, message: i.message };
}

function toJson(r: ParsedFile) {
  return {
    file: r.fileName,
    kind: r.kind,
    encoding: r.encoding,
    delimiter: r.delimiter,
    rows: r.rows,
    errors: r.errors.map(issueJson),
    warnings: r.warnings.map(issueJson),
  };
}

function where(i: Issue): string {
  const parts: string[] = [];
  if (i.row !== null) parts.push(`第 ${i.row} 行`);
  if (i.column !== null) parts.push(`列“${i.column}”`);
  return parts.length > 0 ? parts.join(' ') + ': ' : '';
}

function printText(r: ParsedFile, out: (line: string) => void): void {
  const delimiter = r.delimiter === null ? '-' : DELIMITER_NAMES[r.delimiter];
  out(`${r.fileName}`);
  out(`  kind: ${r.kind ?? '-'}  encoding: ${r.encoding ?? '-'}  delimiter: ${delimiter}  rows: ${r.rows}`);
  out(`  errors: ${r.errorCount}  warnings: ${r.warningCount}`);
  for (const e of r.errors) out(`  ERROR   ${where(e)}${e.message}`);
  if (r.errorCount > r.errors.length) out(`  … 另有 ${r.errorCount - r.errors.length} 个错误未列出`);
  for (const w of r.warnings) out(`  WARNING ${where(w)}${w.message}`);
  if (r.warningCount > r.warnings.length) out(`  … 另有 ${r.warningCount - r.warnings.length} 个警告未列出`);
}
