import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every route of the contract that takes a record's id, walked as each scoped role with the ids of a record outside
 * its scope (issue 17 §1): a commune officer of Hợp Thành with the expressway's records (no commune of its), the
 * expressway's investor with CCN-HT1's. No answer may be 2xx. Bodies are empty: a route that validates its body before
 * its scope answers 400, which is not a leak; what must never happen is a 2xx carrying someone else's data.
 */
const spec = JSON.parse(readFileSync('openapi.json', 'utf8')) as { paths: Record<string, Record<string, unknown>> };

/** Routes without a scoped record in their path, and why they are not walked here. */
const NOT_WALKED: Record<string, string> = {
  '/api/v1/attachments/{id}/file': 'no attachment in the seeded data (issue 17: to add)',
  '/api/v1/holidays/{date}': 'the calendar is not scoped',
  '/api/v1/holidays/{date}/{kind}': 'the calendar is not scoped',
  '/api/v1/price-books/{id}': 'price books are not scoped',
  '/api/v1/price-books/{id}/activate': 'price books are not scoped',
};

let t: TestApp;
const ids: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await startTestApp();
  const ds = t.app.get(DataSource);
  const staff = await t.login('canbo.ttptqd');
  const landOffice = await t.login('phong.tnmt');
  const [book] = await ds.query(`SELECT id FROM price_books WHERE code = 'MAU-CAOLOC-2024'`);
  for (const code of ['CT-HNCL', 'CCN-HT1']) {
    const [row] = await ds.query(
      `SELECT p.id AS project, c.id AS "case", c.land_user_id AS "landUser",
              (SELECT id FROM parcels WHERE case_id = c.id LIMIT 1) AS parcel,
              (SELECT id FROM inventories WHERE case_id = c.id LIMIT 1) AS inventory,
              (SELECT id FROM milestones WHERE project_id = p.id LIMIT 1) AS milestone
       FROM projects p JOIN cases c ON c.project_id = p.id WHERE p.code = $1
       AND EXISTS (SELECT 1 FROM parcels WHERE case_id = c.id) ORDER BY c.id LIMIT 1`,
      [code],
    );
    // A document (the recovery notice) and a complaint about that household, made by those whose act they are.
    const notice = await t
      .http()
      .post(`/api/v1/projects/${row.project}/recovery-notices`)
      .set('Authorization', landOffice)
      .send({ issuedOn: '2024-01-05', caseIds: [row.case], surveyFrom: '2024-01-15', surveyTo: '2024-03-15' });
    expect(notice.status).toBe(201);
    const complaint = await t.http().post('/api/v1/complaints').set('Authorization', staff).send({
      kind: 'complaint',
      channel: 'direct',
      subjectType: 'plan_approval',
      content: 'Đề nghị xem xét lại giá đất bồi thường.',
      projectId: row.project,
      caseId: row.case,
      receivedOn: '2026-07-02',
    });
    // A draft plan of that household.
    const plan = await t
      .http()
      .post(`/api/v1/projects/${row.project}/plans`)
      .set('Authorization', staff)
      .send({ name: 'Phương án thử phạm vi', priceBookId: book.id, valuationDate: '2024-06-01', caseIds: [row.case] });
    expect(plan.status).toBe(201);
    ids[code] = { ...row, plan: plan.body.id, document: notice.body[0].documentId, complaint: complaint.body.id };
  }
});
afterAll(async () => {
  await t.close();
});

/** The path with the ids of one project's records. */
function fill(path: string, r: Record<string, string>): string | null {
  const resource = path.split('/')[3];
  const byResource: Record<string, string | undefined> = {
    projects: r.project,
    cases: r.case,
    plans: r.plan,
    parcels: r.parcel,
    inventories: r.inventory,
    'land-users': r.landUser,
    documents: r.document,
    complaints: r.complaint,
    jobs: `render.${r.document}`, // the render job of that project's document
  };
  let missing = false;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = name === 'milestoneId' ? r.milestone : byResource[resource];
    if (!v) missing = true;
    return v ?? '';
  });
  return missing ? null : filled;
}

const ROUTES = Object.entries(spec.paths)
  .filter(([path]) => path.includes('{') && !NOT_WALKED[path])
  .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method, path })));

describe('scope walk: no 2xx on another scope’s record', () => {
  it.each([
    ['xa.hopthanh', 'CT-HNCL'],
    ['chudautu.bot', 'CCN-HT1'],
  ])('%s on the records of %s', async (username, code) => {
    const token = await t.login(username);
    const leaks: string[] = [];
    const undocumented: string[] = [];
    let walked = 0;
    for (const { method, path } of ROUTES) {
      const url = fill(path, ids[code]);
      if (!url) continue;
      walked++;
      const req = t.http()[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).set('Authorization', token);
      const res = method === 'get' || method === 'delete' ? await req : await req.send({});
      if (res.status >= 200 && res.status < 300) leaks.push(`${method.toUpperCase()} ${path} → ${res.status}`);
      // The refusal is one the API documents for the operation.
      const codes = (spec.paths[path][method] as { 'x-error-codes'?: string[] })['x-error-codes'] ?? [];
      if (res.status >= 400 && !codes.includes(res.body.code))
        undocumented.push(`${method.toUpperCase()} ${path} → ${res.status} ${res.body.code}`);
    }
    expect(walked).toBeGreaterThan(60);
    expect(leaks).toEqual([]);
    expect(undocumented).toEqual([]);
  });
});
