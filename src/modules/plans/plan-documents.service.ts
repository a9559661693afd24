import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { PermanentJobError } from '../../core/queue/job-catalogue.js';
import { formatVnDate } from '../../shared/dates.js';
import { trimDecimal } from '../../shared/decimal.js';
import { amountInWords, formatArea, formatDong } from '../../shared/vn-words.js';
import { CasesService } from '../cases/cases.service.js';
import { type AppendixColumn, appendixColumn } from '../compensation/domain/category-groups.js';
import type { DocumentRecord } from '../documents/document.entity.js';
import { type DocumentContent, DocumentsService } from '../documents/documents.service.js';
import { ParcelsService } from '../parcels/parcels.service.js';
import { PricingService } from '../pricing/pricing.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ReferenceService } from '../reference/reference.service.js';
import { PlanCase } from './plan-case.entity.js';
import { Plan } from './plan.entity.js';
import { PlansRepository } from './plans.repository.js';

interface PlanHeading {
  plan: Plan;
  project: { name: string; communeIds: string[] };
  book: { name: string; decisionNumber: string; decisionDate: string; issuer: string } | null;
  district: string;
}

/**
 * The plan's decisions (procedure.md §10.2, §10.3): the QĐ phê duyệt phương án with its appendix (one row per
 * household) and each household's QĐ thu hồi đất. Plans supplies their content; documents numbers, renders, stores.
 * Documents that belong to a plan are seen by whoever sees the plan's project.
 */
@Injectable()
export class PlanDocumentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PlansRepository,
    private readonly documents: DocumentsService,
    private readonly cases: CasesService,
    private readonly parcels: ParcelsService,
    private readonly projects: ProjectsService,
    private readonly pricing: PricingService,
    private readonly reference: ReferenceService,
  ) {}

  onModuleInit(): void {
    this.documents.registerSource('plan_approval', (doc) => this.approval(doc));
    this.documents.registerSource('recovery_decision', (doc) => this.recoveryDecision(doc));
    this.documents.registerSubject('plan', async (planId) => {
      const plan = await this.db.getRepository(Plan).findOne({ where: { id: planId }, select: { projectId: true } });
      if (!plan) return null;
      const project = await this.projects.ref(plan.projectId);
      return { investorAgencyId: project.investorAgencyId, communeIds: project.communeIds };
    });
  }

  /**
   * The heading of the decisions of one issue (same plan, same record version: an approved plan no longer changes),
   * read once for the thousand recovery decisions a worker renders from it, not once per decision.
   */
  private readonly headings = new Map<string, { at: number; heading: Promise<PlanHeading> }>();
  private heading(doc: DocumentRecord): Promise<PlanHeading> {
    const key = `${doc.planId}:${doc.recordVersion}`;
    const now = Date.now();
    const hit = this.headings.get(key);
    if (hit && now - hit.at < 10 * 60_000) return hit.heading;
    if (this.headings.size > 50) this.headings.clear();
    const heading = this.readHeading(doc);
    heading.catch(() => this.headings.delete(key));
    this.headings.set(key, { at: now, heading });
    return heading;
  }

  /** What both decisions state of the plan: district, project, the plan and its approval, the price book. */
  private async readHeading(doc: DocumentRecord): Promise<PlanHeading> {
    const plan = doc.planId ? await this.db.getRepository(Plan).findOneBy({ id: doc.planId }) : null;
    if (!plan) throw new PermanentJobError(`plan ${doc.planId} not found`);
    const project = await this.projects.ref(plan.projectId);
    const book = await this.pricing.citation(plan.priceBookId);
    const district = project.communeIds.length ? await this.reference.districtName(project.communeIds[0]) : '';
    return { plan, project, book, district };
  }

  private base(h: PlanHeading, area: string) {
    return {
      district: { name: h.district },
      project: { name: h.project.name },
      plan: {
        name: h.plan.name,
        approvalNumber: h.plan.approvalNumber,
        approvedOn: h.plan.approvedOn ? formatVnDate(h.plan.approvedOn) : '',
        caseCount: h.plan.caseCount,
        area: formatArea(trimDecimal(area)),
      },
      // The book is cited as the decision that issued it: number, date, issuer (issue 18 §13).
      priceBook: {
        name: h.book?.name,
        decision: h.book?.decisionNumber,
        date: h.book ? formatVnDate(h.book.decisionDate) : '',
        issuer: h.book?.issuer,
      },
    };
  }

  /** QĐ thu hồi đất of one household: its parcels and the amount the plan approved for it. */
  private async recoveryDecision(doc: DocumentRecord): Promise<DocumentContent> {
    const h = await this.heading(doc);
    const c = await this.cases.heading(doc.entityId);
    const row = await this.db.getRepository(PlanCase).findOneBy({ planId: h.plan.id, caseId: doc.entityId });
    if (!row) throw new PermanentJobError(`case ${doc.entityId} is not in plan ${h.plan.id}`);
    const parcels = await this.parcels.ofCase(doc.entityId);
    const area = parcels.reduce((sum, p) => sum.plus(p.recoveredArea), new Decimal(0));
    return {
      data: {
        ...this.base(h, '0'),
        holder: { name: c.name, address: c.address || `${c.communeKind} ${c.commune}` },
        commune: { name: c.commune, kind: c.communeKind },
        notice: c.notice,
        area: formatArea(area.toFixed()),
        parcels: parcels
          .map(
            (p) =>
              `thửa đất số ${p.parcelNumber}, tờ bản đồ số ${p.mapSheet}, loại đất ${p.landTypeCode}, diện tích thu hồi ${formatArea(trimDecimal(p.recoveredArea))} m²`,
          )
          .join('; '),
        money: { net: formatDong(row.net), words: amountInWords(row.net) },
      },
    };
  }

  /** QĐ phê duyệt phương án: the plan's total, and the appendix of its households (land, assets, support, deductions). */
  private async approval(doc: DocumentRecord): Promise<DocumentContent> {
    const h = await this.heading(doc);
    const members = await this.db.getRepository(PlanCase).find({
      where: { planId: h.plan.id },
      select: { caseId: true, net: true, recoveryNumber: true },
    });
    const byCase = new Map(members.map((m) => [m.caseId, m]));
    const holders = await this.cases.holders(members.map((m) => m.caseId));
    const areas = await this.parcels.recoveredAreas(members.map((m) => m.caseId));
    const columns = new Map<string, Record<AppendixColumn, Decimal>>();
    for (const t of await this.repo.categoryTotals(h.plan.id)) {
      const column = appendixColumn(t.category);
      if (!column) continue;
      const sums = columns.get(t.caseId) ?? {
        land: new Decimal(0),
        assets: new Decimal(0),
        support: new Decimal(0),
        deduction: new Decimal(0),
        rounding: new Decimal(0),
      };
      sums[column] = sums[column].plus(t.amount);
      columns.set(t.caseId, sums);
    }
    const total = [...areas.values()].reduce((sum, a) => sum.plus(a), new Decimal(0)).toFixed();
    // Whole đồng, without sign (a deduction is shown as the amount deducted).
    const money = (d: Decimal | undefined) => formatDong((d ?? new Decimal(0)).abs().trunc().toFixed());
    return {
      data: { ...this.base(h, total), money: { net: formatDong(h.plan.net), words: amountInWords(h.plan.net) } },
      rows: holders.map((c, i) => {
        const sums = columns.get(c.caseId);
        return [
          String(i + 1),
          c.name,
          c.commune,
          formatArea(trimDecimal(areas.get(c.caseId) ?? '0')),
          money(sums?.land),
          money(sums?.assets),
          money(sums?.support),
          money(sums?.deduction),
          money(sums?.rounding),
          formatDong(byCase.get(c.caseId)!.net),
          byCase.get(c.caseId)!.recoveryNumber ?? '',
        ];
      }),
      // Every money column totalled, so the appendix is checked as a văn thư would: the columns add up to the net.
      totals: [
        '',
        'Tổng cộng',
        '',
        formatArea(trimDecimal(total)),
        ...(['land', 'assets', 'support', 'deduction', 'rounding'] as const).map((k) =>
          money([...columns.values()].reduce((s, c) => s.plus(c[k]), new Decimal(0))),
        ),
        formatDong(h.plan.net),
        '',
      ],
    };
  }
}
