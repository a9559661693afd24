import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { accessScope, type AuthUser } from '../../core/auth/policy.js';
import { PERSONAL_DATA_ROLES } from '../../shared/roles.js';
import { formatVnDate } from '../../shared/dates.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError, notFound, staleVersion } from '../../core/errors/app-error.js';
import { AttachmentsService, type UploadedFile } from '../attachments/attachments.service.js';
import type { AttachmentDto } from '../attachments/dto/attachment.dto.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { calendarDaysBetween, type RestDays } from '../calendar/domain/calendar.js';
import { CasesService } from '../cases/cases.service.js';
import type { LineCategory } from '../compensation/domain/calculator.js';
import { DocumentsService } from '../documents/documents.service.js';
import { LandUsersService } from '../land-users/land-users.service.js';
import { PlansService } from '../plans/plans.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { Complaint, ComplaintEvent } from './complaint.entity.js';
import { type ComplaintScope, ComplaintsRepository } from './complaints.repository.js';
import {
  type ComplaintDeadlines,
  type ComplaintRule,
  complaintDeadlines,
  limitationEnd,
  ruleOn,
} from './domain/complaint-deadlines.js';
import { applyEvent, clockAsOf } from './domain/complaint-clock.js';
import {
  CLOSED,
  COMPLAINT_HANDLERS,
  type ComplaintKind,
  type ComplaintState,
  checkStep,
  STATE_LABELS,
} from './domain/complaint-machine.js';
import {
  type ComplaintDto,
  type ComplaintListDto,
  ComplaintQueryDto,
  type ComplaintRowDto,
  ComplaintStepDto,
  type ComplaintSummaryDto,
  ComplaintSummaryQueryDto,
  type CountDto,
  ExecutionSuspensionDto,
  OUTCOME_LABELS,
  RegisterComplaintDto,
  SUBJECT_LABELS,
  UploadComplaintAttachmentDto,
} from './dto/complaint.dto.js';

export const KIND_LABELS: Record<ComplaintKind, string> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  petition: 'Kiến nghị, phản ánh',
};
export const COMPLAINT_AGENCY_LABELS: Record<string, string> = {
  people_committee: 'UBND huyện (Chủ tịch)',
  commune_committee: 'UBND xã',
  land_fund_center: 'Trung tâm Phát triển quỹ đất',
  land_office: 'Phòng Tài nguyên và Môi trường',
  provincial_committee: 'UBND tỉnh (Chủ tịch)',
};

/** An open complaint's running deadline, for the deadlines list. */
export interface ComplaintDeadlineItem {
  complaintId: string;
  code: string;
  kind: ComplaintKind;
  deadline: 'acceptance' | 'resolution';
  dueOn: string;
  agency: string;
  projectCode: string;
  complainantName: string;
  basis: string;
}

interface Context {
  rules: ComplaintRule[];
  rest: RestDays;
}

/**
 * Đơn thư (issue 8; procedure.md §6.4, §12): registered by the Center, the land office or the commune (its communes
 * only), taken through the complaint machine step by step with dated documents, with deadlines from the dated rule
 * table and the holiday calendar computed at read time. A complaint upheld on a plan line opens a draft adjusted plan
 * with that line as decided (the plans context does the pricing), in the same transaction as the decision.
 */
@Injectable()
export class ComplaintsService implements OnModuleInit {
  constructor(
    private readonly repo: ComplaintsRepository,
    private readonly projects: ProjectsService,
    private readonly cases: CasesService,
    private readonly plans: PlansService,
    private readonly documents: DocumentsService,
    private readonly landUsers: LandUsersService,
    private readonly attachments: AttachmentsService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A complaint's attached files are seen by whoever sees the complaint. */
  onModuleInit(): void {
    this.attachments.registerComplaintScope(async (user, id) => this.repo.isVisible(await this.scope(user), id));
  }

  async register(user: AuthUser, dto: RegisterComplaintDto): Promise<ComplaintDto> {
    const project = await this.projects.assertVisible(user, dto.projectId);
    if (dto.receivedOn > this.clock.today()) {
      throw new AppError('validation', 'COMPLAINT.DATE_IN_FUTURE', 'Ngày nhận đơn không được sau ngày hôm nay.', {
        field: 'receivedOn',
      });
    }
    // The disputed line names its plan and its case.
    let line: { id: string; planId: string; caseId: string; projectId: string } | null = null;
    if (dto.planLineId) {
      line = await this.plans.findLine(dto.planLineId);
      if (!line || line.projectId !== project.id) {
        throw new AppError(
          'validation',
          'COMPLAINT.PLAN_LINE_NOT_FOUND',
          'Không tìm thấy dòng phương án này trong dự án.',
          { field: 'planLineId' },
        );
      }
      if (dto.caseId && dto.caseId !== line.caseId) {
        throw new AppError(
          'validation',
          'COMPLAINT.PLAN_LINE_NOT_IN_CASE',
          'Dòng phương án không thuộc hồ sơ của người khiếu nại.',
          { field: 'planLineId' },
        );
      }
    }
    const caseId = dto.caseId ?? line?.caseId ?? null;
    let communeId: string;
    let landUserId: string | null = null;
    let name = dto.complainantName;
    if (caseId) {
      const { case: c } = await this.cases.access(user, caseId, 'read');
      if (c.projectId !== project.id)
        throw new AppError('validation', 'COMPLAINT.CASE_NOT_IN_PROJECT', 'Hồ sơ không thuộc dự án đã chọn.', {
          field: 'caseId',
        });
      if (dto.communeId && dto.communeId !== c.communeId)
        throw new AppError('validation', 'COMPLAINT.COMMUNE_MISMATCH', 'Xã đã chọn khác xã của hồ sơ.', {
          field: 'communeId',
        });
      communeId = c.communeId;
      if (dto.landUserId && dto.landUserId !== c.landUserId) {
        throw new AppError(
          'validation',
          'COMPLAINT.LAND_USER_MISMATCH',
          'Người đứng đơn khác chủ hồ sơ: bỏ chọn hồ sơ hoặc người sử dụng đất.',
          { field: 'landUserId' },
        );
      }
      landUserId = c.landUserId;
      // cases.land_user_id is a NOT NULL foreign key: the case's land user exists.
      if (!name) name = (await this.landUsers.fullName(c.landUserId))!;
    } else {
      if (!dto.communeId)
        throw new AppError(
          'validation',
          'COMPLAINT.COMMUNE_REQUIRED',
          'Chọn xã nơi phát sinh đơn (hoặc hồ sơ của người khiếu nại).',
          { field: 'communeId' },
        );
      if (!project.communeIds.includes(dto.communeId))
        throw new AppError('validation', 'COMPLAINT.COMMUNE_NOT_IN_PROJECT', 'Xã đã chọn không thuộc địa bàn dự án.', {
          field: 'communeId',
        });
      communeId = dto.communeId;
      if (dto.landUserId) {
        const fullName = await this.landUsers.fullName(dto.landUserId);
        if (fullName === null)
          throw new AppError('validation', 'COMPLAINT.LAND_USER_NOT_FOUND', 'Không tìm thấy người sử dụng đất này.', {
            field: 'landUserId',
          });
        landUserId = dto.landUserId;
        name ??= fullName;
      }
    }
    const scope = accessScope(user);
    if (scope.kind === 'communes' && !scope.communeIds.includes(communeId)) {
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Chỉ tiếp nhận đơn thư của xã được giao.', { communeId });
    }
    if (!name)
      throw new AppError('validation', 'COMPLAINT.COMPLAINANT_REQUIRED', 'Ghi họ tên người đứng đơn.', {
        field: 'complainantName',
      });
    if (dto.documentId) {
      if ((await this.projectOfDocument(dto.documentId)) !== project.id)
        throw new AppError(
          'validation',
          'COMPLAINT.DOCUMENT_NOT_FOUND',
          'Không tìm thấy văn bản bị khiếu nại trong dự án.',
          { field: 'documentId' },
        );
    }
    const ctx = await this.context();
    if (!ruleOn(ctx.rules, dto.kind, dto.receivedOn)) {
      throw new AppError(
        'conflict',
        'COMPLAINT.NO_RULE',
        `Chưa có quy định thời hạn cho loại đơn này tại ngày ${formatVnDate(dto.receivedOn)}.`,
        { kind: dto.kind },
      );
    }
    const agency =
      dto.agency ??
      (dto.kind !== 'petition'
        ? 'people_committee'
        : user.role === 'commune_officer'
          ? 'commune_committee'
          : 'land_fund_center');
    const id = await this.repo.transaction(async (em) => {
      const code = await this.repo.nextCode(em, dto.receivedOn.slice(0, 4));
      const saved = await this.repo.create(em, {
        code,
        kind: dto.kind,
        state: 'RECEIVED',
        level: 1,
        projectId: project.id,
        communeId,
        caseId,
        landUserId,
        complainantName: name,
        complainantAddress: dto.complainantAddress ?? '',
        receivedOn: dto.receivedOn,
        channel: dto.channel,
        subjectType: dto.subjectType,
        documentId: dto.documentId ?? null,
        decisionReceivedOn: dto.decisionReceivedOn ?? null,
        planId: line?.planId ?? null,
        planLineId: line?.id ?? null,
        content: dto.content,
        agency,
        complex: false,
        levelReceivedOn: dto.receivedOn,
        registeredBy: user.id,
      });
      await this.repo.insertEvent(em, {
        complaintId: saved.id,
        action: 'register',
        fromState: null,
        toState: 'RECEIVED',
        level: 1,
        occurredOn: dto.receivedOn,
        documentRef: '',
        note: '',
        actorId: user.id,
        actorRole: user.role,
      });
      // The complainant's address is personal data: the audit trail records that it was given, not what it is.
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'complaint',
        entityId: saved.id,
        changes: [
          { field: 'code', from: null, to: saved.code },
          { field: 'kind', from: null, to: dto.kind },
          { field: 'caseId', from: null, to: caseId },
          { field: 'planLineId', from: null, to: line?.id ?? null },
        ],
      });
      return saved.id;
    });
    return this.get(user, id);
  }

  async list(user: AuthUser, q: ComplaintQueryDto): Promise<ComplaintListDto> {
    const rows = await this.repo.list(await this.scope(user), q);
    const ctx = await this.context();
    const communes = await this.communes(rows.map((r) => r.communeId));
    const today = this.clock.today();
    const items = rows
      .map((c) => this.toRow(user, c, ctx, communes, today))
      .filter((r) => q.overdue === undefined || r.deadlines.overdue === q.overdue);
    return { total: items.length, items: items.slice(0, q.limit ?? 200) };
  }

  async get(user: AuthUser, id: string): Promise<ComplaintDto> {
    const c = await this.load(user, id);
    const [ctx, communes, events, files, plan] = await Promise.all([
      this.context(),
      this.communes([c.communeId]),
      this.repo.events(id),
      this.attachments.ofComplaint(id),
      c.adjustmentPlanId ? this.plans.findRef(c.adjustmentPlanId) : Promise.resolve(null),
    ]);
    const row = this.toRow(user, c, ctx, communes, this.clock.today());
    return {
      ...row,
      adjustmentPlan: plan
        ? {
            id: plan.id,
            code: plan.code,
            status: plan.status,
            approvedOn: plan.approvedOn,
            loopClosed: ['APPROVED', 'PUBLISHED'].includes(plan.status),
          }
        : null,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        level: e.level,
        occurredOn: e.occurredOn,
        documentRef: e.documentRef,
        note: e.note,
        actorRole: e.actorRole,
      })),
      // Scans of a letter carry the complainant's personal data: only the roles that may see it get them.
      attachments: (PERSONAL_DATA_ROLES.includes(user.role) ? files : []).map((f) => ({
        id: f.id,
        fileName: f.fileName,
        eventId: f.ownerType === 'complaint_event' ? f.ownerId : null,
        sha256: f.sha256,
      })),
    };
  }

  /** One step of the machine (procedure.md §6.4), dated, by the right role, with its document; one transaction. */
  async step(user: AuthUser, id: string, dto: ComplaintStepDto): Promise<ComplaintDto> {
    await this.load(user, id);
    const ctx = await this.context();
    await this.repo.transaction(async (em) => {
      const c = await this.lockForStep(em, id, dto.version, dto.occurredOn);
      const remote = (await this.communes([c.communeId])).get(c.communeId)?.remote ?? false;
      const rule = ruleOn(ctx.rules, c.kind, c.levelReceivedOn)!;
      const dl = complaintDeadlines(clockOf(c, remote, dto.occurredOn), rule, ctx.rest);
      const check = checkStep(c, dto.action, user.role, {
        resolutionLapsed: !!dl.resolutionDue && dto.occurredOn > dl.resolutionDue,
        appealWindowOver: c.decidedOn
          ? !!dl.appealUntil && dto.occurredOn > dl.appealUntil
          : !!dl.lapsedAppealUntil && dto.occurredOn > dl.lapsedAppealUntil,
        dialogueMandatory: c.level === 2 && rule.params.dialogueMandatoryAtLevel2,
      });
      if (!check.ok)
        throw new AppError(
          check.code === 'COMPLAINT.ROLE_NOT_ALLOWED' ? 'forbidden' : 'conflict',
          check.code,
          check.message,
          check.details ?? {},
        );
      requireInputs(c, dto);
      const from = c.state;
      const before = { state: c.state, level: c.level, outcome: c.outcome };
      // The clock (state, level, acceptance, decision, suspension) moves as the summary replays it; the rest here.
      Object.assign(
        c,
        applyEvent(c, { action: dto.action, toState: check.to, occurredOn: dto.occurredOn, complex: dto.complex }),
      );
      switch (dto.action) {
        case 'decide':
          c.decisionNumber = dto.documentRef!.trim();
          c.outcome = dto.outcome!;
          if (c.level === 1) c.firstDecidedOn = dto.occurredOn;
          if (dto.correction) c.adjustmentPlanId = await this.openAdjustment(em, user, c, dto);
          break;
        case 'appeal':
          // Second level (Luật Khiếu nại 2011 Đ33, Đ36): the province's Chairman; its own clock from the appeal.
          Object.assign(c, { decisionNumber: null, outcome: null, agency: 'provincial_committee' });
          break;
        case 'suspend':
          c.stateBeforeSuspension = from;
          break;
        case 'resume':
          c.stateBeforeSuspension = null;
          break;
        default:
          break;
      }
      if (CLOSED.includes(c.state)) c.closedOn = dto.occurredOn;
      const eventId = await this.repo.insertEvent(em, {
        complaintId: c.id,
        action: dto.action,
        fromState: from,
        toState: c.state,
        level: c.level,
        occurredOn: dto.occurredOn,
        complex: dto.action === 'accept' ? c.complex : null,
        documentRef: dto.documentRef ?? '',
        note: dto.note ?? '',
        actorId: user.id,
        actorRole: user.role,
      });
      await this.repo.save(em, c);
      await this.audit.record(em, user, {
        action: 'update',
        entityType: 'complaint',
        entityId: c.id,
        changes: [
          { field: 'state', from: before.state, to: c.state },
          ...(before.level !== c.level ? [{ field: 'level', from: before.level, to: c.level }] : []),
          ...(before.outcome !== c.outcome ? [{ field: 'outcome', from: before.outcome, to: c.outcome }] : []),
          { field: 'event', from: null, to: eventId },
        ],
      });
    });
    return this.get(user, id);
  }

  /**
   * A competent decision suspending (or lifting the suspension of) the execution of the decision complained about:
   * a complaint alone never stops recovery or enforcement (Luật Đất đai 2024 Đ237; procedure.md §12).
   */
  async setExecutionSuspension(user: AuthUser, id: string, dto: ExecutionSuspensionDto): Promise<ComplaintDto> {
    await this.load(user, id);
    await this.repo.transaction(async (em) => {
      const c = await this.lockForStep(em, id, dto.version, dto.occurredOn);
      if (!c.caseId) {
        throw new AppError(
          'validation',
          'COMPLAINT.NO_CASE',
          'Đơn không gắn với hồ sơ hộ nào: quyết định tạm đình chỉ thi hành phải gắn với hồ sơ bị thu hồi.',
          { field: 'caseId' },
        );
      }
      if (dto.suspended && CLOSED.includes(c.state)) {
        throw new AppError('conflict', 'COMPLAINT.CLOSED', `Đơn ${c.code} đã kết thúc (${STATE_LABELS[c.state]}).`, {
          state: c.state,
        });
      }
      if (c.executionSuspended === dto.suspended) {
        throw new AppError(
          'conflict',
          'COMPLAINT.SUSPENSION_UNCHANGED',
          dto.suspended ? 'Việc thi hành đã đang tạm đình chỉ.' : 'Việc thi hành không bị tạm đình chỉ.',
          {},
        );
      }
      c.executionSuspended = dto.suspended;
      c.executionSuspensionRef = dto.suspended ? `${dto.documentRef} ngày ${formatVnDate(dto.occurredOn)}` : null;
      await this.repo.insertEvent(em, {
        complaintId: c.id,
        action: dto.suspended ? 'execution_suspended' : 'execution_resumed',
        fromState: c.state,
        toState: c.state,
        level: c.level,
        occurredOn: dto.occurredOn,
        documentRef: dto.documentRef,
        note: '',
        actorId: user.id,
        actorRole: user.role,
      });
      await this.repo.save(em, c);
      // The case holds the first of its complaints whose execution is suspended (another may still suspend it).
      const first = await this.repo.firstSuspending(em, c.caseId);
      await this.cases.setExecutionSuspension(
        em,
        c.caseId,
        first ? `quyết định ${first.ref} (đơn ${first.code})` : null,
      );
      await this.audit.record(em, user, {
        action: 'update',
        entityType: 'complaint',
        entityId: c.id,
        changes: [{ field: 'executionSuspended', from: !dto.suspended, to: dto.suspended }],
      });
    });
    return this.get(user, id);
  }

  async upload(
    user: AuthUser,
    id: string,
    dto: UploadComplaintAttachmentDto,
    file: UploadedFile | undefined,
  ): Promise<AttachmentDto> {
    const c = await this.load(user, id);
    if (!COMPLAINT_HANDLERS.includes(user.role) && user.role !== 'district_leader') {
      throw new AppError('forbidden', 'AUTH.ROLE_NOT_ALLOWED', 'Vai trò của bạn chỉ được xem đơn thư.', {});
    }
    if (dto.eventId) {
      if ((await this.repo.complaintOfEvent(dto.eventId)) !== id)
        throw new AppError('validation', 'ATTACHMENT.OWNER_NOT_IN_CASE', 'Bước thủ tục không thuộc đơn này.', {
          field: 'eventId',
        });
    }
    return this.attachments.attach(
      user,
      {
        ownerType: dto.eventId ? 'complaint_event' : 'complaint',
        ownerId: dto.eventId ?? id,
        caseId: c.caseId,
        complaintId: id,
      },
      dto.description ?? '',
      file,
    );
  }

  /** Counts by type, state, project and commune, overdue ones and the average first-level resolution time. */
  async summary(user: AuthUser, q: ComplaintSummaryQueryDto): Promise<ComplaintSummaryDto> {
    const to = q.to ?? this.clock.today();
    const rows = await this.repo.receivedBetween(await this.scope(user), q.projectId, q.from, to);
    // Each complaint as its steps left it at the end of `to`, not as it stands today: the report states the
    // period it covers, whenever it is rendered.
    const events = rows.length
      ? await this.repo.eventsUpTo(
          rows.map((r) => r.id),
          to,
        )
      : [];
    const steps = new Map<string, ComplaintEvent[]>();
    for (const e of events) {
      const list = steps.get(e.complaintId);
      if (list) list.push(e);
      else steps.set(e.complaintId, [e]);
    }
    for (const r of rows) Object.assign(r, clockAsOf(steps.get(r.id) ?? [], to));
    const ctx = await this.context();
    const communes = await this.communes(rows.map((r) => r.communeId));
    const projects = rows.length ? await this.projects.names([...new Set(rows.map((r) => r.projectId))]) : [];
    const count = (key: (c: Complaint) => string, label: (k: string) => string): CountDto[] => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
      return [...m]
        .map(([k, n]) => ({ key: k, label: label(k), count: n }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
    };
    const decided = rows.filter((r) => r.firstDecidedOn && r.firstDecidedOn <= to);
    const days = decided.reduce((s, r) => s.plus(calendarDaysBetween(r.receivedOn, r.firstDecidedOn!)), new Decimal(0));
    return {
      from: q.from ?? null,
      to,
      total: rows.length,
      byKind: count(
        (c) => c.kind,
        (k) => KIND_LABELS[k as ComplaintKind],
      ),
      byState: count(
        (c) => c.state,
        (k) => STATE_LABELS[k as ComplaintState],
      ),
      byProject: count(
        (c) => c.projectId,
        (k) => projects.find((p) => p.id === k)?.code ?? k,
      ),
      byCommune: count(
        (c) => c.communeId,
        (k) => communes.get(k)?.name ?? k,
      ),
      overdue: rows.filter((r) => this.deadlinesOf(r, ctx, communes.get(r.communeId)?.remote ?? false, to).overdue)
        .length,
      averageResolutionDays: decided.length ? days.div(decided.length).toDecimalPlaces(1).toFixed(1) : null,
      resolved: decided.length,
    };
  }

  /** Open complaints' running deadlines (acceptance or resolution) in the user's scope, for the deadlines list. */
  async deadlineItems(user: AuthUser, projectId?: string): Promise<ComplaintDeadlineItem[]> {
    const rows = await this.repo.inStates(await this.scope(user), projectId, [
      'RECEIVED',
      'APPEALED_L2',
      'ACCEPTED',
      'VERIFYING',
      'DIALOGUE',
    ]);
    if (rows.length === 0) return [];
    const ctx = await this.context();
    const communes = await this.communes(rows.map((r) => r.communeId));
    const codes = await this.projects.names([...new Set(rows.map((r) => r.projectId))]);
    const today = this.clock.today();
    return rows.flatMap((c) => {
      const rule = ruleOn(ctx.rules, c.kind, c.levelReceivedOn);
      if (!rule) return [];
      const dl = complaintDeadlines(clockOf(c, communes.get(c.communeId)?.remote ?? false, today), rule, ctx.rest);
      if (!dl.next) return [];
      return [
        {
          complaintId: c.id,
          code: c.code,
          kind: c.kind,
          deadline: dl.next.kind,
          dueOn: dl.next.dueOn,
          agency: c.agency,
          projectCode: codes.find((p) => p.id === c.projectId)?.code ?? '',
          complainantName: c.complainantName,
          basis: rule.basis,
        },
      ];
    });
  }

  // -------------------------------------------------------------------------------------------------------------

  /** Complaints the user may see: commune officers their communes', investors their projects', others all. */
  private async scope(user: AuthUser): Promise<ComplaintScope> {
    const scope = accessScope(user);
    if (scope.kind === 'communes') return { communeIds: scope.communeIds };
    if (scope.kind === 'investor') return { projectIds: await this.projects.idsOfInvestor(scope.agencyId) };
    return {};
  }

  /**
   * The project of the document complained about: its plan's, else (a document about a case) its case's, else (a
   * document about a project) that project; null when none is found.
   */
  private async projectOfDocument(documentId: string): Promise<string | null> {
    const d = await this.documents.findTarget(documentId);
    if (!d) return null;
    return (
      (d.planId ? (await this.plans.findRef(d.planId))?.projectId : null) ??
      (d.entityType === 'case' ? await this.cases.projectOf(d.entityId) : null) ??
      (d.entityType === 'project' ? d.entityId : null)
    );
  }

  private async load(user: AuthUser, id: string): Promise<Complaint> {
    const c = await this.repo.findById(id);
    if (!c) throw notFound('complaint', id, 'đơn thư');
    const visible = await this.repo.isVisible(await this.scope(user), id);
    if (!visible)
      throw new AppError('forbidden', 'AUTH.OUT_OF_SCOPE', 'Đơn thư này không thuộc phạm vi bạn được giao.', {
        complaintId: id,
      });
    return c;
  }

  /**
   * The complaint locked for a step: the version the caller read, and a date on or after the previous step and not in
   * the future.
   */
  private async lockForStep(em: EntityManager, id: string, version: number, on: string): Promise<Complaint> {
    const c = await this.repo.lock(em, id);
    if (!c) throw notFound('complaint', id, 'đơn thư');
    if (c.version !== version) throw staleVersion('complaint', version, c.version);
    if (on > this.clock.today())
      throw new AppError('validation', 'COMPLAINT.DATE_IN_FUTURE', 'Ngày thực hiện không được sau ngày hôm nay.', {
        field: 'occurredOn',
      });
    const last = await this.repo.lastEventOn(em, id);
    if (last && on < last) {
      throw new AppError(
        'validation',
        'COMPLAINT.DATE_BEFORE_PREVIOUS',
        `Ngày thực hiện không được trước bước trước đó (${formatVnDate(last)}).`,
        { field: 'occurredOn', previous: last },
      );
    }
    return c;
  }

  /** The draft adjusted plan of an upheld complaint on a plan line, with the line as the decision sets it. */
  private async openAdjustment(
    em: EntityManager,
    user: AuthUser,
    c: Complaint,
    dto: ComplaintStepDto,
  ): Promise<string> {
    // Read on the step's transaction (its connection, see transaction-scope.ts), as the plan it opens.
    const line = c.planLineId ? await this.plans.findLine(c.planLineId) : null;
    if (!line)
      throw new AppError(
        'conflict',
        'COMPLAINT.PLAN_LINE_NOT_FOUND',
        'Dòng phương án bị khiếu nại không còn trong phương án.',
        { planLineId: c.planLineId },
      );
    // The correction finds its line by category, item and source: refuse when that names several lines of the case
    // (e.g. a crop's full-rate and over-density lines), rather than correct the wrong one.
    if ((await this.plans.sameItemLineCount(line)) > 1) {
      throw new AppError(
        'conflict',
        'COMPLAINT.LINE_AMBIGUOUS',
        'Dòng phương án bị khiếu nại không phân biệt được với dòng khác cùng hạng mục: lập phương án điều chỉnh và sửa số liệu kiểm đếm.',
        { planLineId: c.planLineId },
      );
    }
    return this.plans.openCorrectionPlan(
      em,
      user,
      line.planId,
      line.caseId,
      {
        category: line.category as LineCategory,
        itemCode: line.itemCode,
        sourceId: line.sourceId,
        description: line.description,
        unit: line.unit,
        quantity: dto.correction!.quantity ?? null,
        unitPrice: dto.correction!.unitPrice ?? null,
        basis: `Quyết định giải quyết khiếu nại số ${dto.documentRef} ngày ${formatVnDate(dto.occurredOn)} (đơn ${c.code})`,
        complaintId: c.id,
      },
      `Điều chỉnh ${line.planCode} theo quyết định giải quyết khiếu nại số ${dto.documentRef!.trim()}`,
    );
  }

  private async context(): Promise<Context> {
    const [rows, rest] = await Promise.all([this.repo.rules(), this.calendar.restDays()]);
    return {
      rules: rows.map((r) => ({ kind: r.kind, effectiveFrom: r.effectiveFrom, basis: r.basis, params: r.params })),
      rest,
    };
  }

  private async communes(ids: string[]): Promise<Map<string, { name: string; remote: boolean }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repo.communes([...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private deadlinesOf(c: Complaint, ctx: Context, remote: boolean, asOf: string): ComplaintDto['deadlines'] {
    const rule = ruleOn(ctx.rules, c.kind, c.levelReceivedOn);
    const dl: ComplaintDeadlines | null = rule ? complaintDeadlines(clockOf(c, remote, asOf), rule, ctx.rest) : null;
    const limit =
      rule && c.decisionReceivedOn && c.level === 1 ? limitationEnd(c.decisionReceivedOn, rule, ctx.rest) : null;
    return {
      acceptanceDue: dl?.acceptanceDue ?? c.receivedOn,
      resolutionDue: dl?.resolutionDue ?? null,
      appealUntil: dl?.appealUntil ?? null,
      nextDue: dl?.next?.dueOn ?? null,
      overdue: !!dl?.next && dl.next.dueOn < asOf && c.state !== 'SUSPENDED',
      limitationEnd: limit,
      outOfTime: !!limit && c.receivedOn > limit,
      basis: rule?.basis ?? '',
    };
  }

  private toRow(
    user: AuthUser,
    c: Complaint,
    ctx: Context,
    communes: Map<string, { name: string; remote: boolean }>,
    today: string,
  ): ComplaintRowDto {
    const commune = communes.get(c.communeId);
    return {
      id: c.id,
      code: c.code,
      kind: c.kind,
      kindLabel: KIND_LABELS[c.kind],
      state: c.state,
      stateLabel: STATE_LABELS[c.state],
      level: c.level,
      projectId: c.projectId,
      communeId: c.communeId,
      communeName: commune?.name ?? '',
      remoteCommune: commune?.remote ?? false,
      caseId: c.caseId,
      landUserId: c.landUserId,
      complainantName: c.complainantName,
      complainantAddress: PERSONAL_DATA_ROLES.includes(user.role) ? c.complainantAddress : null,
      receivedOn: c.receivedOn,
      channel: c.channel,
      subjectType: c.subjectType,
      subjectLabel: SUBJECT_LABELS[c.subjectType as keyof typeof SUBJECT_LABELS] ?? c.subjectType,
      documentId: c.documentId,
      planId: c.planId,
      planLineId: c.planLineId,
      content: c.content,
      agency: c.agency,
      agencyLabel: COMPLAINT_AGENCY_LABELS[c.agency] ?? c.agency,
      complex: c.complex,
      acceptedOn: c.acceptedOn,
      decidedOn: c.decidedOn,
      decisionNumber: c.decisionNumber,
      outcome: c.outcome,
      outcomeLabel: c.outcome ? OUTCOME_LABELS[c.outcome as keyof typeof OUTCOME_LABELS] : null,
      deadlines: this.deadlinesOf(c, ctx, commune?.remote ?? false, today),
      executionSuspended: c.executionSuspended,
      executionSuspensionRef: c.executionSuspensionRef,
      version: c.version,
    };
  }
}

/** The clock of the current level, with a suspension still running counted up to `asOf`. */
function clockOf(c: Complaint, remote: boolean, asOf: string) {
  const running = c.suspendedSince ? Math.max(0, calendarDaysBetween(c.suspendedSince, asOf)) : 0;
  return {
    kind: c.kind,
    state: c.state,
    level: c.level,
    complex: c.complex,
    remote,
    levelReceivedOn: c.levelReceivedOn,
    acceptedOn: c.acceptedOn,
    decidedOn: c.decidedOn,
    suspendedDays: c.suspendedDays + running,
  };
}

/** What each step must carry: the reason of a refusal or suspension, the document of a step, the outcome of a decision. */
function requireInputs(c: Complaint, dto: ComplaintStepDto): void {
  const need = (ok: boolean, code: string, field: string, message: string) => {
    if (!ok) throw new AppError('validation', code, message, { field });
  };
  if (dto.action === 'refuse' || dto.action === 'suspend')
    need(
      !!dto.note?.trim(),
      'COMPLAINT.REASON_REQUIRED',
      'note',
      'Ghi rõ lý do (văn bản không thụ lý / tạm đình chỉ phải nêu lý do).',
    );
  if (['accept', 'refuse', 'hold_dialogue', 'decide', 'suspend', 'appeal'].includes(dto.action)) {
    need(
      !!dto.documentRef?.trim(),
      'COMPLAINT.DOCUMENT_REQUIRED',
      'documentRef',
      'Ghi số, ký hiệu văn bản của bước này (thông báo, biên bản, quyết định, đơn).',
    );
  }
  if (dto.action === 'decide') {
    need(!!dto.outcome, 'COMPLAINT.OUTCOME_REQUIRED', 'outcome', 'Chọn kết quả giải quyết (đúng, đúng một phần, sai).');
    need(
      (dto.documentRef ?? '').trim().length <= 60,
      'COMPLAINT.DECISION_NUMBER_TOO_LONG',
      'documentRef',
      'Chỉ ghi số, ký hiệu quyết định (tối đa 60 ký tự), ví dụ 25/QĐ-UBND.',
    );
  }
  if (dto.complex !== undefined && dto.action !== 'accept')
    need(false, 'COMPLAINT.COMPLEX_AT_ACCEPTANCE', 'complex', 'Vụ việc phức tạp được xác định khi thụ lý.');
  if (dto.correction) {
    need(
      dto.action === 'decide',
      'COMPLAINT.CORRECTION_NOT_APPLICABLE',
      'correction',
      'Chỉ ghi dòng phương án đúng khi ban hành quyết định giải quyết.',
    );
    need(
      dto.outcome === 'upheld' || dto.outcome === 'partly_upheld',
      'COMPLAINT.CORRECTION_NOT_APPLICABLE',
      'correction',
      'Chỉ điều chỉnh phương án khi khiếu nại đúng hoặc đúng một phần.',
    );
    need(
      !!c.planLineId,
      'COMPLAINT.CORRECTION_NOT_APPLICABLE',
      'correction',
      'Đơn không gắn với dòng phương án nào để điều chỉnh.',
    );
    need(
      dto.correction.quantity !== undefined || dto.correction.unitPrice !== undefined,
      'COMPLAINT.CORRECTION_EMPTY',
      'correction',
      'Ghi khối lượng hoặc đơn giá đúng theo quyết định.',
    );
  }
}
