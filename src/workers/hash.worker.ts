// A worker of its own for the SHA-256 of uploaded files. Chromium computes crypto.subtle.digest
// on the calling thread (about half a second per 100 MB), so in the import worker it would add its
// time to the parse; here it runs beside the parse, on the machine's other core. The import worker
// starts it (hasher.ts) and hands it each File: a File crosses without copying its bytes.
import { sha256Hex } from '@/domain/hash';
import type { HashReply, HashRequest } from './hasher';

interface WorkerScope {
  postMessage(msg: HashReply): void;
  onmessage: ((e: MessageEvent<HashRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, source } = e.data;
  void (async () => {
    try {
      const bytes = source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : source;
      scope.postMessage({ id, sha256: await sha256Hex(bytes) });
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  })();
};
