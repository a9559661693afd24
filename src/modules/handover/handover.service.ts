import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { Clock } from '../../core/clock/clock.js';
import { AppError } from '../../core/errors/app-error.js';
import { trimDecimal } from '../../shared/decimal.js';
import { formatVnDate } from '../../shared/dates.js';
import { formatArea } from '../../shared/vn-words.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { enforcementRefusals } from '../calendar/domain/enforcement-calendar.js';
import { CasesService } from '../cases/cases.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { ParcelsService } from '../parcels/parcels.service.js';
import type { CaseMachineDef } from '../regimes/domain/case-machine.js';
import { RegimesService } from '../regimes/regimes.service.js';
import { PlansService } from '../plans/plans.service.js';
import { PricingService } from '../pricing/pricing.service.js';
import { earlyHandoverBonus } from './domain/early-handover-bonus.js';
import {
  EarlyHandoverBonusesDto,
  EnforcementCheckDto,
  HandoverStateDto,
  RecordEnforcementDto,
  RecordHandoverDto,
} from './dto/handover.dto.js';
import { EarlyHandoverBonusLine } from './early-handover-bonus.entity.js';
import { Handover } from './handover.entity.js';
import { HandoverRepository } from './handover.repository.js';

/**
 * Bàn giao mặt bằng (LĐĐ 2013 Đ69 k3 c) and, when the household refuses, enforcement (Đ71): handovers per parcel that
 * add up, once the household is paid or its money deposited; the minutes issued with each act; enforcement recorded
 * only on a day and hour the enforcement calendar allows.
 */
@Injectable()
export class HandoverService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly documents: DocumentsService,
    private readonly calendar: CalendarService,
    private readonly regimes: RegimesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly plans: PlansService,
    private readonly pricing: PricingService,
    private readonly parcels: ParcelsService,
    private readonly repo: HandoverRepository,
  ) {}

  /** Partial handovers add up per parcel, never beyond its recovered area; only once the case is settled. */
  async record(user: AuthUser, caseId: string, dto: RecordHandoverDto): Promise<HandoverStateDto> {
    const { case: access } = await this.cases.access(user, caseId, 'write');
    if (dto.handedOverOn > this.clock.today())
      throw new AppError('validation', 'HANDOVER.DATE_IN_FUTURE', 'Ngày bàn giao không được sau ngày hôm nay.', {
        field: 'handedOverOn',
      });
    const minutesId = await this.db.transaction(async (em) => {
      const { case: c, machine, taken } = await this.cases.standing(em, caseId);
      const decidedOn = await this.plans.recoveryDecidedOn(caseId);
      const blocked = handoverBlocked(decidedOn, machine, c.state);
      if (blocked) throw blocked;
      if (decidedOn && dto.handedOverOn < decidedOn)
        throw new AppError(
          'validation',
          'HANDOVER.BEFORE_DECISION',
          'Ngày bàn giao trước ngày quyết định thu hồi đất.',
          { field: 'handedOverOn' },
        );
      if (dto.enforced && !taken.has('enforce')) {
        throw new AppError(
          'conflict',
          'HANDOVER.NOT_ENFORCED',
          'Chưa ghi nhận việc tổ chức cưỡng chế nên không thể ghi bàn giao sau cưỡng chế.',
          { field: 'enforced' },
        );
      }
      const parcels = await this.parcelsHanded(caseId);
      for (const item of dto.parcels) {
        const p = parcels.find((x) => x.id === item.parcelId);
        if (!p)
          throw new AppError('validation', 'HANDOVER.PARCEL_NOT_IN_CASE', 'Thửa đất không thuộc hồ sơ này.', {
            parcelId: item.parcelId,
          });
        const after = new Decimal(p.handed).plus(item.area);
        if (new Decimal(item.area).lte(0) || after.gt(p.recovered)) {
          throw new AppError(
            'validation',
            'HANDOVER.AREA_EXCEEDS_RECOVERED',
            `Thửa ${p.parcelNumber} tờ ${p.mapSheet}: bàn giao thêm ${formatArea(trimDecimal(item.area))} m² vượt diện tích thu hồi còn lại (${formatArea(new Decimal(p.recovered).minus(p.handed).toFixed())} m²).`,
            { parcelId: p.id, recovered: trimDecimal(p.recovered), handedOver: trimDecimal(p.handed) },
          );
        }
        p.handed = new Decimal(p.handed).plus(item.area).toFixed();
      }
      const minutes = await this.documents.issueHandoverMinutes(
        em,
        user,
        caseId,
        dto.handedOverOn,
        dto.enforced ?? false,
      );
      await em.getRepository(Handover).insert(
        dto.parcels.map((item) => ({
          caseId,
          projectId: access.projectId,
          parcelId: item.parcelId,
          handedOverOn: dto.handedOverOn,
          area: item.area,
          minutesAttachmentId: dto.minutesAttachmentId ?? null,
          minutesDocumentId: minutes.id,
          enforced: dto.enforced ?? false,
          recordedBy: user.id,
        })),
      );
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'handover',
        entityId: caseId,
        changes: dto.parcels.map((p) => ({
          field: `parcel:${p.parcelId}`,
          from: null,
          to: `${formatArea(p.area)} m² ngày ${formatVnDate(dto.handedOverOn)}`,
        })),
      });
      // The whole recovered area handed over: the case has handed over its site.
      if (parcels.every((p) => new Decimal(p.handed).gte(p.recovered))) {
        await this.cases.systemTransition(em, user, caseId, 'handover_completed', dto.handedOverOn, minutes.number);
        if (taken.has('payment_completed')) await this.recordBonus(em, caseId, dto.handedOverOn);
      }
      return minutes.id;
    });
    await this.documents.enqueue(minutesId);
    return this.state(user, caseId);
  }

  /** The case's parcels, each with its recovered area and the area handed over so far (exact text). */
  private async parcelsHanded(
    caseId: string,
  ): Promise<{ id: string; parcelNumber: string; mapSheet: string; recovered: string; handed: string }[]> {
    const parcels = await this.parcels.ofCase(caseId);
    const handed = parcels.length
      ? await this.repo.handedByParcel(parcels.map((p) => p.id))
      : new Map<string, string>();
    return parcels.map((p) => ({
      id: p.id,
      parcelNumber: p.parcelNumber,
      mapSheet: p.mapSheet,
      recovered: p.recoveredArea,
      handed: handed.get(p.id) ?? '0',
    }));
  }

  /**
   * A household paid in full that completes its handover: its early-handover bonus from the rule of the price book of
   * its latest approved plan, over that plan's compensation and support (deductions and rounding excluded).
   */
  private async recordBonus(em: EntityManager, caseId: string, handedOverOn: string): Promise<void> {
    const approved = await this.plans.latestApproved(caseId);
    const rule = approved && (await this.pricing.earlyHandoverRule(approved.priceBookId));
    const paidOn = await this.cases.lastStepOn(caseId, 'payment_completed');
    if (!approved || !rule || !paidOn) return;
    const compensation = await this.plans.compensationAndSupport(approved.planId, caseId);
    const b = earlyHandoverBonus(rule, { compensation, paidOn, handedOverOn });
    await em.getRepository(EarlyHandoverBonusLine).upsert(
      {
        caseId,
        planId: approved.planId,
        eligible: b.eligible,
        amount: b.amount,
        compensation,
        paidOn,
        handedOverOn,
        days: b.days,
        inputs: b.inputs,
        basis: b.basis,
        explanation: b.explanation,
      },
      ['caseId'],
    );
  }

  /** The early-handover bonus lines of a plan's households, for the bonus decision (quyết định thưởng). */
  async bonuses(user: AuthUser, planId: string): Promise<EarlyHandoverBonusesDto> {
    await this.plans.assertVisible(user, planId);
    const lines = new Map((await this.repo.bonusLines(planId)).map((l) => [l.caseId, l]));
    // In the order of the case list (the holder's name), each line with the holder's name.
    const holders = lines.size ? await this.cases.holders([...lines.keys()]) : [];
    const rows = holders.map((h) => {
      const { caseId, ...line } = lines.get(h.caseId)!;
      return { caseId, fullName: h.name, ...line };
    });
    return {
      planId,
      eligibleCount: rows.filter((r) => r.eligible).length,
      total: rows.reduce((s, r) => s.plus(r.amount), new Decimal(0)).toFixed(),
      lines: rows,
    };
  }

  async state(user: AuthUser, caseId: string): Promise<HandoverStateDto> {
    const { case: c, project } = await this.cases.access(user, caseId, 'read');
    const machine = await this.regimes.caseMachine(project.regimeCode);
    const blocked = handoverBlocked(await this.plans.recoveryDecidedOn(caseId), machine, c.state);
    const recovered = await this.parcels.recoveredArea(caseId);
    const records = await this.repo.records(caseId);
    const handed = records.reduce((s, r) => s.plus(r.area), new Decimal(0));
    const bonus = await this.db.getRepository(EarlyHandoverBonusLine).findOneBy({ caseId });
    return {
      caseId,
      recovered: trimDecimal(recovered),
      handedOver: handed.toFixed(),
      complete: handed.gte(recovered) && handed.gt(0),
      blockedBy: blocked?.message ?? null,
      records: records.map((r) => ({ ...r, area: trimDecimal(r.area) })),
      earlyHandoverBonus: bonus
        ? {
            eligible: bonus.eligible,
            amount: bonus.amount,
            days: bonus.days,
            explanation: bonus.explanation,
            basis: bonus.basis,
          }
        : null,
    };
  }

  /** Whether enforcement may start on a date and hour (for planning it), with the reasons when it may not. */
  async checkEnforcement(user: AuthUser, caseId: string, date: string, time: string): Promise<EnforcementCheckDto> {
    const { project } = await this.cases.access(user, caseId, 'read');
    const machine = await this.regimes.caseMachine(project.regimeCode);
    return this.enforcementCheck(machine, date, time);
  }

  /**
   * Cưỡng chế thu hồi đất carried out (LĐĐ 2013 Đ71 k3–k4): only after the enforcement decision, and only on a day
   * and at an hour the calendar allows (no nights, holidays, ethnic traditional days, or the days around Tết).
   */
  async enforce(user: AuthUser, caseId: string, dto: RecordEnforcementDto): Promise<EnforcementCheckDto> {
    await this.cases.access(user, caseId, 'write');
    return this.db.transaction(async (em) => {
      const { case: c, machine } = await this.cases.standing(em, caseId);
      this.cases.assertExecutionNotSuspended(c);
      if (!machine.actions.enforce?.from.includes(c.state)) {
        throw new AppError(
          'conflict',
          'CASE.TRANSITION_NOT_ALLOWED',
          `Chưa có quyết định cưỡng chế thu hồi đất: không thể ghi nhận cưỡng chế khi hồ sơ đang ở bước "${machine.states[c.state]?.label ?? c.state}".`,
          { state: c.state },
        );
      }
      const check = await this.enforcementCheck(machine, dto.enforcedOn, dto.startTime);
      if (!check.allowed) {
        throw new AppError('conflict', 'ENFORCEMENT.DATE_FORBIDDEN', check.refusals.map((r) => r.message).join(' '), {
          refusals: check.refusals,
          basis: check.basis,
        });
      }
      await this.cases.systemTransition(
        em,
        user,
        caseId,
        'enforce',
        dto.enforcedOn,
        dto.minutesRef,
        `Bắt đầu lúc ${dto.startTime}. ${dto.note ?? ''}`.trim(),
      );
      return check;
    });
  }

  private async enforcementCheck(machine: CaseMachineDef, date: string, time: string): Promise<EnforcementCheckDto> {
    const rules = machine.enforcementCalendar;
    if (!rules) return { date, time, allowed: true, refusals: [], basis: '' };
    const refusals = enforcementRefusals(date, time, rules, await this.calendar.enforcementDays());
    return { date, time, allowed: refusals.length === 0, refusals, basis: rules.basis };
  }
}

/**
 * Why the site cannot be handed over now, or null: not before the recovery decision, and only once the household is
 * paid or its refused money deposited (procedure.md §4 step 20) — the states the regime's handover step starts from.
 */
function handoverBlocked(decidedOn: string | null, machine: CaseMachineDef, state: string): AppError | null {
  if (!decidedOn)
    return new AppError(
      'conflict',
      'HANDOVER.NOT_APPROVED',
      'Hồ sơ chưa có quyết định thu hồi đất nên chưa nhận bàn giao.',
      {},
    );
  if (!machine.actions.handover_completed?.from.includes(state))
    return new AppError(
      'conflict',
      'HANDOVER.NOT_SETTLED',
      `Hộ chưa nhận đủ tiền bồi thường, hỗ trợ (hoặc tiền chưa được gửi Kho bạc): chưa nhận bàn giao mặt bằng. Bước hiện tại: "${machine.states[state]?.label ?? state}".`,
      { state },
    );
  return null;
}
