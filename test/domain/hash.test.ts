import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '@/domain/hash';

const nodeSha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('sha256Hex', () => {
  afterEach(() => vi.unstubAllGlobals());

  const samples = [
    new Uint8Array(0),
    new TextEncoder().encode('单位名称,年度\n北京市贸促会,2022\n'),
    Uint8Array.from({ length: 200_003 }, (_, i) => (i * 31) & 0xff),
  ];

  it('fingerprints bytes with the browser crypto when it is there', async () => {
    for (const b of samples) expect(await sha256Hex(b)).toBe(nodeSha(b));
  });

  it('gives the same fingerprint without crypto.subtle (a page served over plain http on an intranet)', async () => {
    vi.stubGlobal('crypto', {});
    expect(globalThis.crypto.subtle).toBeUndefined();
    for (const b of samples) expect(await sha256Hex(b)).toBe(nodeSha(b));
  });
});
