// The import engine: what the import worker does with each message. Kept free of worker globals
// so that it runs (and is tested) in Node against fake-indexeddb; import.worker.ts only wires it to
// `self`. It holds the parsed files of the current upload: their rows stay here, on the worker
// side, and only a preview summary goes to the page.
import { nextTask } from '@/domain/steps';
import { dbErrorText } from '@/db/live';
import { chunkRow } from '@/domain/columns';
import { ParseCancelled } from '@/domain/parseFile';
import type { ExtractOptions } from '@/domain/extract';
import { readUpload } from '@/domain/upload/readUpload';
import type { UploadSource } from '@/domain/upload/types';
import { CHUNK_ROWS, type AnyRow, type ParsedFile } from '@/domain/types';
import type { BudgetDb } from '@/db/database';
import { commitFiles, knownRecords, listBatches, previewDiff } from '@/db/ledger';
import { ensureBuiltin } from '@/db/builtin';
import { storableChunks } from '@/db/chunkOps';
import { prepareChunk, prepareCommit } from '@/db/commitPrep';
import { checkStoredData } from '@/db/damage';
import { exportBlobs, exportWorkbook } from '@/db/exportAll';
import { sha256Hex } from '@/domain/hash';
import { issueErrorIn, problem, type Problem } from '@/domain/issues';
import {
  isQuotaError,
  PREVIEW_ROWS,
  SENT_ISSUES,
  SENT_SUPERSEDED,
  summarizeDiff,
  type FilePreview,
  type FromWorker,
  type NamedBytes,
  type PublishOutcome,
  type ToWorker,
} from './protocol';
import { formsPreview } from './formsPreview';
import { rollbackPreview } from './rollbackPreview';
import { warmUp } from './warmUp';
import type { FileHasher } from './hasher';
import type { PartParser } from './partParser';

/** A file to import: an upload's source, and what the hash worker reads its bytes from (hasher.ts). */
export interface SourceFile extends UploadSource {
  blob: Blob | Uint8Array;
}

export function fromFile(f: File): SourceFile {
  return {
    name: f.name,
    size: f.size,
    head: async (n) => new Uint8Array(await f.slice(0, n).arrayBuffer()),
    read: async () => {
      // In the worker a small file (a form) is read at once: an asynchronous read's round trip to
      // the browser costs more than its bytes, and a folder's worth of forms waits on hundreds.
      if (f.size <= SYNC_READ_BYTES && typeof FileReaderSync !== 'undefined')
        return new Uint8Array(new FileReaderSync().readAsArrayBuffer(f));
      return new Uint8Array(await f.arrayBuffer());
    },
    blob: f,
  };
}

/** Files up to this size are read synchronously where a worker can (FileReaderSync). */
const SYNC_READ_BYTES = 1 << 20;

export function fromBytes(f: NamedBytes): SourceFile {
  return {
    name: f.name,
    size: f.bytes.length,
    head: async (n) => f.bytes.subarray(0, n),
    read: async () => f.bytes,
    blob: f.bytes,
  };
}

/** A parsed file and its position in the order the files were chosen. */
interface Held {
  index: number;
  parsed: ParsedFile;
}

interface Upload {
  id: number;
  /** In processing order: records first. */
  files: Held[];
  /** The files as chosen, to check them again when the stored data changed under the preview. */
  sources: readonly SourceFile[];
  /** The year the analyst gave for forms that state none (the same when the files are read again). */
  formYear?: number;
}

/** Least time between two progress messages of a parse. */
const PROGRESS_EVERY_MS = 50;
/** Uploads of up to this many files report the start of each. */
const EVERY_FILE_UP_TO = 20;

export interface EngineOptions {
  /** Readers of document formats (.docx forms) when plugged in; without, such a file says so. */
  readers?: ExtractOptions['readers'];
  /** Works out the files' SHA-256 beside the parse; without it, the parse does so itself. */
  hasher?: FileHasher;
  /** Reads the later half of a big CSV file in a second worker (partParser.ts); without, one part. */
  parts?: PartParser;
}

/**
 * What an error means for the page: the code and parameters of an IssueError (a refused commit,
 * a missing batch) as they are, a full storage as `quota`, anything else as `code` with the
 * error's own text (the browser's or the database's words, passed on as written).
 */
function problemOf(
  err: unknown,
  code:
    'read_failed' | 'commit_failed' | 'publish_failed' | 'export_failed' | 'rollback_preview_failed' | 'load_failed',
): Problem {
  const coded = issueErrorIn(err);
  if (coded) return coded.problem;
  if (code !== 'read_failed' && isQuotaError(err)) return problem('quota', {});
  return problem(code, { detail: dbErrorText(err) });
}

export class ImportEngine {
  private upload: Upload | null = null;
  private parsing: { id: number; controller: AbortController } | null = null;
  private committing = false;
  private warming: AbortController | null = null;

  constructor(
    private readonly db: BudgetDb,
    private readonly post: (msg: FromWorker, transfer?: Transferable[]) => void,
    private readonly options: EngineOptions = {},
  ) {}

  handle(msg: ToWorker): Promise<void> {
    switch (msg.type) {
      case 'files':
        this.receive(msg.uploadId, msg.files);
        return Promise.resolve();
      case 'parse':
        return this.parse(msg.uploadId, this.take(msg.uploadId, msg.files), msg.formYear);
      case 'cancel':
        this.cancel(msg.uploadId);
        return Promise.resolve();
      case 'commit':
        return this.commit(msg.uploadId);
      case 'discard':
        this.discard(msg.uploadId);
        return Promise.resolve();
      case 'publish':
        return this.publish(msg.uploadId, msg.files.map(fromBytes));
      case 'export':
        return this.exportAll(msg.uploadId);
      case 'verify':
        return this.verify(msg.uploadId);
      case 'exportXlsx':
        return this.exportXlsx(msg.uploadId);
      case 'rollbackPreview':
        return this.rollbackPreview(msg.uploadId, msg.batchIds);
      case 'warm':
        return this.warm();
    }
  }

  /** Files of an upload received ahead of its 'parse' message. */
  private incoming: { id: number; files: SourceFile[] } | null = null;

  private receive(uploadId: number, files: readonly File[]): void {
    if (this.incoming?.id !== uploadId) this.incoming = { id: uploadId, files: [] };
    for (const f of files) this.incoming.files.push(fromFile(f));
  }

  /** The upload's files: those received ahead, then the last ones. */
  private take(uploadId: number, last: readonly File[]): SourceFile[] {
    const ahead = this.incoming?.id === uploadId ? this.incoming.files : [];
    this.incoming = null;
    return [...ahead, ...last.map(fromFile)];
  }

  /** Each file's SHA-256, worked out once (publish needs it before parsing, the parse too). */
  private readonly digests = new WeakMap<SourceFile, Promise<string>>();

  private digestOf(f: SourceFile): Promise<string> {
    let d = this.digests.get(f);
    if (!d) {
      d = this.options.hasher ? this.options.hasher.hash(f.blob, f.read) : f.read().then(sha256Hex);
      // A parse that fails or is cancelled first never awaits it: keep its failure from going unhandled.
      d.catch(() => undefined);
      this.digests.set(f, d);
    }
    return d;
  }

  /** Once per worker, while nothing else runs: see warmUp.ts. A parse that arrives stops it. */
  async warm(): Promise<void> {
    if (this.warming) return;
    this.warming = new AbortController();
    this.options.hasher?.start();
    this.options.parts?.start();
    await warmUp(this.db, this.warming.signal).catch(() => undefined);
  }

  /** The upload whose parsed files are held, if any (for tests and the worker's own checks). */
  get heldUploadId(): number | null {
    return this.upload?.id ?? null;
  }

  /** Parses the files, records first, and posts their previews. A newer parse replaces any earlier. */
  async parse(uploadId: number, files: readonly SourceFile[], formYear?: number): Promise<void> {
    this.warming?.abort();
    this.parsing?.controller.abort();
    this.upload = null;
    const controller = new AbortController();
    this.parsing = { id: uploadId, controller };
    try {
      const read = await this.read(uploadId, files, controller.signal, { forms: true, formYear });

      if (controller.signal.aborted) throw new ParseCancelled();
      const held = read.parts.map((p) => ({ index: p.source, parsed: p.parsed }));
      const previews = await this.previews(held);

      const parsed = held.map((h) => h.parsed);
      const forms = read.forms ? await formsPreview(this.db, read.forms.files, parsed, formYear ?? null) : null;
      if (controller.signal.aborted) throw new ParseCancelled();
      this.upload = { id: uploadId, files: held, sources: files, ...(formYear === undefined ? {} : { formYear }) };
      this.post({ type: 'parsed', uploadId, files: previews, forms });
      // While the analyst reads the preview: what the commit will need of these files.
      setTimeout(() => this.prepare(uploadId), 0);
    } catch (err) {
      if (err instanceof ParseCancelled || controller.signal.aborted) {
        this.post({ type: 'cancelled', uploadId });
      } else {
        this.post({ type: 'failed', uploadId, stage: 'parse', problem: problemOf(err, 'read_failed') });
      }
    } finally {
      if (this.parsing?.id === uploadId) this.parsing = null;
    }
  }

  /** Every file of an upload into its batches (src/domain/upload), with progress posted as it goes. */
  private read(
    uploadId: number,
    files: readonly SourceFile[],
    signal: AbortSignal,
    opts: { forms: boolean; formYear?: number },
  ) {
    let lastPost = 0;
    let lastFile = -1;
    return readUpload(files, {
      ...opts,
      signal,
      readers: this.options.readers,
      // Looked up while the first files are read: both wait on storage.
      knownRecords: knownRecords(this.db),
      // Every CSV file's digest worked out beside its parse (hasher.ts).
      sha256Of: (i) => this.digestOf(files[i]!),
      // A big CSV file's later half read beside its first (partParser.ts).
      secondPartOf: (i, known) => this.options.parts?.reader(files[i]!.blob, known),
      // Waiting on that half, this thread prepares the commit of the rows it has read (commitPrep.ts).
      whileWaiting: prepareChunk,
      onProgress: (p) => {
        // Each file's start is shown, but a folder of forms gives a few reports per file: the
        // page needs a few a second.
        const now = Date.now();
        const newFile = p.fileIndex !== lastFile && p.fileCount <= EVERY_FILE_UP_TO;
        if (!newFile && now - lastPost < PROGRESS_EVERY_MS && p.overall < 1) return;
        lastPost = now;
        lastFile = p.fileIndex;
        this.post({ type: 'progress', uploadId, ...p });
      },
    });
  }

  private async previews(held: readonly Held[]): Promise<FilePreview[]> {
    const out: FilePreview[] = [];
    const shaSeen = new Map<string, string>();
    for (const { index, parsed: p } of held) {
      const diff = p.kind === null ? null : await previewDiff(this.db, p, SENT_SUPERSEDED);
      const sample: AnyRow[] = [];
      const first = p.chunks[0];
      if (first) for (let i = 0; i < Math.min(PREVIEW_ROWS, first.length); i++) sample.push(chunkRow(first, i));
      out.push({
        index,
        fileName: p.fileName,
        byteLength: p.byteLength,
        kind: p.kind,
        encoding: p.encoding,
        delimiter: p.delimiter,
        rows: p.rows,
        headers: p.headers,
        sample,
        errors: p.errors.slice(0, SENT_ISSUES),
        errorCount: p.errorCount,
        warnings: p.warnings.slice(0, SENT_ISSUES),
        warningCount: p.warningCount,
        diff: diff && p.kind ? summarizeDiff(p.kind, diff) : null,
        sha256: p.sha256,
        identicalTo: diff?.identical ?? null,
        sameAsFile: shaSeen.get(p.sha256) ?? null,
        source: p.source ?? null,
      });
      if (!shaSeen.has(p.sha256)) shaSeen.set(p.sha256, p.fileName);
    }
    return out;
  }

  /** Works out ahead the stored-data-independent part of committing the held upload (commitPrep.ts). */
  private prepare(uploadId: number): void {
    if (this.upload?.id !== uploadId) return;
    for (const { parsed } of this.upload.files) {
      if (parsed.errorCount > 0 || parsed.kind === null) return;
    }
    for (const { parsed } of this.upload.files)
      if (parsed.kind !== null) prepareCommit(parsed.kind, storableChunks(parsed.chunks, CHUNK_ROWS));
  }

  cancel(uploadId: number): void {
    if (this.incoming?.id === uploadId) {
      // Cancelled while its files were still arriving: nothing was parsed yet.
      this.incoming = null;
      this.post({ type: 'cancelled', uploadId });
    } else if (this.parsing?.id === uploadId) this.parsing.controller.abort();
    else if (this.upload?.id === uploadId) this.discard(uploadId);
  }

  discard(uploadId: number): void {
    if (this.upload?.id === uploadId) this.upload = null;
    this.post({ type: 'discarded', uploadId });
  }

  /**
   * Settles once the keys of records just committed are made (warmRecordKeys); resolved at once
   * when none are being made.
   */
  recordKeysReady: Promise<void> = Promise.resolve();

  /**
   * The next file after a records commit (the indicators of those records, as analysts upload
   * them) is checked against the records committed: their keys are made now, while the analyst
   * picks it, instead of after it is chosen (≈ 40–70 ms for 20,000 records).
   */
  private warmRecordKeys(): void {
    this.recordKeysReady = knownRecords(this.db).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Commits every file of the parsed upload, all or nothing. */
  async commit(uploadId: number): Promise<void> {
    const upload = this.upload;
    if (!upload || upload.id !== uploadId) {
      this.post({ type: 'failed', uploadId, stage: 'commit', problem: problem('nothing_parsed', {}) });
      return;
    }
    const parsed = upload.files.map((h) => h.parsed);
    const withErrors = parsed.filter((p) => p.errorCount > 0 || p.kind === null);
    if (withErrors.length > 0) {
      const params = {
        files: withErrors.map((p) => p.fileName).join('\n'),
        count: withErrors.reduce((n, p) => n + p.errorCount, 0),
      };
      this.post({ type: 'failed', uploadId, stage: 'commit', problem: problem('has_errors', params) });
      return;
    }
    if (this.committing) {
      this.post({ type: 'failed', uploadId, stage: 'commit', problem: problem('busy', {}) });
      return;
    }
    this.committing = true;
    let failure: Problem | null = null;
    try {
      const results = await commitFiles(this.db, parsed, 'upload', `upload-${uploadId}-${Date.now()}`);
      this.upload = null;
      this.post({ type: 'committed', uploadId, results });
      if (parsed.some((p) => p.kind === 'records')) this.warmRecordKeys();
    } catch (err) {
      failure = problemOf(err, 'commit_failed');
    } finally {
      this.committing = false;
    }
    if (failure === null) return;
    if (failure.code !== 'commit_missing_records') {
      // The parsed files stay: after freeing space the analyst can commit again without re-reading.
      this.post({ type: 'failed', uploadId, stage: 'commit', problem: failure });
      return;
    }
    // The records the rows belong to are gone since the preview (rolled back in another tab):
    // nothing was written; the files are checked again against the data now, and the new preview
    // shows which rows lost their record.
    this.post({ type: 'failed', uploadId, stage: 'commit', problem: failure, reparse: true });
    await this.parse(uploadId, upload.sources, upload.formYear);
  }

  /**
   * Published data (the deployment's data/ folder): parse and commit at once, all or nothing.
   * A file whose bytes were published before is skipped even when that batch was rolled back since,
   * so an analyst's rollback in this browser is not undone at every start.
   */
  async publish(uploadId: number, files: readonly SourceFile[]): Promise<void> {
    try {
      // Published data goes on top of the built-in dataset, never underneath it.
      await ensureBuiltin(this.db);
      const batches = await listBatches(this.db);
      const published = new Set(batches.filter((b) => b.origin === 'published').map((b) => b.sha256));
      // Hash before parsing: at most starts nothing changed, and a big file is then not parsed again.
      const hashes = await Promise.all(files.map((f) => this.digestOf(f)));
      const fresh = files.filter((_, i) => !published.has(hashes[i]!));
      const read = await this.read(uploadId, fresh, new AbortController().signal, { forms: false });
      const parsed = read.parts.map((p) => p.parsed);
      const outcomes: PublishOutcome[] = files
        .filter((_, i) => published.has(hashes[i]!))
        .map((f) => ({ fileName: f.name, status: 'seen', errors: [], errorCount: 0 }));
      const rejected = parsed.some((p) => p.errorCount > 0 || p.kind === null);
      for (const p of parsed) {
        const bad = p.errorCount > 0 || p.kind === null;
        // All or nothing: good files wait until the bad one is fixed.
        outcomes.push({
          fileName: p.fileName,
          status: bad ? 'rejected' : rejected ? 'withheld' : 'committed',
          errors: p.errors.slice(0, 20),
          errorCount: p.errorCount,
        });
      }
      if (parsed.length === 0 || rejected) {
        this.post({ type: 'published', uploadId, outcomes });
        return;
      }
      const results = await commitFiles(this.db, parsed, 'published', `published-${Date.now()}`);
      for (const o of outcomes) {
        const r = results[parsed.findIndex((p) => p.fileName === o.fileName)];
        if (r) o.status = r.status;
      }
      this.post({ type: 'published', uploadId, outcomes });
    } catch (err) {
      this.post({ type: 'failed', uploadId, stage: 'publish', problem: problemOf(err, 'publish_failed') });
    }
  }

  /** The current data as one .xlsx workbook, a sheet per kind, posted as a Blob with progress on the way. */
  async exportXlsx(requestId: number): Promise<void> {
    try {
      const progress = (fraction: number) => this.post({ type: 'xlsxProgress', uploadId: requestId, fraction });
      const { blob, leftOut } = await exportWorkbook(this.db, progress);
      this.post({ type: 'exportedXlsx', uploadId: requestId, blob, leftOut });
    } catch (err) {
      this.post({ type: 'failed', uploadId: requestId, stage: 'export', problem: problemOf(err, 'export_failed') });
    }
  }

  /**
   * The current data as the contract's three files, built here as Blobs (a million rows never
   * cross to the page as text, and the page never waits for them), with progress.
   */
  async exportAll(requestId: number): Promise<void> {
    try {
      const progress = ({ done, total }: { done: number; total: number }) =>
        this.post({ type: 'exportProgress', uploadId: requestId, done, total });
      const { files, leftOut } = await exportBlobs(this.db, progress, nextTask);
      this.post({ type: 'exported', uploadId: requestId, files, leftOut });
    } catch (err) {
      this.post({ type: 'failed', uploadId: requestId, stage: 'export', problem: problemOf(err, 'export_failed') });
    }
  }

  /** Checks every stored chunk of the active batches (damage.ts) and names the damaged batches. */
  async verify(requestId: number): Promise<void> {
    try {
      this.post({ type: 'verified', uploadId: requestId, damaged: await checkStoredData(this.db) });
    } catch (err) {
      const failure = problemOf(err, 'load_failed');
      this.post({ type: 'failed', uploadId: requestId, stage: 'verify', problem: failure });
    }
  }

  async rollbackPreview(requestId: number, batchIds: readonly number[]): Promise<void> {
    try {
      this.post({ type: 'rollbackPreview', uploadId: requestId, preview: await rollbackPreview(this.db, batchIds) });
    } catch (err) {
      const failure = problemOf(err, 'rollback_preview_failed');
      this.post({ type: 'failed', uploadId: requestId, stage: 'rollbackPreview', problem: failure });
    }
  }
}
