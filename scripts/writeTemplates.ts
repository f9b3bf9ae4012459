// Writes public/templates/*.csv from src/domain/templates.ts (run from the repository root after a SCHEMA change).
import { writeFile } from 'node:fs/promises';
import { templateCsv } from '@/domain/templates';
import { KINDS } from '@/domain/types';

for (const kind of KINDS) await writeFile(`public/templates/${kind}.csv`, templateCsv(kind), 'utf8');
