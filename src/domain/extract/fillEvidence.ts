// Each extracted row's evidence column (出处) from the evidence of its values, so that it is stored
// with the row and comes back on the record view and in exports: the text and place of each value,
// whether it was derived or corrected (with the value read), and the other statements of a figure
// the document disputes.
import { writeEvidence, type EvidenceEntry } from '@/domain/evidenceColumn';
import { plainNumber } from '@/domain/exportCsv';
import { KINDS } from '@/domain/types';
import type { EvidenceItem, ExtractedRows } from './types';

/** A value as the evidence column writes it: a number plainly (5333.85), no value as ''. */
export function evidenceValue(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? plainNumber(v) : v;
}

export function evidenceEntry(e: EvidenceItem): EvidenceEntry {
  const entry: EvidenceEntry = { field: e.field, location: e.location, text: e.text };
  if (e.how === 'derived') entry.derived = true;
  if (e.how === 'corrected') {
    const from = evidenceValue(e.corrected?.from);
    entry.corrected = e.corrected?.reason ? { from, reason: e.corrected.reason } : { from };
  }
  if (e.disputed && e.disputed.length > 0)
    entry.disputed = e.disputed.map((d) => ({ value: evidenceValue(d.value), location: d.location, text: d.text }));
  return entry;
}

/** Writes every row's `evidence` from `evidence` (the items of that row, in their order). */
export function fillEvidenceColumn(result: ExtractedRows & { evidence: readonly EvidenceItem[] }): void {
  for (const kind of KINDS) {
    const byIndex = new Map<number, EvidenceEntry[]>();
    for (const e of result.evidence) {
      if (e.kind !== kind) continue;
      const list = byIndex.get(e.index) ?? [];
      list.push(evidenceEntry(e));
      byIndex.set(e.index, list);
    }
    const rows = result[kind] as Array<{ evidence: string }>;
    rows.forEach((row, i) => {
      row.evidence = writeEvidence(kind, byIndex.get(i) ?? []);
    });
  }
}
