// Identity of rows: the record key, and each kind's row key built on it.
import type { AnyRow, Kind, RecordKeyFields } from './types';

// U+001F (unit separator) cannot occur in a trimmed CSV cell that people type, so keys never collide.
const SEP = '\u001f';

export function recordKey(r: RecordKeyFields): string {
  return [r.agency, r.year, r.scope, r.project].join(SEP);
}

export function parseRecordKey(key: string): RecordKeyFields {
  const [agency = '', year = '0', scope = 'department', project = ''] = key.split(SEP);
  return { agency, year: Number(year), scope: scope === 'project' ? 'project' : 'department', project };
}

export function rowKey(kind: Kind, row: AnyRow): string {
  const base = recordKey(row);
  if (kind === 'indicators' && 'level1' in row) return [base, row.level1, row.level2, row.level3].join(SEP);
  if (kind === 'funds' && 'category' in row) return [base, row.category, row.item].join(SEP);
  return base;
}
