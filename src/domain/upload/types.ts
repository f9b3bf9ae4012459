// What an upload is made of, whatever the files: the sources as chosen, and the parts they give,
// each a ParsedFile that the ledger commits as one batch (a CSV file, a sheet of a workbook, or
// one kind of rows of the upload's self-evaluation forms).
import type { ExtractOptions } from '@/domain/extract';
import type { KnownRecord } from '@/domain/fileSession';
import type { PartReader } from '@/domain/parseFile';
import type { ColumnChunk, ParsedFile } from '@/domain/types';

/** A file to read, whether picked by a person (a File) or fetched (published data), or read from disk (the CLI). */
export interface UploadSource {
  name: string;
  size: number;
  /** The first bytes, to tell what the file is and (for a CSV) its kind before it is read. */
  head(bytes: number): Promise<Uint8Array>;
  read(): Promise<Uint8Array>;
}

export interface UploadProgress {
  /** Position in processing order, 0-based. */
  fileIndex: number;
  fileCount: number;
  fileName: string;
  /** Fraction of the current file read, 0–1. */
  fraction: number;
  /** Fraction of all bytes of the upload read, 0–1. */
  overall: number;
}

export interface UploadOptions {
  /** Records stored already (indicator and fund rows may refer to them); awaited only once the first files are read. */
  knownRecords?: ReadonlyMap<string, KnownRecord> | Promise<ReadonlyMap<string, KnownRecord>>;
  signal?: AbortSignal;
  onProgress?(p: UploadProgress): void;
  /** Read self-evaluation forms (the app); without, a workbook of forms is one of no tables (the validate CLI). */
  forms?: boolean;
  /** The year the analyst gave, for forms that state none. */
  formYear?: number;
  /** Readers of document formats (.docx …), when plugged in. */
  readers?: ExtractOptions['readers'];
  /** A CSV file's SHA-256 (hex), when worked out elsewhere (the app's hash worker); without, from its bytes. */
  sha256Of?(source: number): Promise<string>;
  /**
   * A reader of the later part of a big CSV file elsewhere (the app's parse worker: parseFile's
   * `secondPart`), given the records its rows are checked against; without, one part.
   */
  secondPartOf?(source: number, knownRecords: ReadonlyMap<string, KnownRecord>): PartReader | undefined;
  /** Work for this thread while a big CSV file's later part is read elsewhere (parseFile's `whileWaiting`). */
  whileWaiting?(chunk: ColumnChunk): void;
}

/** One batch of the upload: its rows, and the source it came from (the index of the file as chosen). */
export interface UploadPart {
  source: number;
  parsed: ParsedFile;
}
