import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What every document template must say as a văn thư checks it (NĐ 30/2020 Phụ lục I): the "Nơi nhận" ends with
 * the copy kept by the văn thư ("- Lưu: VT, …"), whatever body issues it (issue 18 §13).
 */
const DIR = 'templates/documents';
const templates = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, template: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { recipients?: string[] } }));

describe('document templates', () => {
  it.each(templates.map((t) => [t.file, t.template] as const))(
    '%s keeps a copy with the văn thư',
    (_file, template) => {
      const recipients = template.recipients ?? [];
      expect(recipients.length).toBeGreaterThan(0);
      expect(recipients[recipients.length - 1]).toMatch(/^- Lưu: VT(, [^,]+)*\.$/);
    },
  );
});
