import { randomInt } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** Synthetic, obviously fictitious people: names from a fixed list, CCCD numbers starting with 099 (no real province). */
const NAMES = ['Hoàng Văn Thử', 'Lương Thị Mẫu', 'Nông Văn Giả', 'Vi Thị Thí Nghiệm', 'Lăng Văn Ví Dụ'];
let seq = 0;

export const fakeCccd = (): string => `099${String(randomInt(0, 1e9)).padStart(9, '0')}`;
export const fakeName = (): string => `${NAMES[seq++ % NAMES.length]} ${seq}`;

export async function projectByCode(t: TestApp, code: string): Promise<{ id: string; communes: { id: string; name: string }[] }> {
  const res = await t.http().get('/api/v1/projects').set('Authorization', await t.login('quantri'));
  return res.body.find((p: { code: string }) => p.code === code);
}

export async function createCase(
  t: TestApp,
  projectCode: string,
  options: { communeName?: string; fullName?: string; cccd?: string; as?: string; flags?: Record<string, boolean> } = {},
): Promise<{ id: string; version: number; landUser: { id: string; fullName: string; cccd: string } }> {
  const project = await projectByCode(t, projectCode);
  const commune = options.communeName ? project.communes.find((c) => c.name === options.communeName)! : project.communes[0];
  const res = await t
    .http()
    .post(`/api/v1/projects/${project.id}/cases`)
    .set('Authorization', await t.login(options.as ?? 'canbo.ttptqd'))
    .send({
      communeId: commune.id,
      batch: '1',
      landUser: {
        kind: 'household',
        fullName: options.fullName ?? fakeName(),
        cccd: options.cccd ?? fakeCccd(),
        members: [{ fullName: 'Thành viên Thử', birthYear: 1990, relation: 'Con', livesOnLand: true, farmsLand: true }],
        ...(options.flags ?? {}),
      },
    });
  if (res.status !== 201) throw new Error(`createCase: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
