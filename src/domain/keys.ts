// Identity of rows: the record key, and each kind's row key built on it.
import type { AnyRow, Kind, RecordKeyFields } from './types';

// U+001F (unit separator) cannot occur in a trimmed CSV cell that people type, so keys never collide.
const SEP = '\u001f';

export function recordKey(r: RecordKeyFields): string {
  return r.agency + SEP + r.year + SEP + r.scope + SEP + r.project;
}

export function parseRecordKey(key: string): RecordKeyFields {
  const [agency = '', year = '0', scope = 'department', project = ''] = key.split(SEP);
  return { agency, year: Number(year), scope: scope === 'project' ? 'project' : 'department', project };
}

export function rowKey(kind: Kind, row: AnyRow): string {
  const rk = recordKey(row);
  if (kind === 'indicators' && 'level1' in row) return rk + SEP + row.level1 + SEP + row.level2 + SEP + row.level3;
  if (kind === 'funds' && 'category' in row) return rk + SEP + row.category + SEP + row.item;
  if (kind === 'findings' && 'seq' in row) return rk + SEP + row.kind + SEP + row.seq;
  return rk;
}
