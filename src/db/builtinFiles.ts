// The built-in dataset, bundled into the app as text. Imported lazily (see builtin.ts) so that its
// text lands in a separate chunk and tests of the ledger need no Vite.
import records from '../../data/records.csv?raw';
import indicators from '../../data/indicators.csv?raw';
import funds from '../../data/funds.csv?raw';
import findings from '../../data/findings.csv?raw';
import type { Kind } from '@/domain/types';

export const BUILTIN_FILES: Readonly<Record<Kind, string>> = { records, indicators, funds, findings };
