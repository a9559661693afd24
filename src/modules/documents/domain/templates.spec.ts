import { describe, expect, it } from '@jest/globals';
import { type DocumentTemplate, fill, fillTemplate } from './templates.js';

describe('templates', () => {
  it.each([
    ['Dự án đường cao tốc Hữu Nghị – Chi Lăng', 'để thực hiện dự án đường cao tốc Hữu Nghị – Chi Lăng.'],
    ['Cụm công nghiệp Hợp Thành 1', 'để thực hiện dự án Cụm công nghiệp Hợp Thành 1.'],
  ])('says "dự án" once whatever the project is called: %s (issue 18 §13)', (name, said) => {
    expect(fill('để thực hiện dự án {{project.name}}.', { project: { name } })).toBe(said);
  });

  it('refuses a placeholder without a value rather than print a blank', () => {
    expect(() => fill('{{area}} m² đất', { area: '' })).toThrow('no value for {{area}}');
  });

  const template: DocumentTemplate = {
    type: 'plan_approval',
    label: 'QĐ',
    issuingBody: 'Ủy ban nhân dân huyện Cao Lộc',
    place: 'Cao Lộc',
    kind: 'QUYẾT ĐỊNH',
    summary: 'Phê duyệt',
    bases: [],
    decides: true,
    articles: [],
    signature: { lines: ['TM. Ủy ban nhân dân'], head: 'Chủ tịch', name: '{{signer.name}}' },
    recipients: ['- Lưu: VT.'],
  };
  it.each([
    ['the head', { title: 'Chủ tịch', deputy: false }, ['TM. Ủy ban nhân dân', 'Chủ tịch']],
    [
      'a deputy, for the head (KT.)',
      { title: 'Phó Chủ tịch', deputy: true },
      ['TM. Ủy ban nhân dân', 'KT. Chủ tịch', 'Phó Chủ tịch'],
    ],
  ])('signs as %s (NĐ 30/2020 Phụ lục I; issue 18 §12)', (_, signer, lines) => {
    const m = fillTemplate(
      template,
      { signer: { name: 'Nông Thị Hạnh' } },
      { number: '1', date: '2024-01-01', signer },
    );
    expect(m.signature).toEqual({ lines, name: 'Nông Thị Hạnh' });
  });
});
