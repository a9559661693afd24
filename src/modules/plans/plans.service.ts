import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import { createHash } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { trimDecimal } from '../../shared/decimal.js';
import {
  calculateCase,
  CATEGORY_LABELS,
  type CaseInput,
  type CaseResult,
  type ItemInput,
  type LineCategory,
  type RuleBases,
} from '../compensation/domain/calculator.js';
import { CasesService } from '../cases/cases.service.js';
import { InventoryService } from '../inventory/inventory.service.js';
import { ParcelsService } from '../parcels/parcels.service.js';
import type { PriceBook } from '../pricing/price-book.entity.js';
import { PricingService } from '../pricing/pricing.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { checkPlan, type PlanFinding } from './domain/plan-checks.js';
import type { PlanPricing } from '../regimes/domain/plan-machine.js';
import {
  CaseChangeDto,
  CasePlanLinesDto,
  PlanLineDto,
  CreatePlanDto,
  SupplementDto,
  LinePageDto,
  LineQueryDto,
  PlanCaseDto,
  PlanDto,
  RecomputeDto,
  RecomputeResultDto,
  ItemPreviewDto,
  ItemPreviewRequestDto,
} from './dto/plan.dto.js';
import { PlanLineCorrection } from './plan-line-correction.entity.js';
import { PlanLine } from './plan-line.entity.js';
import { Plan } from './plan.entity.js';
import { RegimesService } from '../regimes/regimes.service.js';
import { type ApprovedFigure, type PlanLineRef, type PlanRef, PlansRepository } from './plans.repository.js';

export type { ApprovedFigure, PlanLineRef, PlanRef };

/** Case states that have a signed inventory and can be priced (procedure.md §6.1: SURVEYED onwards). */
const PRICEABLE_STATES = ['SURVEYED', 'ORIGIN_CONFIRMED'];
/** An adjusted plan corrects the money of approved cases, whatever step they have reached since (§6.3). */
const ADJUSTABLE_STATES = [
  'APPROVED',
  'DECISION_SERVED',
  'PAYMENT_NOTIFIED',
  'PAYMENT_REFUSED',
  'PERSUADING_PAYMENT',
  'PAID',
  'DEPOSITED',
  'HANDOVER_REFUSED',
  'PERSUADING_HANDOVER',
  'ENFORCEMENT_ORDERED',
  'ENFORCED',
  'HANDED_OVER',
];
const COMPUTE_CHUNK = 500;

/** What a computation keeps of each case besides the calculator's input. */
interface CaseMeta {
  caseId: string;
  communeId: string;
  communeName: string;
  fullName: string;
  state: string;
  noticeDeliveredOn: string | null;
}

/**
 * A supplementary or adjusted plan hangs off an approved plan (procedure.md §6.3); while the parent is a draft, the
 * change is made on the draft itself.
 */
function assertApprovedParent(parent: Plan, kind: 'supplement' | 'adjustment'): void {
  if (['APPROVED', 'PUBLISHED'].includes(parent.status)) return;
  throw new AppError(
    'conflict',
    'PLAN.PARENT_NOT_APPROVED',
    kind === 'supplement'
      ? `Phương án ${parent.code} chưa được phê duyệt: bổ sung trực tiếp vào dự thảo.`
      : `Phương án ${parent.code} chưa được phê duyệt: sửa trực tiếp trên dự thảo.`,
    { status: parent.status },
  );
}

@Injectable()
export class PlansService implements OnModuleInit {
  constructor(
    private readonly repo: PlansRepository,
    private readonly projects: ProjectsService,
    private readonly pricing: PricingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly casesService: CasesService,
    private readonly parcels: ParcelsService,
    private readonly inventory: InventoryService,
    private readonly regimes: RegimesService,
  ) {}

  /** A case's priced data is frozen once a plan holding it has left draft: cases asks plans through this guard. */
  onModuleInit(): void {
    this.casesService.registerPricingGuard((caseId, em) => this.repo.planPastDraft(caseId, em));
  }

  /** The case's approved figure in force (its latest approved plan), or null: payments, handover and documents use it. */
  latestApproved(caseId: string): Promise<ApprovedFigure | null> {
    return this.repo.latestApproved(caseId);
  }

  /** The day of the case's recovery decision (its first approved plan), or null. */
  recoveryDecidedOn(caseId: string): Promise<string | null> {
    return this.repo.firstApprovedOn(caseId);
  }

  /** The case's recovery decision (QĐ thu hồi đất, issued once with the first approval that decided it), or null. */
  recoveryDecision(caseId: string): Promise<{ number: string; decidedOn: string } | null> {
    return this.repo.recoveryDecision(caseId);
  }

  /** A plan's compensation and support for a case (deductions and rounding excluded), in đồng. */
  compensationAndSupport(planId: string, caseId: string): Promise<string> {
    return this.repo.compensationAndSupport(planId, caseId);
  }

  /** A plan's code, status, approval day and project, or null (no access check: the caller has its own). */
  /** Each case of a plan with its net in that plan (đồng, as text), in no particular order. */
  caseNets(planId: string): Promise<{ caseId: string; net: string }[]> {
    return this.repo.caseNets(planId);
  }

  findRef(planId: string): Promise<PlanRef | null> {
    return this.repo.findRef(planId);
  }

  /** A computed line with its plan's project and code, or null (no access check: the caller has its own). */
  findLine(lineId: string): Promise<PlanLineRef | null> {
    return this.repo.findLine(lineId);
  }

  /**
   * How many lines of the line's plan and case share its category, item and source: a correction finds its line by
   * those, so more than one means it cannot name the line.
   */
  sameItemLineCount(
    line: Pick<PlanLineRef, 'planId' | 'caseId' | 'category' | 'itemCode' | 'sourceId'>,
  ): Promise<number> {
    return this.repo.sameItemLineCount(line);
  }

  /** A draft plan over a batch, a commune or listed cases: every line computed, checked and stored in one go. */
  async create(user: AuthUser, projectId: string, dto: CreatePlanDto): Promise<PlanDto> {
    return this.createPlan(user, projectId, dto, 'original', null);
  }

  /**
   * Phương án bổ sung: households, parcels or items missed by an approved plan, in a plan of their own linked to it,
   * going through the same steps (procedure.md §6.3). Same price book and valuation date as the parent unless given.
   */
  async createSupplement(user: AuthUser, parentId: string, dto: SupplementDto): Promise<PlanDto> {
    const parent = await this.load(parentId);
    assertApprovedParent(parent, 'supplement');
    return this.createPlan(
      user,
      parent.projectId,
      {
        name: dto.name,
        priceBookId: dto.priceBookId ?? parent.priceBookId,
        valuationDate: dto.valuationDate ?? parent.valuationDate,
        caseIds: dto.caseIds,
      },
      'supplement',
      parent.id,
    );
  }

  /**
   * Phương án điều chỉnh: corrects cases of an approved plan (areas, land types, errors). The cases are re-priced in a
   * new plan linked to the parent, editable while it is a draft, and go through the same steps (procedure.md §6.3).
   */
  async createAdjustment(user: AuthUser, parentId: string, dto: SupplementDto): Promise<PlanDto> {
    const parent = await this.load(parentId);
    assertApprovedParent(parent, 'adjustment');
    const members = await this.repo.caseIdsOf(parentId);
    const caseIds = dto.caseIds ?? [];
    const outside = caseIds.filter((c) => !members.includes(c));
    if (caseIds.length === 0 || outside.length) {
      throw new AppError(
        'validation',
        'PLAN.ADJUSTMENT_CASES',
        'Phương án điều chỉnh phải nêu các hồ sơ thuộc phương án gốc cần điều chỉnh.',
        { outside },
      );
    }
    return this.createPlan(
      user,
      parent.projectId,
      {
        name: dto.name,
        priceBookId: dto.priceBookId ?? parent.priceBookId,
        valuationDate: dto.valuationDate ?? parent.valuationDate,
        caseIds,
      },
      'adjustment',
      parent.id,
    );
  }

  /**
   * The loop of a complaint upheld on a plan line (procedure.md §12, §6.3): inside the caller's transaction, a draft
   * adjusted plan for the case, linked to the approved plan, with the disputed line as the decision set it (kept by
   * every recompute). Returns the new plan's id.
   */
  async openCorrectionPlan(
    em: EntityManager,
    user: AuthUser,
    parentId: string,
    caseId: string,
    correction: Omit<PlanLineCorrection, 'id' | 'planId' | 'caseId' | 'createdAt' | 'plan'>,
    name: string,
  ): Promise<string> {
    const parent = await em.getRepository(Plan).findOneBy({ id: parentId });
    if (!parent) throw notFound('plan', parentId, 'phương án');
    assertApprovedParent(parent, 'adjustment');
    return this.createPlanIn(
      em,
      user,
      parent.projectId,
      { name, priceBookId: parent.priceBookId, valuationDate: parent.valuationDate, caseIds: [caseId] },
      'adjustment',
      parent.id,
      [{ ...correction, caseId }],
    );
  }

  private async createPlan(
    user: AuthUser,
    projectId: string,
    dto: CreatePlanDto,
    kind: 'original' | 'supplement' | 'adjustment',
    parentPlanId: string | null,
  ): Promise<PlanDto> {
    const id = await this.repo.transaction((em) => this.createPlanIn(em, user, projectId, dto, kind, parentPlanId, []));
    return this.get(user, id);
  }

  private async createPlanIn(
    em: EntityManager,
    user: AuthUser,
    projectId: string,
    dto: CreatePlanDto,
    kind: 'original' | 'supplement' | 'adjustment',
    parentPlanId: string | null,
    corrections: Omit<PlanLineCorrection, 'id' | 'planId' | 'createdAt' | 'plan'>[],
  ): Promise<string> {
    await this.projects.assertVisible(user, projectId);
    const book = await this.pricing.activeBook(dto.priceBookId);
    // One plan at a time per project picks its cases.
    await this.repo.lockProjectCases(em, projectId);
    const scoped = await this.casesService.inScope(em, projectId, {
      batch: dto.batch ?? null,
      communeId: dto.communeId ?? null,
      caseIds: dto.caseIds ?? null,
    });
    // A case belongs to one plan at a time; an adjustment takes cases of its approved parent, once.
    const inPlan = await this.repo.casesInPlan(
      em,
      scoped.map((r) => r.id),
      kind === 'adjustment' && parentPlanId !== null,
    );
    const rows = scoped.map((r) => ({ id: r.id, state: r.state, inPlan: inPlan.has(r.id) }));
    const states = kind === 'adjustment' ? [...PRICEABLE_STATES, ...ADJUSTABLE_STATES] : PRICEABLE_STATES;
    const caseIds = rows.filter((r) => states.includes(r.state) && !r.inPlan).map((r) => r.id);
    if (dto.caseIds) {
      const refused = rows.filter((r) => !caseIds.includes(r.id));
      const unknown = dto.caseIds.filter((cid) => !rows.some((r) => r.id === cid));
      if (refused.length || unknown.length) {
        throw new AppError(
          'conflict',
          'PLAN.CASES_NOT_PRICEABLE',
          'Có hồ sơ chưa ký biên bản kiểm đếm, đã thuộc phương án khác hoặc không thuộc dự án.',
          {
            notPriceable: refused.map((r) => ({ caseId: r.id, state: r.state, inPlan: r.inPlan })),
            unknown,
          },
        );
      }
    }
    if (caseIds.length === 0) {
      throw new AppError(
        'validation',
        'PLAN.NO_CASES',
        'Không có hồ sơ nào đã kiểm đếm và chưa thuộc phương án để lập phương án.',
        {},
      );
    }
    const n = await this.repo.countPlans(em, projectId);
    const plan = await em.getRepository(Plan).save(
      em.getRepository(Plan).create({
        projectId,
        code: `PA-${String(n + 1).padStart(2, '0')}`,
        name: dto.name,
        kind,
        parentPlanId,
        status: 'DRAFT',
        priceBookId: book.id,
        priceBookVersion: book.version,
        valuationDate: dto.valuationDate,
        batch: dto.batch ?? null,
        communeId: dto.communeId ?? null,
        computedAt: null,
        findings: [],
        categoryTotals: {},
      }),
    );
    if (corrections.length) {
      await em.getRepository(PlanLineCorrection).insert(corrections.map((c) => ({ ...c, planId: plan.id })));
    }
    await this.compute(em, plan, book, caseIds, new Set());
    await this.audit.record(em, user, {
      action: 'create',
      entityType: 'plan',
      entityId: plan.id,
      changes: [
        { field: 'code', from: null, to: plan.code },
        ...(parentPlanId ? [{ field: 'parentPlanId', from: null, to: parentPlanId }] : []),
        { field: 'priceBook', from: null, to: `${book.code} v${book.version}` },
        { field: 'caseCount', from: null, to: caseIds.length },
        ...corrections.map((c) => ({
          field: `correction:${c.category}:${c.itemCode}`,
          from: null,
          to: `${c.quantity ?? ''} × ${c.unitPrice ?? ''} (${c.basis})`,
        })),
      ],
    });
    return plan.id;
  }

  /** While a draft: recompute after an inventory or price change, and say what changed per case. */
  async recompute(user: AuthUser, planId: string, dto: RecomputeDto): Promise<RecomputeResultDto> {
    const current = await this.load(planId);
    await this.projects.assertVisible(user, current.projectId);
    const changes = await this.repo.transaction(async (em) => {
      const plan = await em.getRepository(Plan).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw notFound('plan', planId, 'phương án');
      if (plan.status !== 'DRAFT') {
        throw new AppError(
          'conflict',
          'PLAN.NOT_DRAFT',
          `Phương án ${plan.code} không còn là dự thảo: số liệu đã chốt, điều chỉnh bằng phương án bổ sung hoặc điều chỉnh.`,
          { status: plan.status },
        );
      }
      if (plan.version !== dto.version) throw staleVersion('plan', dto.version, plan.version);
      // Re-priced at another date or with another book (a plan sent back to be priced at its decision, issue 18 §10):
      // every case is computed again.
      const repriced: { field: string; from: string; to: string }[] = [];
      if (dto.valuationDate && dto.valuationDate !== plan.valuationDate) {
        repriced.push({ field: 'valuationDate', from: plan.valuationDate, to: dto.valuationDate });
        plan.valuationDate = dto.valuationDate;
      }
      const book = await this.pricing.activeBook(dto.priceBookId ?? plan.priceBookId, em);
      if (book.id !== plan.priceBookId || book.version !== plan.priceBookVersion) {
        repriced.push({
          field: 'priceBook',
          from: `${(await this.pricing.bookRef(plan.priceBookId, em))?.code ?? ''} v${plan.priceBookVersion}`,
          to: `${book.code} v${book.version}`,
        });
        plan.priceBookId = book.id;
        plan.priceBookVersion = book.version;
      }
      const existing = await this.repo.caseNets(planId, em);
      const all = existing.map((c) => c.caseId);
      const only = new Set(dto.caseIds && !repriced.length ? all.filter((c) => dto.caseIds!.includes(c)) : all);
      const netBefore = new Map(existing.map((c) => [c.caseId, c.net]));
      const keep = new Set(all.filter((c) => !only.has(c)));
      const diffs: CaseChangeDto[] = [];
      await this.compute(em, plan, book, all, keep, (computed, oldLines) => {
        for (const { result, name } of computed) {
          const d = diffCase(name, result, netBefore.get(result.caseId) ?? null, oldLines.get(result.caseId) ?? []);
          if (d) diffs.push(d);
        }
      });
      await this.audit.record(em, user, {
        action: 'update',
        entityType: 'plan',
        entityId: planId,
        changes: [...repriced, { field: 'recomputed', from: null, to: only.size }],
      });
      return diffs;
    });
    return { plan: await this.get(user, planId), changes };
  }

  /** A project's plans as lists name them (code, name, status), without their figures: the inbox walks them. */
  async summaries(
    user: AuthUser,
    projectId: string,
  ): Promise<{ id: string; code: string; name: string; status: string }[]> {
    await this.projects.assertVisible(user, projectId);
    return (await this.repo.findByProject(projectId)).map(({ id, code, name, status }) => ({ id, code, name, status }));
  }

  async list(user: AuthUser, projectId: string): Promise<PlanDto[]> {
    await this.projects.assertVisible(user, projectId);
    const plans = await this.repo.findByProject(projectId);
    return Promise.all(plans.map((p) => this.toDto(p)));
  }

  /** Throws 404 for an unknown plan and AUTH.OUT_OF_SCOPE unless the user may see the plan's project. */
  async assertVisible(user: AuthUser, planId: string): Promise<PlanRef> {
    const plan = await this.repo.findRef(planId);
    if (!plan) throw notFound('plan', planId, 'phương án');
    await this.projects.assertVisible(user, plan.projectId);
    return plan;
  }

  async get(user: AuthUser, planId: string): Promise<PlanDto> {
    const plan = await this.load(planId);
    await this.projects.assertVisible(user, plan.projectId);
    return this.toDto(plan);
  }

  async cases(user: AuthUser, planId: string): Promise<PlanCaseDto[]> {
    const plan = await this.load(planId);
    await this.projects.assertVisible(user, plan.projectId);
    // The plan's households in name order, with their totals.
    const figures = new Map((await this.repo.caseFigures(planId)).map((f) => [f.caseId, f]));
    const holders = await this.casesService.holders([...figures.keys()]);
    return holders.map((h) => {
      const f = figures.get(h.caseId)!;
      return {
        caseId: h.caseId,
        fullName: h.name,
        communeName: h.commune,
        gross: trimDecimal(f.gross),
        net: f.net,
        debt: f.debt,
        missingBasis: f.missingBasis,
        lineCount: f.lineCount,
        opinion: f.opinion as PlanCaseDto['opinion'],
        dialogueHeld: f.dialogueHeld,
      };
    });
  }

  async lines(user: AuthUser, planId: string, q: LineQueryDto): Promise<LinePageDto> {
    const plan = await this.load(planId);
    await this.projects.assertVisible(user, plan.projectId);
    const [rows, total] = await this.repo.linePage(planId, q, q.page ?? 1, q.pageSize ?? 200);
    return { total, items: rows.map(mapLine) };
  }

  /** The plans holding a case (newest first), each with the case's figure and lines with their legal basis. */
  async caseLines(user: AuthUser, caseId: string): Promise<CasePlanLinesDto[]> {
    const { project } = await this.casesService.access(user, caseId, 'read');
    const machine = await this.regimes.planMachine(project.regimeCode);
    const out: CasePlanLinesDto[] = [];
    for (const p of await this.repo.plansOfCase(caseId)) {
      const [rows] = await this.repo.linePage(p.planId, { caseId }, 1, 1000);
      out.push({ ...p, statusLabel: machine.states[p.status]?.label ?? p.status, lines: rows.map(mapLine) });
    }
    return out;
  }

  /** Plan, lines per case, its cases' totals: for the export and later for the documents. */
  async loadForExport(user: AuthUser, planId: string) {
    const plan = await this.get(user, planId);
    const cases = await this.cases(user, planId);
    const lines = await this.repo.linesOf(planId);
    return { plan, cases, lines };
  }

  /**
   * Computes the given cases and stores lines, case totals, plan totals and findings. Cases in `keep` are not
   * recomputed (their stored lines stay). Returns what was computed.
   */
  private async compute(
    em: EntityManager,
    plan: Plan,
    book: PriceBook,
    caseIds: string[],
    keep: Set<string>,
    onChunk?: (computed: { result: CaseResult; name: string }[], oldLines: Map<string, PlanLine[]>) => void,
  ): Promise<void> {
    const todo = caseIds.filter((c) => !keep.has(c));
    const at = { valuationDate: plan.valuationDate, bases: await this.ruleBases(em, plan.projectId) };
    const totals = new Map(Object.entries(plan.categoryTotals ?? {}).map(([k, v]) => [k, new Decimal(v)]));
    const findings: PlanFinding[] = plan.findings.filter((f) => f.caseId !== null && keep.has(f.caseId));
    // In chunks, so a 5,000-case plan never holds all its inputs and lines in memory at once.
    for (let i = 0; i < todo.length; i += COMPUTE_CHUNK) {
      const chunk = todo.slice(i, i + COMPUTE_CHUNK);
      const oldLines = new Map<string, PlanLine[]>();
      for (const l of await em
        .getRepository(PlanLine)
        .find({ where: { planId: plan.id, caseId: In(chunk) }, order: { seq: 'ASC' } })) {
        (oldLines.get(l.caseId) ?? oldLines.set(l.caseId, []).get(l.caseId)!).push(l);
        // The old lines leave the category totals; the new ones come in below.
        if (l.amount !== null) totals.set(l.category, (totals.get(l.category) ?? new Decimal(0)).minus(l.amount));
      }
      await this.repo.deleteComputed(em, plan.id, chunk);
      // Fingerprinted before the inputs are read: a change in between shows as stale, never the other way round.
      const fingerprints = await this.repo.inputFingerprints(em, chunk);
      const { inputs, meta, afterNoticeItems } = await this.loadInputs(em, chunk);
      const corrections = await em
        .getRepository(PlanLineCorrection)
        .find({ where: { planId: plan.id, caseId: In(chunk) }, order: { createdAt: 'ASC' } });
      for (const input of inputs) {
        const own = corrections.filter((c) => c.caseId === input.caseId);
        if (own.length)
          input.corrections = own.map(
            ({ category, itemCode, sourceId, description, unit, quantity, unitPrice, basis }) => ({
              category,
              itemCode,
              sourceId,
              description,
              unit,
              quantity: quantity === null ? null : trimDecimal(quantity),
              unitPrice: unitPrice === null ? null : trimDecimal(unitPrice),
              basis,
            }),
          );
      }
      const computed = inputs.map((input) => ({
        input,
        result: calculateCase(input, book.content, at),
        name: meta.get(input.caseId)!.fullName,
      }));
      await this.repo.insertLines(
        em,
        plan.id,
        computed.map(({ result }) => ({ caseId: result.caseId, lines: result.lines })),
      );
      await this.repo.insertPlanCases(
        em,
        plan.id,
        computed.map(({ input, result }) => ({
          caseId: result.caseId,
          gross: result.gross,
          net: result.net,
          debt: result.debt,
          missingBasis: result.missingBasis,
          inputHash: inputHash(input, book, plan.valuationDate),
          lineCount: result.lines.length,
        })),
      );
      await this.repo.storeFingerprints(em, plan.id, fingerprints);
      for (const { result } of computed) {
        for (const l of result.lines)
          if (l.amount !== null) totals.set(l.category, (totals.get(l.category) ?? new Decimal(0)).plus(l.amount));
      }
      findings.push(...checkPlan(computed, afterNoticeItems));
      onChunk?.(computed, oldLines);
    }
    const sums = await this.repo.totals(em, plan.id);
    plan.findings = findings;
    plan.categoryTotals = Object.fromEntries([...totals].filter(([, v]) => !v.eq(0)).map(([k, v]) => [k, v.toFixed()]));
    Object.assign(plan, sums, { computedAt: this.clock.now() });
    await em.getRepository(Plan).save(plan);
  }

  /**
   * Everything the calculator needs for these cases, in three reads from their owners: the cases (in name order),
   * their parcels use by use, and the items of their current signed inventory.
   */
  private async loadInputs(
    em: EntityManager,
    caseIds: string[],
  ): Promise<{ inputs: CaseInput[]; meta: Map<string, CaseMeta>; afterNoticeItems: Map<string, string[]> }> {
    const cases = await this.casesService.pricingCases(em, caseIds);
    const parcels = await this.parcels.pricedParcels(caseIds, em);
    const items = await this.inventory.signedItems(caseIds, em);
    const byCase = <T extends { caseId: string }>(rows: T[]) => {
      const m = new Map<string, Omit<T, 'caseId'>[]>();
      for (const { caseId, ...rest } of rows) (m.get(caseId) ?? m.set(caseId, []).get(caseId)!).push(rest);
      return m;
    };
    const parcelsOf = byCase(parcels);
    const itemsOf = byCase(items);
    const meta = new Map<string, CaseMeta>();
    const afterNoticeItems = new Map<string, string[]>();
    const inputs = cases.map((c) => {
      meta.set(c.id, {
        caseId: c.id,
        communeId: c.communeId,
        communeName: c.communeName,
        fullName: c.fullName,
        state: c.state,
        noticeDeliveredOn: c.noticeDeliveredOn,
      });
      const its: ItemInput[] = itemsOf.get(c.id) ?? [];
      afterNoticeItems.set(
        c.id,
        its.filter((i) => i.afterNotice).map((i) => i.id),
      );
      return {
        caseId: c.id,
        kind: c.kind,
        members: c.members,
        directlyFarming: c.directlyFarming,
        communeCode: c.communeCode,
        parcels: parcelsOf.get(c.id) ?? [],
        items: its,
        facts: c.facts ?? {},
      };
    });
    return { inputs, meta, afterNoticeItems };
  }

  /**
   * Kiểm đếm (issue 16 §5): what the items as typed would price to for this household — its parcels, members and
   * facts as recorded — with the book in force for its commune on the valuation date (today unless given), by the
   * same calculator as the plan. Nothing is written; the plan's own figures come when it is computed.
   */
  async previewItems(user: AuthUser, caseId: string, dto: ItemPreviewRequestDto): Promise<ItemPreviewDto> {
    const { project } = await this.casesService.access(user, caseId, 'read');
    const valuationDate = dto.valuationDate ?? this.clock.today();
    return this.repo.transaction(async (em) => {
      const { inputs, meta } = await this.loadInputs(em, [caseId]);
      const input = inputs[0];
      const notice = meta.get(caseId)?.noticeDeliveredOn ?? null;
      const book = dto.priceBookId
        ? await this.pricing.activeBook(dto.priceBookId)
        : await this.pricing.bookInForce(input.communeCode, valuationDate);
      input.items = dto.items.map((it, i) => ({
        id: `row:${i + 1}`,
        kind: it.kind,
        itemCode: it.itemCode,
        description: it.description,
        quantity: it.quantity,
        unit: it.unit,
        attributes: it.attributes ?? {},
        afterNotice: !!(it.firstRecordedOn && notice && it.firstRecordedOn > notice),
      }));
      const at = { valuationDate, bases: await this.regimes.bases(project.regimeCode, em) };
      const lines = calculateCase(input, book.content, at).lines.filter((l) => l.sourceId?.startsWith('row:'));
      const priced = lines.filter((l) => l.amount !== null);
      return {
        priceBookCode: book.code,
        priceBookIsSample: book.isSample,
        valuationDate,
        lines: lines.map((l) => ({
          row: Number(l.sourceId!.slice(4)),
          category: l.category,
          categoryLabel: CATEGORY_LABELS[l.category] ?? l.category,
          description: l.description,
          quantity: l.quantity,
          unit: l.unit,
          unitPrice: l.unitPrice,
          amount: l.amount,
          missing: l.missing,
          basis: l.basis,
        })),
        total: priced
          .reduce((sum, l) => sum.plus(l.amount!), new Decimal(0))
          .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
          .toFixed(),
        missingCount: lines.length - priced.length,
      };
    });
  }

  /** The plan's net by commune, in commune name order. */
  private async netByCommune(
    planId: string,
  ): Promise<{ communeId: string; communeName: string; caseCount: number; net: string }[]> {
    const nets = await this.repo.caseNets(planId);
    return this.casesService.totalsByCommune(nets.map((c) => ({ caseId: c.caseId, amount: c.net })));
  }

  /**
   * A draft knows when what it was computed from has changed since (issue 18 §1): a signed inventory revision, a
   * parcel, the pricing facts, the household, the commune, the price book (a new version). Each case's inputs are
   * read again and hashed as at computation; a case whose hash differs makes a blocking "tính lại" finding, so the
   * draft cannot go forward at a stale figure. Recompute clears it and shows the difference case by case.
   */
  async inputsChanged(em: EntityManager, plan: Plan): Promise<PlanFinding | null> {
    if (plan.status !== 'DRAFT' || plan.caseCount === 0) return null;
    const version = await this.pricing.bookVersion(plan.priceBookId, em);
    const bookChanged = version !== plan.priceBookVersion;
    const rows = await this.repo.fingerprintCheck(em, plan.id);
    const changed = new Set(rows.filter((r) => !r.legacy).map((r) => r.caseId));
    // Cases computed before fingerprints were stored: their inputs are read and hashed as at computation.
    const legacy = rows.filter((r) => r.legacy);
    if (legacy.length) {
      const { inputs } = await this.loadInputs(
        em,
        legacy.map((r) => r.caseId),
      );
      const stored = new Map(legacy.map((r) => [r.caseId, r.inputHash]));
      const book = { id: plan.priceBookId, version: version ?? -1 };
      for (const i of inputs)
        if (inputHash(i, book, plan.valuationDate) !== stored.get(i.caseId)) changed.add(i.caseId);
    }
    if (!bookChanged && changed.size === 0) return null;
    const caseIds = bookChanged ? await this.repo.caseIdsOf(plan.id, em) : [...changed];
    const names = (await this.casesService.holders(caseIds.slice(0, 5))).map((h) => h.name);
    const more = caseIds.length > names.length ? ` và ${caseIds.length - names.length} hộ khác` : '';
    return {
      code: 'PLAN.INPUTS_CHANGED',
      severity: 'blocking',
      caseId: null,
      message: bookChanged
        ? `Bảng giá đã được sửa (phiên bản ${version ?? '—'}, phương án tính theo phiên bản ${plan.priceBookVersion}): phải tính lại phương án.`
        : `Số liệu đầu vào đã thay đổi sau lần tính gần nhất (${names.join(', ')}${more}): phải tính lại phương án.`,
      details: { caseIds, bookChanged },
    };
  }

  /**
   * What the rule "land is priced at the recovery decision" is checked against (issue 18 §10): the plan's book and
   * valuation date, its communes, the active books and when each applies, whether a structure was valued by its age;
   * for an adjusted plan, the day of its parent's recovery decisions.
   */
  async pricingFacts(em: EntityManager, plan: Plan): Promise<PlanPricing> {
    const parent =
      plan.kind === 'adjustment' && plan.parentPlanId
        ? await em.getRepository(Plan).findOne({ where: { id: plan.parentPlanId }, select: { approvedOn: true } })
        : null;
    return {
      valuationDate: plan.valuationDate,
      book: { id: plan.priceBookId, code: (await this.pricing.bookRef(plan.priceBookId, em))?.code ?? '' },
      decidedOn: parent?.approvedOn ?? null,
      communes: await this.casesService.communesOf(em, await this.repo.caseIdsOf(plan.id, em)),
      books: await this.pricing.activeBooks(em),
      agedStructures: await this.repo.hasAgedStructures(em, plan.id),
    };
  }

  /** The plan's stored findings, with "tính lại" when a draft's inputs have changed since it was computed. */
  async currentFindings(plan: Plan, em?: EntityManager): Promise<PlanFinding[]> {
    const stale = em
      ? await this.inputsChanged(em, plan)
      : await this.repo.transaction((tx) => this.inputsChanged(tx, plan));
    return stale ? [stale, ...plan.findings] : plan.findings;
  }

  private async toDto(plan: Plan): Promise<PlanDto> {
    const book = await this.pricing.bookRef(plan.priceBookId);
    const byCategory = Object.entries(plan.categoryTotals ?? {}).map(([category, amount]) => ({ category, amount }));
    const byCommune = await this.netByCommune(plan.id);
    // The plan's family: the original and its supplementary and adjusted plans, with cumulative approved totals.
    const rootId = plan.parentPlanId ?? plan.id;
    const family = await this.repo.family(rootId);
    const cumulative = { net: await this.repo.familyApprovedNet(rootId) };
    const order = Object.keys(CATEGORY_LABELS);
    const machine = await this.regimes.planMachine((await this.projects.ref(plan.projectId)).regimeCode);
    const findings = await this.currentFindings(plan);
    return {
      id: plan.id,
      projectId: plan.projectId,
      code: plan.code,
      name: plan.name,
      kind: plan.kind,
      status: plan.status,
      statusLabel: machine.states[plan.status]?.label ?? plan.status,
      priceBookId: plan.priceBookId,
      priceBookCode: book?.code ?? '',
      priceBookVersion: plan.priceBookVersion,
      priceBookIsSample: !!book?.isSample,
      parentPlanId: plan.parentPlanId,
      postedOn: plan.postedOn,
      approvedOn: plan.approvedOn,
      approvalNumber: plan.approvalNumber,
      appraisal: plan.appraisal,
      returnComments: plan.returnComments,
      family,
      cumulativeApprovedNet: cumulative.net,
      valuationDate: plan.valuationDate,
      batch: plan.batch,
      communeId: plan.communeId,
      caseCount: plan.caseCount,
      gross: trimDecimal(plan.gross),
      net: plan.net,
      debt: plan.debt,
      missingBasisCount: plan.missingBasisCount,
      totalsByCategory: byCategory
        .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))
        .map((r) => ({
          category: r.category,
          label: CATEGORY_LABELS[r.category as LineCategory] ?? r.category,
          amount: trimDecimal(r.amount),
        })),
      totalsByCommune: byCommune,
      findings,
      canLeaveDraft: plan.status === 'DRAFT' && plan.caseCount > 0 && !findings.some((f) => f.severity === 'blocking'),
      computedAt: plan.computedAt ? plan.computedAt.toISOString() : null,
      version: plan.version,
    };
  }

  /** The legal basis of the calculator's rules under the project's regime (a 2013-law plan cites NĐ 47/2014). */
  private async ruleBases(em: EntityManager, projectId: string): Promise<RuleBases> {
    return this.regimes.bases((await this.projects.ref(projectId, em)).regimeCode, em);
  }

  private async load(planId: string): Promise<Plan> {
    const plan = await this.repo.findPlan(planId);
    if (!plan) throw notFound('plan', planId, 'phương án');
    return plan;
  }
}

function inputHash(input: CaseInput, book: Pick<PriceBook, 'id' | 'version'>, valuationDate: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ input, book: `${book.id}:${book.version}`, valuationDate }))
    .digest('hex');
}

/** What changed for one case between two computations (null when nothing did). */
function diffCase(
  name: string,
  after: CaseResult,
  netBefore: string | null,
  oldLines: PlanLine[],
): CaseChangeDto | null {
  // Lines are matched by category, item code and occurrence (item ids change with a corrected inventory).
  const keyed = <T extends { category: string; itemCode: string }>(lines: T[]) => {
    const seen = new Map<string, number>();
    return lines.map((l) => {
      const k = `${l.category}|${l.itemCode}`;
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      return [`${k}|${n}`, l] as const;
    });
  };
  const oldBy = new Map(
    keyed(oldLines).map(([k, l]) => [k, l.amount === null ? null : new Decimal(l.amount).toFixed()]),
  );
  const newBy = new Map(keyed(after.lines).map(([k, l]) => [k, l.amount]));
  const added = [...newBy.keys()].filter((k) => !oldBy.has(k));
  const removed = [...oldBy.keys()].filter((k) => !newBy.has(k));
  const changed = [...newBy.keys()].filter((k) => oldBy.has(k) && oldBy.get(k) !== newBy.get(k));
  if (netBefore === after.net && !added.length && !removed.length && !changed.length) return null;
  const label = (k: string) => k.split('|').slice(0, 2).join(' ');
  return {
    caseId: after.caseId,
    fullName: name,
    netBefore,
    netAfter: after.net,
    added: added.map(label),
    removed: removed.map(label),
    changed: changed.map(label),
  };
}

function mapLine(l: PlanLine): PlanLineDto {
  return {
    id: l.id,
    caseId: l.caseId,
    seq: l.seq,
    category: l.category,
    categoryLabel: CATEGORY_LABELS[l.category as LineCategory] ?? l.category,
    itemCode: l.itemCode,
    description: l.description,
    quantity: trimDecimal(l.quantity),
    unit: l.unit,
    unitPrice: l.unitPrice === null ? null : trimDecimal(l.unitPrice),
    amount: l.amount === null ? null : trimDecimal(l.amount),
    status: l.status,
    missing: l.missing,
    inputs: l.inputs,
    basis: l.basis,
    sourceId: l.sourceId,
  };
}
