import { writeFileSync } from 'node:fs';
import { writeWorkbook } from '../src/core/excel/workbook.js';
import { importSheets } from '../src/modules/case-import/case-import.service.js';

/** Regenerates templates/import/ho-so-kiem-dem.xlsx from the importer's own column list. */
writeFileSync('templates/import/ho-so-kiem-dem.xlsx', await writeWorkbook(importSheets()));
process.stdout.write('Wrote templates/import/ho-so-kiem-dem.xlsx\n');
