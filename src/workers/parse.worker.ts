// A worker of its own for the later part of a big file (partParser.ts, parseFile's readSplit):
// the import worker reads the first part of the file while this one reads the rest, each on a
// core of its own, and the import worker takes in what this one found. It gets the File (no copy
// of its bytes) and reads only its part of it.
import { readPart, parseFile, type KnownRecord, type PartState } from '@/domain/parseFile';
import { recordKey } from '@/domain/keys';
import { TEMPLATE_ROWS } from '@/domain/templates';
import type { PartMessage, PartReply } from './partParser';
import { warmUpFile } from './warmUp';

interface WorkerScope {
  postMessage(msg: PartReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<PartMessage>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();

/** The buffers of a part's state, handed over rather than copied. */
function transferables(s: PartState): Transferable[] {
  const out: Transferable[] = [s.hashes.buffer, s.rowNumbers.buffer];
  for (const c of s.chunks) {
    for (const a of Object.values(c.num)) out.push(a.buffer);
    for (const t of Object.values(c.text)) out.push(t.codes.buffer);
  }
  return out.filter((b, i) => out.indexOf(b) === i);
}

async function warm(): Promise<void> {
  // The parser's code compiled before the first big file, as the import worker's warm-up does.
  const template = TEMPLATE_ROWS.records;
  const knownRecords = new Map<string, KnownRecord>([[recordKey(template), { score: template.score }]]);
  for (const kind of ['indicators', 'records'] as const)
    await parseFile(warmUpFile(kind, 300), 'warm-up.csv', { knownRecords, sha256: Promise.resolve('') });
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'warm') {
    void warm().catch(() => undefined);
    return;
  }
  if (m.type === 'cancel') {
    running.get(m.id)?.abort();
    return;
  }
  const { id, source, req, knownRecords } = m;
  const controller = new AbortController();
  running.set(id, controller);
  void (async () => {
    try {
      const bytes =
        source instanceof Blob
          ? new Uint8Array(await source.slice(req.start, req.end).arrayBuffer())
          : source.subarray(req.start, req.end);
      let last = 0;
      const state = await readPart(bytes, req, {
        knownRecords,
        signal: controller.signal,
        onBytes: (n) => {
          // A few reports a second are enough for the progress bar.
          const now = Date.now();
          if (now - last < 50) return;
          last = now;
          scope.postMessage({ type: 'progress', id, bytes: n });
        },
      });
      scope.postMessage({ type: 'done', id, state }, transferables(state));
    } catch (err) {
      scope.postMessage({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
    } finally {
      running.delete(id);
    }
  })();
};
