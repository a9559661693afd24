import { DataSource, EntityManager, In } from 'typeorm';
import { hashPassword } from '../src/core/auth/auth.service.js';
import { User } from '../src/core/auth/user.entity.js';
import { DEMO_PASSWORD } from '../src/core/config/app-config.js';
import { Milestone } from '../src/modules/projects/milestone.entity.js';
import { Project } from '../src/modules/projects/project.entity.js';
import { AdminUnit } from '../src/modules/reference/admin-unit.entity.js';
import { Agency, type AgencyKind } from '../src/modules/reference/agency.entity.js';
import { Regime } from '../src/modules/regimes/regime.entity.js';
import { Signatory } from '../src/modules/reference/signatory.entity.js';
import { PROJECTS } from './projects.js';
import {
  AGENCIES,
  COMMUNES,
  DISTRICT,
  LAND_TYPE_TABLE,
  LAND_TYPES,
  PROVINCE,
  REGIMES,
  SIGNATORIES,
  remoteBasis,
} from './reference-data.js';
import { LandType } from '../src/modules/land-types/land-type.entity.js';
import { DEMO_USERS } from './users.js';
import { HOLIDAYS } from './holidays.js';
import { LatePaymentRate } from '../src/modules/payments/payment.entity.js';
import { ReportRule } from '../src/modules/reports/report-rule.entity.js';
import { ComplaintRuleRow } from '../src/modules/complaints/complaint-rule.entity.js';
import { COMPLAINT_RULES } from './complaint-rules.js';
import { Holiday } from '../src/modules/calendar/holiday.entity.js';
import { seedSyntheticCases } from './synthetic-cases.js';
import { SAMPLE_PRICE_BOOK } from './price-books/sample-cao-loc.js';
import { PriceBook } from '../src/modules/pricing/price-book.entity.js';
import { validatePriceBook } from '../src/modules/pricing/domain/price-book.js';

/** Synthetic cases per project for demos (README: about 250 / 120 / 60 / 60 / 8). */
export const SYNTHETIC_CASES: Record<string, number> = {
  'CT-HNCL': 250,
  QL4B: 120,
  'CCN-HT1': 60,
  'CCN-HT2': 60,
  'CAX-2024': 8,
};

/**
 * Loads reference data, the real projects and the demo users. Idempotent: a row that exists (by its natural key)
 * is left as it is, so running it twice changes nothing and never overwrites what users have edited.
 * Returns the number of rows inserted per table.
 */
export async function runSeeds(
  ds: DataSource,
  options: { demoUsers: boolean; syntheticCases: boolean } = { demoUsers: true, syntheticCases: true },
): Promise<Record<string, number>> {
  const inserted = await ds.transaction(async (em) => {
    const inserted: Record<string, number> = {};
    const count = (table: string, n: number) => (inserted[table] = (inserted[table] ?? 0) + n);

    // Administrative units: province → district → communes.
    count(
      'admin_units',
      await insertIgnore(em, AdminUnit, [{ ...PROVINCE, level: 'province', parentId: null, remote: false }]),
    );
    const province = await em.getRepository(AdminUnit).findOneByOrFail({ code: PROVINCE.code });
    count(
      'admin_units',
      await insertIgnore(em, AdminUnit, [{ ...DISTRICT, level: 'district', parentId: province.id, remote: false }]),
    );
    const district = await em.getRepository(AdminUnit).findOneByOrFail({ code: DISTRICT.code });
    count(
      'admin_units',
      await insertIgnore(
        em,
        AdminUnit,
        COMMUNES.map((c) => ({
          code: c.code,
          kind: c.kind,
          name: c.name,
          level: 'commune',
          parentId: district.id,
          remote: !!c.remote,
          remoteBasis: remoteBasis(c.remote),
        })),
      ),
    );
    const units = new Map((await em.getRepository(AdminUnit).find()).map((u) => [u.code, u]));
    const unitId = (ref: string) =>
      ref === 'province' ? province.id : ref === 'district' ? district.id : units.get(ref)!.id;

    count(
      'agencies',
      await insertIgnore(
        em,
        Agency,
        AGENCIES.map((a) => ({
          code: a.code,
          kind: a.kind as AgencyKind,
          name: a.name,
          shortName: a.shortName,
          adminUnitId: unitId(a.unit),
        })),
      ),
    );
    const agencies = new Map((await em.getRepository(Agency).find()).map((a) => [a.code, a]));

    count(
      'signatories',
      await insertIgnore(
        em,
        Signatory,
        SIGNATORIES.map(({ agency, ...s }) => ({ ...s, agencyId: agencies.get(agency)!.id, effectiveTo: null })),
      ),
    );
    count('procedure_regimes', await insertIgnore(em, Regime, REGIMES));
    count('holidays', await insertIgnore(em, Holiday, HOLIDAYS));
    // Tiền chậm nộp rates (procedure.md §8.9): dated, with their basis; later changes are new rows.
    count(
      'late_payment_rates',
      await insertIgnore(em, LatePaymentRate, [
        {
          effectiveFrom: '2016-07-01',
          percentPerDay: '0.05',
          basis: 'Luật Quản lý thuế 2006, sửa đổi bởi Luật 106/2016/QH13 (0,05 %/ngày)',
        },
        {
          effectiveFrom: '2020-07-01',
          percentPerDay: '0.03',
          basis: 'Điều 59 Luật Quản lý thuế 38/2019/QH14 (0,03 %/ngày)',
        },
      ]),
    );
    // Chế độ báo cáo quý (issue 7): dated, with its basis; a later rule is a new row.
    count(
      'report_rules',
      await insertIgnore(em, ReportRule, [
        {
          kind: 'quarterly',
          effectiveFrom: '2020-01-01',
          dueBeforeDay: 20,
          basis:
            'Chế độ báo cáo định kỳ của UBND huyện: báo cáo kết quả thực hiện nhiệm vụ quý gửi trước ngày 20 của tháng cuối quý (đối chiếu văn bản của huyện)',
        },
      ]),
    );
    // Complaint deadlines (procedure.md §12): dated, with their basis; the rule in force when a level starts governs it.
    count('complaint_rules', await insertIgnore(em, ComplaintRuleRow, COMPLAINT_RULES));
    // Regime definitions ship with the code: a release may refine them, so they are refreshed on every seed.
    for (const r of REGIMES)
      await em
        .getRepository(Regime)
        .update({ code: r.code }, { caseMachine: r.caseMachine, planMachine: r.planMachine, bases: r.bases });
    count(
      'land_types',
      await insertIgnore(
        em,
        LandType,
        LAND_TYPES.map((t) => ({ ...t, codeTable: LAND_TYPE_TABLE })),
      ),
    );

    for (const p of PROJECTS) {
      let project = await em.getRepository(Project).findOneBy({ code: p.code });
      if (!project) {
        project = await em.getRepository(Project).save(
          em.getRepository(Project).create({
            code: p.code,
            name: p.name,
            description: p.description,
            investorAgencyId: agencies.get(p.investor)!.id,
            recoveryGround: p.recoveryGround,
            legalBasis: p.legalBasis,
            regimeCode: p.regime,
            areaToRecover: null,
            communes: p.communes.map((c) => units.get(c)!),
          }),
        );
        count('projects', 1);
        count(
          'milestones',
          await insertIgnore(
            em,
            Milestone,
            p.milestones.map((m) => ({ ...m, projectId: project!.id })),
          ),
        );
      }
    }

    // The sample price book, active so that draft plans can be priced; labelled sample everywhere it is used.
    // Demo installations only: production prices come from the province's real decisions.
    if (options.demoUsers) {
      const sampleFindings = validatePriceBook(SAMPLE_PRICE_BOOK.content);
      if (sampleFindings.length)
        throw new Error(`sample price book invalid: ${JSON.stringify(sampleFindings.slice(0, 3))}`);
      count(
        'price_books',
        await insertIgnore(em, PriceBook, [
          { ...SAMPLE_PRICE_BOOK, effectiveTo: null, communeCodes: [], status: 'active', activatedAt: new Date() },
        ]),
      );
    }

    if (options.demoUsers) {
      const existing = new Set(
        (await em.getRepository(User).findBy({ username: In(DEMO_USERS.map((u) => u.username)) })).map(
          (u) => u.username,
        ),
      );
      const hash = await hashPassword(DEMO_PASSWORD);
      const fresh = DEMO_USERS.filter((u) => !existing.has(u.username)).map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        passwordHash: hash,
        active: true,
        agencyId: u.agency ? agencies.get(u.agency)!.id : null,
        communeIds: u.communes.map((c) => units.get(c)!.id),
      }));
      count('users', await insertIgnore(em, User, fresh));
    }
    return inserted;
  });
  if (options.syntheticCases) {
    // Obviously fictitious households so that a fresh installation shows realistic work (issue: seeds).
    const made = await seedSyntheticCases(ds, { perProject: SYNTHETIC_CASES });
    Object.assign(inserted, {
      cases: made.cases,
      parcels: made.parcels,
      inventories: made.inventories,
      inventory_items: made.items,
    });
  }
  return inserted;
}

/** INSERT … ON CONFLICT DO NOTHING: existing rows (same natural key) stay untouched. */
async function insertIgnore<T extends object>(
  em: EntityManager,
  entity: new () => T,
  rows: Partial<T>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await em
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows as never)
    .orIgnore()
    .returning('*')
    .execute();
  return (result.raw as unknown[]).length;
}
