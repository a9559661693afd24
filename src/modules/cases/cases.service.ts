import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../../core/audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { NumberingService } from '../numbering/numbering.service.js';
import { accessScope, type AuthUser } from '../../core/auth/policy.js';
import { CASE_EDITORS, PERSONAL_DATA_ROLES } from '../../shared/roles.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { trimDecimal } from '../../shared/decimal.js';
import { formatVnDate } from '../../shared/dates.js';
import { searchKey } from '../../shared/vn-number.js';
import { mapLandUser } from '../land-users/dto/land-user.dto.js';
import type { LandUser } from '../land-users/land-user.entity.js';
import { type DocumentSubject, DocumentsService } from '../documents/documents.service.js';
import { LandUsersService } from '../land-users/land-users.service.js';
import { type ProjectRef, ProjectsService } from '../projects/projects.service.js';
import {
  availableActions,
  type CaseMachineDef,
  decideCaseTransition,
  nextSteps,
  stateOrder,
} from '../regimes/domain/case-machine.js';
import { RegimesService } from '../regimes/regimes.service.js';
import { CaseTransition } from './case-transition.entity.js';
import { Case } from './case.entity.js';
import {
  CasesRepository,
  type CaseHeading,
  type CaseHolder,
  type CaseRosterRow,
  type NewCase,
  type CaseNotice,
  type PricingCase,
} from './cases.repository.js';
import {
  CaseDetailDto,
  CaseListQueryDto,
  CasePageDto,
  CaseStateDto,
  CreateCaseDto,
  PricingFactsDto,
  TransitionDto,
  TransitionRecordDto,
  UpdateCaseDto,
} from './dto/case.dto.js';

const CASE_FIELDS = ['projectId', 'landUserId', 'communeId', 'batch', 'state', 'noticeDeliveredOn', 'note'] as const;

/** The plan that freezes a case's priced data ({ code, status }), or null. */
export type PricingGuard = (caseId: string, em?: EntityManager) => Promise<{ code: string; status: string } | null>;

/** Steps whose decision the system issues (number and PDF) when the step cites none. */
const ISSUED_BY_THE_SYSTEM: Record<string, 'issueForcedSurveyDecision' | 'issueEnforcementDecision'> = {
  order_forced_survey: 'issueForcedSurveyDecision',
  order_enforcement: 'issueEnforcementDecision',
};

export interface CaseAccess {
  case: Case;
  project: ProjectRef;
}

@Injectable()
export class CasesService implements OnModuleInit {
  constructor(
    private readonly repo: CasesRepository,
    private readonly projects: ProjectsService,
    private readonly landUsers: LandUsersService,
    private readonly regimes: RegimesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly calendar: CalendarService,
    private readonly numbering: NumberingService,
  ) {}

  /** The documents about a case are seen by whoever sees the case, and name its household. */
  onModuleInit(): void {
    this.documents.registerSubject('case', (caseId) => this.documentSubject(caseId));
    // A person's record is frozen with any of their cases (issue 17 §5), in the land user's transaction.
    this.landUsers.registerFreezeGuard(async (em, landUserId) => {
      for (const caseId of await this.repo.caseIdsOfLandUser(em, landUserId))
        for (const guard of this.pricingGuards) {
          const plan = await guard(caseId, em);
          if (plan) return plan;
        }
      return null;
    });
  }

  /** Who sees a case's documents (its project's investor, its commune) and whom they name; null for no such case. */
  async documentSubject(caseId: string): Promise<DocumentSubject | null> {
    const h = await this.repo.heading(caseId);
    if (!h) return null;
    const project = await this.projects.ref(h.projectId);
    return {
      investorAgencyId: project.investorAgencyId,
      communeIds: [h.communeId],
      holder: { name: h.name, communeId: h.communeId },
    };
  }

  async create(user: AuthUser, projectId: string, dto: CreateCaseDto): Promise<CaseDetailDto> {
    const project = await this.projects.assertVisible(user, projectId);
    this.assertCommuneInProject(project, dto.communeId);
    this.assertCommuneInScope(user, dto.communeId);
    if (!!dto.landUserId === !!dto.landUser) {
      throw new AppError(
        'validation',
        'CASE.LAND_USER_REQUIRED',
        'Chọn người sử dụng đất đã có (landUserId) hoặc nhập mới (landUser), không cả hai.',
        {
          field: 'landUser',
        },
      );
    }
    const machine = await this.regimes.caseMachine(project.regimeCode);
    const id = await this.repo.transaction(async (em) => {
      const landUser = dto.landUserId
        ? await this.reachableLandUser(em, user, dto.landUserId)
        : await this.findOrCreateLandUser(em, user, dto.landUser!);
      const existing = await em.getRepository(Case).findOneBy({ projectId, landUserId: landUser.id });
      if (existing) {
        throw new AppError('conflict', 'CASE.DUPLICATE', `${landUser.fullName} đã có hồ sơ trong dự án này.`, {
          caseId: existing.id,
        });
      }
      const saved = await em.getRepository(Case).save(
        em.getRepository(Case).create({
          projectId,
          landUserId: landUser.id,
          communeId: dto.communeId,
          batch: dto.batch ?? null,
          state: machine.initial,
          noticeDeliveredOn: null,
          note: dto.note ?? '',
        }),
      );
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'case',
        entityId: saved.id,
        changes: diffFields<Case>(null, saved, CASE_FIELDS),
      });
      return saved.id;
    });
    return this.detail(user, id);
  }

  async list(user: AuthUser, projectId: string, q: CaseListQueryDto): Promise<CasePageDto> {
    const project = await this.projects.assertVisible(user, projectId);
    const machine = await this.regimes.caseMachine(project.regimeCode);
    const scope = accessScope(user);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { rows, total } = await this.repo.list({
      projectId,
      communeIds: scope.kind === 'communes' ? scope.communeIds : undefined,
      communeId: q.communeId,
      state: q.state,
      batch: q.batch,
      poorHousehold: q.poorHousehold,
      policyFamily: q.policyFamily,
      directlyFarming: q.directlyFarming,
      q: q.q,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const personal = PERSONAL_DATA_ROLES.includes(user.role);
    return {
      total,
      page,
      pageSize,
      items: rows.map((r) => ({
        id: r.id,
        projectId: r.projectId,
        communeId: r.communeId,
        communeName: r.communeName,
        batch: r.batch,
        state: r.state,
        stateLabel: machine.states[r.state]?.label ?? r.state,
        noticeDeliveredOn: r.noticeDeliveredOn,
        landUser: { id: r.landUserId, kind: r.kind, fullName: r.fullName, cccd: personal ? r.cccd : null },
        parcelCount: r.parcelCount,
        recoveredArea: trimDecimal(r.recoveredArea),
        version: r.version,
      })),
    };
  }

  /** The states of the project's case procedure (its regime's), in the regime's order. */
  async states(user: AuthUser, projectId: string): Promise<CaseStateDto[]> {
    const project = await this.projects.assertVisible(user, projectId);
    const machine = await this.regimes.caseMachine(project.regimeCode);
    return stateOrder(machine).map((code) => ({ code, label: machine.states[code].label }));
  }

  async detail(user: AuthUser, caseId: string): Promise<CaseDetailDto> {
    const { case: c, project } = await this.access(user, caseId, 'read');
    const machine = await this.regimes.caseMachine(project.regimeCode);
    const transitions = await this.repo.transitions(caseId);
    const steps = nextSteps(machine, c.state, transitions, await this.calendar.restDays());
    const issuing = (action: string) => Object.hasOwn(ISSUED_BY_THE_SYSTEM, action);
    const decidingBody = steps.some((s) => issuing(s.action))
      ? await this.documents.issuingBody('people_committee', c.communeId)
      : null;
    return {
      id: c.id,
      projectId: c.projectId,
      communeId: c.communeId,
      communeName: await this.repo.communeName(c.communeId),
      batch: c.batch,
      state: c.state,
      stateLabel: machine.states[c.state]?.label ?? c.state,
      noticeDeliveredOn: c.noticeDeliveredOn,
      note: c.note,
      executionSuspendedBy: c.executionSuspendedBy,
      pricingFacts: { ...c.pricingFacts },
      landUser: mapLandUser(c.landUser as LandUser, user),
      transitions: transitions.map((t) => mapTransition(t, machine)),
      availableActions:
        CASE_EDITORS.includes(user.role) || user.role === 'district_leader'
          ? availableActions(machine, c.state, user.role)
          : [],
      nextSteps: steps.map((s) => ({
        ...s,
        systemIssuesDocument: issuing(s.action),
        // The Chairman of the district decides (LĐĐ 2013 Đ69 k1 d, Đ71 k2), or a deputy for them.
        signer: issuing(s.action) ? decidingBody : null,
        mine: (CASE_EDITORS.includes(user.role) || user.role === 'district_leader') && s.roles.includes(user.role),
      })),
      version: c.version,
    };
  }

  async update(user: AuthUser, caseId: string, dto: UpdateCaseDto): Promise<CaseDetailDto> {
    const { project } = await this.access(user, caseId, 'write');
    await this.repo.transaction(async (em) => {
      const c = await this.repo.lock(em, caseId);
      if (!c) throw notFound('case', caseId, 'hồ sơ');
      if (c.version !== dto.version) throw staleVersion('case', dto.version, c.version);
      if (dto.communeId) {
        this.assertCommuneInProject(project, dto.communeId);
        this.assertCommuneInScope(user, dto.communeId);
        // The commune prices the land and is named in the decisions: frozen with the plan (issue 17 §5).
        if (dto.communeId !== c.communeId) await this.assertPricingEditable(caseId, 'communeId');
      }
      const before = { ...c };
      if (dto.communeId !== undefined) c.communeId = dto.communeId;
      if (dto.batch !== undefined) c.batch = dto.batch;
      if (dto.note !== undefined) c.note = dto.note;
      const changes = diffFields<Case>(before, c, CASE_FIELDS);
      if (changes.length === 0) return;
      await em.getRepository(Case).save(c);
      await this.audit.record(em, user, { action: 'update', entityType: 'case', entityId: caseId, changes });
    });
    return this.detail(user, caseId);
  }

  /** Facts for pricing (relocation, land in use, obligations, resettlement), versioned and audited like the rest. */
  async setPricingFacts(user: AuthUser, caseId: string, dto: PricingFactsDto): Promise<CaseDetailDto> {
    await this.access(user, caseId, 'write');
    await this.assertPricingEditable(caseId);
    await this.repo.transaction(async (em) => {
      const c = await this.repo.lock(em, caseId);
      if (!c) throw notFound('case', caseId, 'hồ sơ');
      if (c.version !== dto.version) throw staleVersion('case', dto.version, c.version);
      const { version: _v, ...facts } = dto;
      const before = c.pricingFacts;
      c.pricingFacts = { ...before, ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) };
      await em.getRepository(Case).save(c);
      await this.audit.record(em, user, {
        action: 'update',
        entityType: 'case',
        entityId: caseId,
        changes: [{ field: 'pricingFacts', from: before, to: c.pricingFacts }],
      });
    });
    return this.detail(user, caseId);
  }

  /** A step of the case's life, checked against the project's regime (order, roles, waits), dated and audited. */
  async transition(user: AuthUser, caseId: string, dto: TransitionDto): Promise<CaseDetailDto> {
    const { project } = await this.access(user, caseId, 'write');
    const machine = await this.regimes.caseMachine(project.regimeCode);
    const documentId = await this.repo.transaction(async (em) => {
      let documentRef = dto.documentRef ?? '';
      let issued: string | null = null;
      if (dto.action === 'order_enforcement') this.assertExecutionNotSuspended(await this.lockCase(em, caseId));
      // Ordered through the system without a decision number: the system issues the decision (number, PDF).
      const decision = Object.hasOwn(ISSUED_BY_THE_SYSTEM, dto.action) ? ISSUED_BY_THE_SYSTEM[dto.action] : null;
      if (decision && !documentRef.trim()) {
        const doc = await this.documents[decision](em, user, caseId, dto.occurredOn, dto.signatoryId);
        documentRef = doc.number;
        issued = doc.id;
      }
      await this.applyTransition(em, machine, user, caseId, { ...dto, documentRef, note: dto.note ?? '' }, false);
      return issued;
    });
    if (documentId) await this.documents.enqueue(documentId);
    return this.detail(user, caseId);
  }

  /**
   * A step the system takes as the consequence of another act (signing an inventory), in the caller's transaction.
   * Does nothing when the case is already past it (a corrected inventory signed later).
   */
  async systemTransition(
    em: EntityManager,
    actor: AuthUser,
    caseId: string,
    action: string,
    occurredOn: string,
    documentRef: string,
    note = '',
  ): Promise<void> {
    const c = await this.repo.lock(em, caseId);
    if (!c) throw notFound('case', caseId, 'hồ sơ');
    const project = await this.projects.ref(c.projectId);
    const machine = await this.regimes.caseMachine(project.regimeCode);
    // Already past this step (a corrected record signed later): nothing to move. Not yet there (no notice
    // delivered): refused, the record cannot be signed before the procedure allows it.
    if (!machine.actions[action]?.from.includes(c.state) && c.state !== machine.initial) return;
    await this.applyTransition(em, machine, actor, caseId, { action, occurredOn, documentRef, note }, true);
  }

  /**
   * A case's priced data (parcels, inventories, pricing facts) is frozen once its plan has left draft: after approval
   * corrections go through a supplementary or adjusted plan, never by editing what was approved.
   */
  async assertPricingEditable(caseId: string, field?: string): Promise<void> {
    for (const guard of this.pricingGuards) {
      const row = await guard(caseId);
      if (row) {
        throw new AppError(
          'conflict',
          'CASE.FROZEN_BY_PLAN',
          `Hồ sơ thuộc phương án ${row.code} đã qua bước dự thảo (${row.status}): không sửa số liệu đã tính; sau phê duyệt dùng phương án bổ sung hoặc điều chỉnh.`,
          { planCode: row.code, planStatus: row.status, ...(field ? { field } : {}) },
        );
      }
    }
  }

  /**
   * Plans know which plan holds a case past draft: they register the check here at start-up (PlansService), so cases
   * never read plans' tables.
   */
  private readonly pricingGuards: PricingGuard[] = [];
  registerPricingGuard(guard: PricingGuard): void {
    this.pricingGuards.push(guard);
  }

  /** A project's cases within a plan's scope (batch, commune, listed ids) with their state, in the caller's transaction. */
  inScope(
    em: EntityManager,
    projectId: string,
    scope: { batch: string | null; communeId: string | null; caseIds: string[] | null },
  ): Promise<{ id: string; state: string }[]> {
    return this.repo.inScope(em, { projectId, ...scope });
  }

  /**
   * Locks the cases at once, in id order (the order the progress triggers lock in): a use case that then steps them
   * one by one in another order cannot deadlock with another over overlapping cases.
   */
  lockInIdOrder(em: EntityManager, caseIds: string[]): Promise<void> {
    return this.repo.lockInIdOrder(em, caseIds);
  }

  /** The cases' communes, in commune name order. */
  communes(caseIds: string[]): Promise<{ caseId: string; communeId: string; communeName: string }[]> {
    return this.repo.communes(caseIds);
  }

  /** When each case's recovery notice was delivered, the latest first (those not yet delivered before all). */
  notices(em: EntityManager, caseIds: string[]): Promise<CaseNotice[]> {
    return this.repo.notices(em, caseIds);
  }

  /** What pricing needs of each case (holder kind and members, commune, state, pricing facts), in name order. */
  /** The communes of these cases (code, name, kind), in name order, in the caller's transaction. */
  communesOf(em: EntityManager, caseIds: string[]): Promise<{ code: string; name: string; kind: string }[]> {
    return this.repo.communesOf(em, caseIds);
  }

  pricingCases(em: EntityManager, caseIds: string[]): Promise<PricingCase[]> {
    return this.repo.pricingCases(em, caseIds);
  }

  /**
   * Locks a case and says where it stands in its regime: its state, the machine, the steps already taken. For use
   * cases whose preconditions are steps of the procedure (no payment before the payment notice, no deposit before a
   * refusal), so they ask the regime instead of naming states.
   */
  /**
   * The case as its documents name it (land user, commune, district), with its project's name and how they cite the
   * recovery notice: its number and its own date (the day it was issued, not the day it was delivered: issue 18 §8)
   * when the system issued it; its number alone when it was issued elsewhere (its date is not known here).
   */
  async heading(
    caseId: string,
  ): Promise<CaseHeading & { projectName: string; notice: { ref: string; date: string; cited: string } }> {
    const h = await this.repo.heading(caseId);
    if (!h) throw notFound('case', caseId, 'hồ sơ');
    const ref = h.noticeRef?.trim() ?? '';
    const issuedOn = ref ? await this.numbering.issuedOn(ref, caseId) : null;
    const date = issuedOn ? formatVnDate(issuedOn) : '';
    return {
      ...h,
      projectName: (await this.projects.ref(h.projectId)).name,
      notice: { ref, date, cited: date ? `${ref} ngày ${date}` : ref },
    };
  }

  /** The project a case belongs to, or null when there is no such case (no access check: the caller has its own). */
  projectOf(caseId: string): Promise<string | null> {
    return this.repo.projectOf(caseId);
  }

  /** Cases by id, with their holder's name and commune, in the order of the case list (no access check). */
  holders(caseIds: string[]): Promise<CaseHolder[]> {
    return this.repo.holders(caseIds);
  }

  /** The case a recorded step (a transition) belongs to, or null when there is no such step. */
  caseOfStep(transitionId: string): Promise<string | null> {
    return this.repo.caseOfStep(transitionId);
  }

  /** How many of the user's cases stand in each state, per project (the inbox's count of waiting households). */
  async stateCounts(user: AuthUser): Promise<{ projectId: string; state: string; count: number }[]> {
    const scope = accessScope(user);
    if (scope.kind === 'communes') return this.repo.stateCounts(scope.communeIds, null);
    if (scope.kind === 'investor')
      return this.repo.stateCounts(null, await this.projects.idsOfInvestor(scope.agencyId));
    return this.repo.stateCounts(null, null);
  }

  /** Amounts of many cases (đồng, as text) added up by commune, in commune name order: a plan's totals by commune. */
  totalsByCommune(
    amounts: { caseId: string; amount: string }[],
  ): Promise<{ communeId: string; communeName: string; caseCount: number; net: string }[]> {
    return this.repo.totalsByCommune(
      amounts.map((a) => a.caseId),
      amounts.map((a) => a.amount),
    );
  }

  /** The day the case first took a step (e.g. `persuade_handover`), or null. */
  firstStepOn(caseId: string, action: string): Promise<string | null> {
    return this.repo.firstStepOn(caseId, action);
  }

  /** The step last recorded with this action (e.g. `order_enforcement`): its document and day, or null. */
  lastStep(caseId: string, action: string): Promise<{ documentRef: string; occurredOn: string } | null> {
    return this.repo.lastStep(caseId, action);
  }

  /** The day the case last took a step (e.g. `payment_completed`), or null. */
  lastStepOn(caseId: string, action: string): Promise<string | null> {
    return this.repo.lastStepOn(caseId, action);
  }

  /** The land users among these who already have a case in the project, in the caller's transaction. */
  /** For the Excel intake: of these land users, those a commune officer reaches (a case in its communes). */
  async landUsersInCommunes(em: EntityManager, landUserIds: string[], communeIds: string[]): Promise<Set<string>> {
    return new Set(await this.repo.landUsersInCommunes(em, landUserIds, communeIds));
  }

  async landUsersWithCase(em: EntityManager, projectId: string, landUserIds: string[]): Promise<Set<string>> {
    return new Set(landUserIds.length ? await this.repo.landUsersWithCase(em, projectId, landUserIds) : []);
  }

  /**
   * Cases of an Excel intake, in the caller's transaction: one INSERT (the caller keeps the batch small), ids in the
   * rows' order. The intake records the audit entry of each.
   */
  createMany(em: EntityManager, rows: NewCase[]): Promise<string[]> {
    return this.repo.insertMany(em, rows);
  }

  /** A project's cases (within the communes given, or all) with their land user, commune and batch, in list order. */
  roster(projectId: string, communeIds: string[] | null): Promise<CaseRosterRow[]> {
    return this.repo.roster(projectId, communeIds);
  }

  async standing(
    em: EntityManager,
    caseId: string,
  ): Promise<{ case: Case; machine: CaseMachineDef; taken: ReadonlySet<string> }> {
    const c = await this.lockCase(em, caseId);
    const project = await this.projects.ref(c.projectId);
    const machine = await this.regimes.caseMachine(project.regimeCode);
    const taken = new Set((await this.repo.transitions(caseId, em)).map((t) => t.action));
    return { case: c, machine, taken };
  }

  /**
   * A complaint does not stop enforcement, unless a competent decision suspended the execution (Luật Khiếu nại 2011
   * Đ35; procedure.md §12): then neither the enforcement decision nor the enforcement act goes ahead.
   */
  assertExecutionNotSuspended(c: Case): void {
    if (c.executionSuspendedBy) {
      throw new AppError(
        'conflict',
        'ENFORCEMENT.SUSPENDED_BY_COMPLAINT',
        `Việc thi hành đang bị tạm đình chỉ theo ${c.executionSuspendedBy}.`,
        { suspendedBy: c.executionSuspendedBy },
      );
    }
  }

  /** Records (or clears, with null) the decision that suspends the execution on the case; called by the complaints service. */
  setExecutionSuspension(em: EntityManager, caseId: string, by: string | null): Promise<void> {
    return this.repo.setExecutionSuspension(em, caseId, by);
  }

  /** Serialises writes that concern one case (its inventories, its transitions). */
  async lockCase(em: EntityManager, caseId: string): Promise<Case> {
    const c = await this.repo.lock(em, caseId);
    if (!c) throw notFound('case', caseId, 'hồ sơ');
    return c;
  }

  /** Loads a case the user may see (read) or change (write); 403 AUTH.OUT_OF_SCOPE outside the user's scope. */
  async access(user: AuthUser, caseId: string, mode: 'read' | 'write'): Promise<CaseAccess> {
    const c = await this.repo.findById(caseId);
    if (!c) throw notFound('case', caseId, 'hồ sơ');
    const project = await this.projects.ref(c.projectId);
    const scope = accessScope(user);
    const visible =
      scope.kind === 'all' ||
      (scope.kind === 'communes' && scope.communeIds.includes(c.communeId)) ||
      (scope.kind === 'investor' && scope.agencyId === project.investorAgencyId);
    if (!visible)
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Hồ sơ này không thuộc phạm vi bạn được giao.', { caseId });
    if (mode === 'write' && !CASE_EDITORS.includes(user.role) && user.role !== 'district_leader') {
      throw new AppError('forbidden', 'AUTH.ROLE_NOT_ALLOWED', 'Vai trò của bạn chỉ được xem hồ sơ.', { caseId });
    }
    return { case: c, project };
  }

  private async applyTransition(
    em: EntityManager,
    machine: CaseMachineDef,
    user: AuthUser,
    caseId: string,
    input: { action: string; occurredOn: string; documentRef: string; note: string },
    system: boolean,
  ): Promise<void> {
    const c = await this.repo.lock(em, caseId);
    if (!c) throw notFound('case', caseId, 'hồ sơ');
    if (input.occurredOn > this.clock.today()) {
      throw new AppError('validation', 'CASE.DATE_IN_FUTURE', 'Ngày thực hiện không được sau ngày hôm nay.', {
        field: 'occurredOn',
      });
    }
    const history = await this.repo.transitions(caseId, em);
    // A step cannot be dated before the document it cites was issued (a notice delivered before it existed would
    // start the 90/180-day clock early: issue 18 §8). Documents issued elsewhere are not known here.
    const cited = input.documentRef.trim();
    const citedOn = cited ? await this.numbering.issuedOn(cited, caseId, em) : null;
    if (citedOn && input.occurredOn < citedOn) {
      throw new AppError(
        'validation',
        'CASE.DATE_BEFORE_DOCUMENT',
        `Ngày thực hiện (${formatVnDate(input.occurredOn)}) trước ngày ban hành văn bản số ${cited} (${formatVnDate(citedOn)}).`,
        { field: 'occurredOn', documentRef: cited, issuedOn: citedOn },
      );
    }
    const rest = await this.calendar.restDays(em);
    const decision = decideCaseTransition(machine, {
      state: c.state,
      role: user.role,
      history,
      system,
      rest,
      ...input,
    });
    if (!decision.ok) throw new AppError(decision.kind, decision.code, decision.message, decision.details);
    const before = { ...c };
    await em.getRepository(CaseTransition).insert({
      caseId,
      action: input.action,
      fromState: c.state,
      toState: decision.to,
      occurredOn: input.occurredOn,
      actorId: user.id,
      documentRef: input.documentRef,
      note: input.note,
    });
    c.state = decision.to;
    // Notice delivery starts the 90/180-day notice period (LĐĐ 2013 Đ67 k1).
    if (input.action === 'deliver_notice') c.noticeDeliveredOn = input.occurredOn;
    await em.getRepository(Case).save(c);
    await this.audit.record(em, user, {
      action: 'transition',
      entityType: 'case',
      entityId: caseId,
      changes: [...diffFields<Case>(before, c, CASE_FIELDS), { field: 'action', from: null, to: input.action }],
    });
  }

  private async findOrCreateLandUser(
    em: EntityManager,
    user: AuthUser,
    dto: NonNullable<CreateCaseDto['landUser']>,
  ): Promise<LandUser> {
    if (dto.cccd) {
      const known = await this.landUsers.findByCccd(dto.cccd, em);
      // A commune officer attaches only people its communes already know: anyone else is the Center's to attach,
      // and the officer learns only that the number is registered — no name, no id (issue 17 §2).
      const scope = accessScope(user);
      if (known && scope.kind !== 'all') {
        const reachable =
          scope.kind === 'communes' && (await this.repo.landUserInCommunes(em, known.id, scope.communeIds));
        if (!reachable || searchKey(known.fullName) !== searchKey(dto.fullName))
          throw new AppError(
            'conflict',
            'LAND_USER.CCCD_REGISTERED',
            `Số CCCD ${dto.cccd} đã được đăng ký cho một người sử dụng đất${reachable ? ' với tên khác' : ' ngoài xã được phân công'}. Kiểm tra lại số CCCD, hoặc đề nghị Trung tâm Phát triển quỹ đất lập hồ sơ cho người này.`,
            { field: 'landUser.cccd' },
          );
        return known;
      }
      if (known) {
        // The same person in another project: reuse, but never under a different name.
        if (searchKey(known.fullName) !== searchKey(dto.fullName)) {
          throw new AppError(
            'conflict',
            'LAND_USER.CCCD_NAME_MISMATCH',
            `Số CCCD ${dto.cccd} đã được ghi cho "${known.fullName}", khác với tên "${dto.fullName}". Kiểm tra lại số CCCD hoặc tên.`,
            { field: 'landUser.cccd', landUserId: known.id },
          );
        }
        return known;
      }
    }
    return this.landUsers.create(em, user, dto);
  }

  /**
   * An existing land user named by id: the Center's roles reach anyone; a commune officer only people with a case in
   * its communes (anyone else answers as unknown, so ids cannot be probed).
   */
  private async reachableLandUser(em: EntityManager, user: AuthUser, landUserId: string): Promise<LandUser> {
    const scope = accessScope(user);
    if (
      scope.kind !== 'all' &&
      !(scope.kind === 'communes' && (await this.repo.landUserInCommunes(em, landUserId, scope.communeIds)))
    )
      throw notFound('land_user', landUserId, 'người sử dụng đất');
    return this.landUsers.get(landUserId, em);
  }

  private assertCommuneInProject(project: ProjectRef, communeId: string): void {
    if (!project.communeIds.includes(communeId)) {
      throw new AppError(
        'validation',
        'CASE.COMMUNE_NOT_IN_PROJECT',
        'Xã đã chọn không thuộc phạm vi thu hồi đất của dự án.',
        { field: 'communeId' },
      );
    }
  }

  private assertCommuneInScope(user: AuthUser, communeId: string): void {
    const scope = accessScope(user);
    if (scope.kind === 'communes' && !scope.communeIds.includes(communeId)) {
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Bạn chỉ được lập hồ sơ tại xã được phân công.', {
        field: 'communeId',
      });
    }
  }
}

const mapTransition = (t: CaseTransition, machine: CaseMachineDef): TransitionRecordDto => ({
  id: t.id,
  action: t.action,
  actionLabel: machine.actions[t.action]?.label ?? t.action,
  fromState: t.fromState,
  toState: t.toState,
  occurredOn: t.occurredOn,
  actorId: t.actorId,
  documentRef: t.documentRef,
  note: t.note,
  recordedAt: t.recordedAt.toISOString(),
});
