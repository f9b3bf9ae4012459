// The later half of a big file read in a second worker (partParser.ts, parse.worker.ts): the
// answer is the one-part answer whether the worker reads its part, fails while reading it, cannot
// start or does not exist (then no second part is asked for), and a cancel reaches it.
import { describe, expect, test } from 'vitest';
import { parseFile, readPart, type KnownRecord } from '@/domain/parseFile';
import { recordKey } from '@/domain/keys';
import { PartParser, type PartMessage, type PartPort, type PartReply } from '@/workers/partParser';
import { INDICATORS_HEADER } from './helpers';

/** A port that answers as parse.worker.ts does (its part read with readPart, the state posted), or fails when `broken`. */
class FakeParseWorker implements PartPort {
  onmessage: ((e: MessageEvent<PartReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly messages: PartMessage[] = [];
  constructor(private readonly broken = false) {}
  postMessage(msg: PartMessage): void {
    this.messages.push(msg);
    if (msg.type !== 'part') return;
    setTimeout(async () => {
      if (this.broken) return this.onerror?.({ message: 'failed' } as ErrorEvent);
      const { source, req, knownRecords } = msg;
      const all = source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : source;
      const state = await readPart(all.subarray(req.start, req.end), req, { knownRecords });
      const reply: PartReply = { type: 'done', id: msg.id, state: structuredClone(state) };
      this.onmessage?.({ data: reply } as MessageEvent<PartReply>);
    }, 0);
  }
}

const ZX = '北京市西城区示例中心';
const known = new Map<string, KnownRecord>([
  [recordKey({ agency: ZX, year: 2023, scope: 'department', project: '' }), { score: 90 }],
]);
let text = `${INDICATORS_HEADER}\r\n`;
for (let i = 0; i < 3000; i++)
  text += `${ZX},2023,部门整体,,产出,数量指标,培训${i % 2500},1,${i % 3 === 0 ? 'x' : 1}\r\n`;
const bytes = new TextEncoder().encode(text);
const answer = async (parts?: PartParser, source: Blob | Uint8Array = bytes) => {
  const secondPart = parts?.reader(source, known);
  const { sha256: _, ...rest } = await parseFile(bytes, 'f.csv', {
    knownRecords: known,
    ...(secondPart ? { secondPart, splitMinBytes: 1 } : {}),
  });
  return rest;
};

describe('PartParser', () => {
  test('reads the later half in the worker, from a File or from bytes, with the one-part answer', async () => {
    const one = await answer();
    expect(new Set(one.errors.map((e) => e.code))).toEqual(new Set(['number_invalid', 'duplicate_key']));
    for (const source of [new Blob([bytes]), bytes]) {
      const worker = new FakeParseWorker();
      expect(await answer(new PartParser(() => worker), source)).toEqual(one);
      expect(worker.messages.filter((m) => m.type === 'part')).toHaveLength(1);
    }
  });

  test('the one-part answer when the worker fails, cannot start or does not exist', async () => {
    const one = await answer();
    const broken = new PartParser(() => new FakeParseWorker(true));
    expect(await answer(broken)).toEqual(one);
    // Once failed, no later file is split.
    expect(broken.reader(bytes, known)).toBeUndefined();
    const throwing = new PartParser(() => {
      throw new Error('no nested workers');
    });
    expect(throwing.reader(bytes, known)).toBeUndefined();
    expect(new PartParser(() => null).reader(bytes, known)).toBeUndefined();
  });

  test('a cancel is posted to the worker', async () => {
    const worker = new FakeParseWorker();
    const parts = new PartParser(() => worker);
    const read = parts.reader(bytes, known)!;
    const controller = new AbortController();
    const req = { start: 100, end: bytes.length, delimiter: ',' as const, header: [], headerRow: 1 };
    const pending = read(req, () => undefined, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(worker.messages.map((m) => m.type)).toEqual(['part', 'cancel']);
  });
});
