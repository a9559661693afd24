import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { formatVnDate } from '../../shared/dates.js';
import { CasesService } from '../cases/cases.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { NumberingService } from '../numbering/numbering.service.js';
import { ParcelsService } from '../parcels/parcels.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import {
  decidePlanAction,
  type PlanFacts,
  type PlanMachineDef,
  planNextSteps,
} from '../regimes/domain/plan-machine.js';
import { ReferenceService } from '../reference/reference.service.js';
import { SignerChoiceDto } from '../reference/dto/reference.dto.js';
import { RegimesService } from '../regimes/regimes.service.js';
import { PlanNextStepDto, PlanTransitionDto, TransitionRequestDto } from './dto/workflow.dto.js';
import { PlanCase } from './plan-case.entity.js';
import { PlanTransition } from './plan-transition.entity.js';
import { Plan } from './plan.entity.js';
import { PlansRepository } from './plans.repository.js';
import { PlansService } from './plans.service.js';
import { CalendarService } from '../calendar/calendar.service.js';

/**
 * Carries a plan through the regime's steps (procedure.md §4, §6.2): every action role-checked, dated, audited and
 * refused with a coded 409 naming the rule when the procedure does not allow it. Approval, under 1019/2258, issues the
 * plan approval decision and a recovery decision for every case in the same act, on the same date.
 */
/** What an action carries besides its date and the plan's version (see `apply`). */
const ACTION_FIELDS: Record<string, string[]> = {
  post: ['places'],
  record_consultation: ['opinions'],
  record_dialogue: ['dialogueCaseIds'],
  appraise: ['outcome'],
  return_to_draft: ['comments'],
  send_back: ['comments'],
};

@Injectable()
export class WorkflowService {
  constructor(
    private readonly repo: PlansRepository,
    private readonly projects: ProjectsService,
    private readonly regimes: RegimesService,
    private readonly cases: CasesService,
    private readonly numbering: NumberingService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reference: ReferenceService,
    private readonly parcels: ParcelsService,
    private readonly plans: PlansService,
    private readonly calendar: CalendarService,
  ) {}

  async transition(user: AuthUser, planId: string, dto: TransitionRequestDto): Promise<PlanTransitionDto> {
    const found = await this.repo.findPlan(planId);
    if (!found) throw notFound('plan', planId, 'phương án');
    const project = await this.projects.assertVisible(user, found.projectId);
    const def = await this.regimes.planMachine(project.regimeCode);
    if (dto.occurredOn > this.clock.today()) {
      throw new AppError('validation', 'PLAN.DATE_IN_FUTURE', 'Ngày thực hiện không được sau ngày hôm nay.', {
        field: 'occurredOn',
      });
    }
    const result = await this.repo.transaction(async (em) => {
      const plan = await em.getRepository(Plan).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw notFound('plan', planId, 'phương án');
      if (plan.version !== dto.version) throw staleVersion('plan', dto.version, plan.version);
      const [last] = await em
        .getRepository(PlanTransition)
        .find({ where: { planId }, order: { recordedAt: 'DESC' }, take: 1 });
      const facts = await this.facts(em, plan);
      const decision = decidePlanAction(def, {
        state: plan.status,
        action: dto.action,
        role: user.role,
        occurredOn: dto.occurredOn,
        lastOccurredOn: last?.occurredOn ?? null,
        outcome: dto.outcome,
        facts,
      });
      if (!decision.ok) throw new AppError(decision.kind, decision.code, decision.message, decision.details);
      const from = plan.status;
      const details: Record<string, unknown> = {};
      await this.apply(em, user, plan, def, dto, decision.section, details);
      plan.status = decision.to;
      if (decision.to === 'DRAFT') {
        plan.appraisal = {};
        plan.returnComments = dto.comments ?? '';
      }
      if (dto.action === 'approve') await this.approve(em, user, plan, dto, facts, details);
      await em.getRepository(Plan).save(plan);
      const saved = await em.getRepository(PlanTransition).save(
        em.getRepository(PlanTransition).create({
          planId,
          action: dto.action,
          fromState: from,
          toState: plan.status,
          occurredOn: dto.occurredOn,
          actorId: user.id,
          details,
        }),
      );
      await this.audit.record(em, user, {
        action: 'transition',
        entityType: 'plan',
        entityId: planId,
        changes: [
          { field: 'status', from, to: plan.status },
          { field: 'action', from: null, to: dto.action },
        ],
      });
      return mapTransition(saved, def, plan.version);
    });
    // Documents are rendered by workers, enqueued only once the decisions are committed.
    if (dto.action === 'approve') await this.documents.enqueuePending(planId);
    return result;
  }

  /** The steps the plan may take next, for the screens (the regime's rules, the plan's facts as they stand). */
  async nextSteps(user: AuthUser, planId: string): Promise<PlanNextStepDto[]> {
    const plan = await this.repo.findPlan(planId);
    if (!plan) throw notFound('plan', planId, 'phương án');
    const project = await this.projects.assertVisible(user, plan.projectId);
    const def = await this.regimes.planMachine(project.regimeCode);
    // A plan at the end of its procedure has nothing next: no need to gather its facts.
    if (!Object.values(def.actions).some((a) => a.from.includes(plan.status))) return [];
    return this.repo.transaction(async (em) => {
      const [last] = await em
        .getRepository(PlanTransition)
        .find({ where: { planId }, order: { recordedAt: 'DESC' }, take: 1 });
      const facts = await this.facts(em, plan);
      const steps = planNextSteps(def, {
        state: plan.status,
        role: user.role,
        lastOccurredOn: last?.occurredOn ?? null,
        today: this.clock.today(),
        facts,
      }).map((s) => ({
        ...s,
        // An office that has given its opinion has nothing left to do here (the others still have).
        mine: s.roles.includes(user.role) && s.blockedCode !== 'PLAN.APPRAISAL_ALREADY_GIVEN',
        requiredFields: ACTION_FIELDS[s.action] ?? [],
        signer: null as SignerChoiceDto | null,
      }));
      // The approval and the recovery decisions are the district People's Committee's (signed by its Chairman or a
      // deputy for them), as `approve` issues them.
      const approval = steps.find((s) => s.action === 'approve');
      if (approval) {
        const communeId = (await this.projects.ref(plan.projectId)).communeIds[0];
        approval.signer = communeId ? await this.reference.issuingBody('people_committee', communeId) : null;
      }
      return steps;
    });
  }

  async history(user: AuthUser, planId: string): Promise<PlanTransitionDto[]> {
    const plan = await this.repo.findPlan(planId);
    if (!plan) throw notFound('plan', planId, 'phương án');
    const project = await this.projects.assertVisible(user, plan.projectId);
    const def = await this.regimes.planMachine(project.regimeCode);
    const rows = await this.repo.transitionsOf(planId);
    return rows.map((r) => mapTransition(r, def, plan.version));
  }

  /** What the action carries: places of posting, opinions, dialogues, an appraisal section. */
  private async apply(
    em: EntityManager,
    user: AuthUser,
    plan: Plan,
    def: PlanMachineDef,
    dto: TransitionRequestDto,
    section: string | undefined,
    details: Record<string, unknown>,
  ) {
    switch (dto.action) {
      case 'post':
        if (!dto.places?.length)
          throw new AppError(
            'validation',
            'PLAN.POSTING_PLACES_REQUIRED',
            'Ghi các địa điểm niêm yết (trụ sở UBND xã, điểm sinh hoạt khu dân cư).',
            { field: 'places' },
          );
        plan.postedOn = dto.occurredOn;
        plan.postingPlaces = dto.places;
        details.places = dto.places;
        break;
      case 'record_consultation': {
        const opinions = dto.opinions ?? [];
        const members = new Set(
          (await em.getRepository(PlanCase).find({ where: { planId: plan.id }, select: { caseId: true } })).map(
            (c) => c.caseId,
          ),
        );
        const missing = [...members].filter((c) => !opinions.some((o) => o.caseId === c));
        const foreign = opinions.filter((o) => !members.has(o.caseId)).map((o) => o.caseId);
        if (missing.length || foreign.length) {
          throw new AppError(
            'validation',
            'PLAN.CONSULTATION_INCOMPLETE',
            `Biên bản lấy ý kiến phải ghi ý kiến của mọi hộ trong phương án (còn thiếu ${missing.length} hộ).`,
            { missing, foreign },
          );
        }
        for (const o of opinions)
          await em
            .getRepository(PlanCase)
            .update({ planId: plan.id, caseId: o.caseId }, { opinion: o.opinion, opinionNote: o.note ?? '' });
        details.counts = ['agree', 'disagree', 'other', 'absent'].reduce<Record<string, number>>(
          (m, k) => ({ ...m, [k]: opinions.filter((o) => o.opinion === k).length }),
          {},
        );
        if (dto.minutesAttachmentId) details.minutesAttachmentId = dto.minutesAttachmentId;
        break;
      }
      case 'record_dialogue': {
        const ids = dto.dialogueCaseIds ?? [];
        if (!ids.length)
          throw new AppError('validation', 'PLAN.DIALOGUE_CASES_REQUIRED', 'Ghi các hộ đã được đối thoại.', {
            field: 'dialogueCaseIds',
          });
        for (const caseId of ids)
          await em
            .getRepository(PlanCase)
            .update({ planId: plan.id, caseId, opinion: 'disagree' }, { dialogueHeld: true });
        details.dialogueCaseIds = ids;
        break;
      }
      case 'appraise':
        if (dto.outcome !== 'agree' && dto.outcome !== 'return') {
          throw new AppError(
            'validation',
            'PLAN.APPRAISAL_OUTCOME_REQUIRED',
            'Ghi kết quả thẩm định: agree (thống nhất) hoặc return (trả lại).',
            { field: 'outcome' },
          );
        }
        if (dto.outcome === 'return' && !dto.comments?.trim()) {
          throw new AppError(
            'validation',
            'PLAN.RETURN_COMMENTS_REQUIRED',
            'Trả lại phương án phải ghi ý kiến cần sửa.',
            { field: 'comments' },
          );
        }
        details.section = section;
        details.sectionLabel = section ? def.sections[section] : null;
        details.outcome = dto.outcome;
        details.comments = dto.comments ?? '';
        if (dto.outcome === 'agree' && section)
          plan.appraisal = {
            ...plan.appraisal,
            [section]: { outcome: 'agree', by: user.username, on: dto.occurredOn, comments: dto.comments ?? '' },
          };
        break;
      case 'return_to_draft':
      case 'send_back':
        if (!dto.comments?.trim())
          throw new AppError(
            'validation',
            'PLAN.RETURN_COMMENTS_REQUIRED',
            'Trả lại phương án phải ghi ý kiến cần sửa.',
            { field: 'comments' },
          );
        details.comments = dto.comments;
        break;
      default:
        if (dto.comments) details.comments = dto.comments;
    }
  }

  /**
   * 1019/2258 (LĐĐ 2013 Đ69 k3 a): the approval decision and the recovery decisions carry the same date. Numbers are
   * taken now, from the district People's Committee, in this transaction (no gap if anything fails).
   */
  private async approve(
    em: EntityManager,
    user: AuthUser,
    plan: Plan,
    dto: TransitionRequestDto,
    facts: PlanFacts,
    details: Record<string, unknown>,
  ) {
    const on = dto.occurredOn;
    // Signed by the Chairman in office that day, or the deputy chosen to sign for them (issue 18 §12).
    const signedBy = (agencyId: string) => ({ agencyId, signatoryId: dto.signatoryId });
    // The land is priced at the recovery decision (LĐĐ 2013 Đ74 k2): the rule `priced_at_decision` let the approval
    // through because that day changes none of the plan's figures, so the plan is now priced as of that day.
    const decidedOn = facts.pricing.decidedOn ?? on;
    if (plan.valuationDate !== decidedOn) {
      details.valuation = {
        from: plan.valuationDate,
        to: decidedOn,
        reason: `Bảng giá ${facts.pricing.book.code} áp dụng cho các xã của phương án cả ngày ${formatVnDate(plan.valuationDate)} và ngày quyết định ${formatVnDate(decidedOn)}; không công trình nào tính theo năm sử dụng khác: số tiền không đổi, phương án được áp giá tại ngày quyết định thu hồi đất.`,
      };
      plan.valuationDate = decidedOn;
    }
    // The People's Committee of the project's district decides (a project without communes has none).
    const communeId = (await this.projects.ref(plan.projectId)).communeIds[0];
    if (!communeId)
      throw new AppError(
        'conflict',
        'PLAN.ISSUER_UNKNOWN',
        'Không xác định được UBND cấp huyện ban hành quyết định cho dự án.',
        {},
      );
    const issuer = { id: await this.reference.issuer('people_committee', communeId, 'PLAN.ISSUER_UNKNOWN') };
    const approval = await this.numbering.take(em, user, {
      agencyId: issuer.id,
      typeCode: 'QĐ',
      issuedOn: on,
      subject: `Phê duyệt ${plan.name}`,
      entityType: 'plan',
      entityId: plan.id,
    });
    plan.approvedOn = on;
    plan.approvalNumber = approval.formatted;
    await this.documents.issue(em, {
      type: 'plan_approval',
      entityType: 'plan',
      entityId: plan.id,
      planId: plan.id,
      number: approval.formatted,
      issuedOn: on,
      recordVersion: plan.version + 1,
      fileName: `QĐ ${approval.formatted.replace('/', '-')} phê duyệt phương án ${plan.code}.pdf`,
      signedBy: signedBy(issuer.id),
    });
    // The plan's households in name order.
    const members = (await this.cases.holders(await this.repo.caseIdsOf(plan.id))).map((h) => ({
      caseId: h.caseId,
      fullName: h.name,
    }));
    // Every case of the plan locked at once, in id order (the order the progress triggers lock in), before the steps
    // below lock them one by one in name order: two transactions over overlapping cases cannot deadlock.
    await this.cases.lockInIdOrder(
      em,
      members.map((m) => m.caseId),
    );
    // An adjusted plan corrects the money; the land was already recovered by the parent's decisions.
    const decided = plan.kind === 'adjustment' ? [] : members;
    const numbers = await this.numbering.takeMany(
      em,
      user,
      { agencyId: issuer.id, typeCode: 'QĐ', issuedOn: on },
      decided.map((m) => ({ subject: `Thu hồi đất của ${m.fullName}`, entityType: 'case', entityId: m.caseId })),
    );
    if (numbers.length) {
      await this.repo.setRecoveryNumbers(
        em,
        plan.id,
        decided.map((m) => m.caseId),
        numbers.map((n) => n.formatted),
      );
    }
    for (const [i, m] of decided.entries()) {
      await this.cases.systemTransition(
        em,
        user,
        m.caseId,
        'plan_approved',
        on,
        `${approval.formatted}; ${numbers[i].formatted}`,
      );
    }
    await this.documents.issueMany(
      em,
      decided.map((m, i) => ({
        type: 'recovery_decision' as const,
        entityType: 'case',
        entityId: m.caseId,
        planId: plan.id,
        number: numbers[i].formatted,
        issuedOn: on,
        recordVersion: plan.version + 1,
        fileName: `QĐ ${numbers[i].formatted.replace('/', '-')} thu hồi đất ${m.fullName}.pdf`,
        signedBy: signedBy(issuer.id),
      })),
    );
    details.approvalNumber = approval.formatted;
    details.recoveryDecisions = numbers.length;
  }

  /** The facts the regime's rules are checked against, read in the transaction. */
  private async facts(em: EntityManager, plan: Plan): Promise<PlanFacts> {
    // One per case, the latest notice first; a case with non-agricultural land waits the longer period.
    const caseIds = await this.repo.caseIdsOf(plan.id);
    const nonAgricultural = await this.parcels.withNonAgriculturalLand(caseIds, em);
    const notices: PlanFacts['notices'] = (await this.cases.notices(em, caseIds)).map((n) => ({
      ...n,
      nonAgricultural: nonAgricultural.has(n.caseId),
    }));
    const op = await this.repo.opinionCounts(em, plan.id);
    return {
      postedOn: plan.postedOn,
      // A draft whose inputs changed since it was computed counts the "tính lại" finding too (PlansService).
      blockingFindings: (await this.plans.currentFindings(plan, em)).filter((f) => f.severity === 'blocking').length,
      notices,
      agreedSections: Object.keys(plan.appraisal ?? {}),
      disagreements: op.disagreements,
      openDisagreements: op.openDisagreements,
      rest: await this.calendar.restDays(em),
      pricing: await this.plans.pricingFacts(em, plan),
    };
  }
}

const mapTransition = (t: PlanTransition, def: PlanMachineDef, planVersion: number): PlanTransitionDto => ({
  id: t.id,
  action: t.action,
  actionLabel: def.actions[t.action]?.label ?? t.action,
  fromState: t.fromState,
  toState: t.toState,
  toStateLabel: def.states[t.toState]?.label ?? t.toState,
  occurredOn: t.occurredOn,
  actorId: t.actorId,
  details: t.details,
  recordedAt: t.recordedAt.toISOString(),
  planVersion,
});
