// Writes public/templates/*.csv and the workbook template public/templates/templates.xlsx (a sheet
// per kind) from src/domain/templates.ts (run from the repository root after a SCHEMA change).
import { writeFile } from 'node:fs/promises';
import { templateCsv } from '@/domain/templates';
import { KINDS } from '@/domain/types';
import { templateXlsx } from '@/domain/workbook/write';

for (const kind of KINDS) await writeFile(`public/templates/${kind}.csv`, templateCsv(kind), 'utf8');
await writeFile('public/templates/templates.xlsx', templateXlsx());
