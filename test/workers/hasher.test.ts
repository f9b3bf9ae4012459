// The files' SHA-256 worked out on another thread (hash.worker.ts) must be the digest parseFile
// works out itself, and an upload must get the same preview whichever thread hashed it; a hash
// worker that fails or cannot start leaves the digest to the import worker, never to chance.
import { describe, expect, test } from 'vitest';
import { sha256Hex } from '@/domain/hash';
import { FileHasher, type HashReply, type HashRequest, type WorkerPort } from '@/workers/hasher';
import { harness, INDICATORS_HEADER, RECORDS_HEADER, textFile } from './helpers';

/** A port that answers as hash.worker.ts does, or fails when `broken`. */
class FakeHashWorker implements WorkerPort {
  onmessage: ((e: MessageEvent<HashReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly requests: HashRequest[] = [];
  constructor(private readonly broken = false) {}
  postMessage(msg: HashRequest): void {
    this.requests.push(msg);
    setTimeout(async () => {
      if (this.broken) return this.onerror?.({ message: 'failed to start' } as ErrorEvent);
      const bytes = msg.source instanceof Blob ? new Uint8Array(await msg.source.arrayBuffer()) : msg.source;
      this.onmessage?.({ data: { id: msg.id, sha256: await sha256Hex(bytes) } } as MessageEvent<HashReply>);
    }, 0);
  }
}

const bytes = new TextEncoder().encode('单位名称,年度\n北京市贸促会,2022\n');
const read = () => Promise.resolve(bytes);

describe('FileHasher', () => {
  test('gives the digest sha256Hex gives, from a File or from bytes, through the worker', async () => {
    const worker = new FakeHashWorker();
    const hasher = new FileHasher(() => worker);
    const expected = await sha256Hex(bytes);
    expect(await hasher.hash(new Blob([bytes]), read)).toBe(expected);
    expect(await hasher.hash(bytes, read)).toBe(expected);
    expect(worker.requests).toHaveLength(2);
  });

  test('works the digest out itself when the worker fails, cannot start or does not exist', async () => {
    const expected = await sha256Hex(bytes);
    expect(await new FileHasher(() => new FakeHashWorker(true)).hash(bytes, read)).toBe(expected);
    const throwing = new FileHasher(() => {
      throw new Error('no nested workers');
    });
    expect(await throwing.hash(bytes, read)).toBe(expected);
    expect(await new FileHasher(() => null).hash(bytes, read)).toBe(expected);
  });
});

describe('the import engine with a hasher', () => {
  test('previews an upload exactly as without one, digests included', async () => {
    const ZX = '北京市西城区示例中心';
    const files = () => [
      textFile('记录.csv', `${RECORDS_HEADER}\n${ZX},北京市西城区,2023,部门整体,,500,480,90\n`),
      textFile('指标.csv', `${INDICATORS_HEADER}\n${ZX},2023,部门整体,,决策,,,20,18\n`),
    ];
    const plain = harness();
    await plain.engine.handle({ type: 'parse', uploadId: 1, files: files() });
    const worker = new FakeHashWorker();
    const hashed = harness(undefined, undefined, new FileHasher(() => worker));
    await hashed.engine.handle({ type: 'parse', uploadId: 1, files: files() });
    expect(worker.requests).toHaveLength(2);
    expect(hashed.last('parsed').files).toEqual(plain.last('parsed').files);
  });
});
