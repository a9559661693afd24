import { describe, expect, it } from '@jest/globals';
import { COMPOSITION_ROOT, KNOWN_CROSSINGS, READERS, TABLE_OWNERS } from '../../src/ownership.js';
import { entityTables, touches, type Touch } from './sql-tables.js';

const ROOT = process.cwd();
const crossing = (t: Touch) => `${t.module} → ${t.table} (${t.file})`;

function crossings(): string[] {
  const tables = new Set(Object.keys(TABLE_OWNERS));
  return touches(ROOT, tables)
    .filter((t) => t.module !== COMPOSITION_ROOT && TABLE_OWNERS[t.table] !== t.module)
    .filter((t) => !READERS['*'].includes(t.table) && !(READERS[t.module] ?? []).includes(t.table))
    .map(crossing)
    .sort();
}

describe('table ownership', () => {
  it('every entity’s table has one owner, in its own module', () => {
    for (const [entity, { table, file }] of entityTables(ROOT)) {
      expect({ entity, table, owner: TABLE_OWNERS[table] }).toEqual({ entity, table, owner: expect.any(String) });
      const module = file.split('/')[1] === 'modules' ? file.split('/')[2] : `core/${file.split('/')[2]}`;
      expect({ entity, owner: TABLE_OWNERS[table] }).toEqual({ entity, owner: module });
    }
  });

  it('no module touches a table it neither owns nor is declared to read (beyond the known crossings, which only shrink)', () => {
    const found = crossings();
    const added = found.filter((c) => !KNOWN_CROSSINGS.includes(c));
    const gone = KNOWN_CROSSINGS.filter((c) => !found.includes(c));
    expect({ added, gone }).toEqual({ added: [], gone: [] });
  });
});
