import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import { Clock } from '../../core/clock/clock.js';
import type { AuthUser } from '../../core/auth/policy.js';
import { AppError } from '../../core/errors/app-error.js';
import { trimDecimal } from '../../shared/decimal.js';
import { formatDong } from '../../shared/vn-words.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { calendarDeadline } from '../calendar/domain/calendar.js';
import { CasesService } from '../cases/cases.service.js';
import { lateAmount, type LateRate } from './domain/late-payment.js';
import { DocumentsService } from '../documents/documents.service.js';
import {
  CasePaymentsDto,
  mapNotice,
  mapPayment,
  PaymentDto,
  PaymentListFileDto,
  PaymentListRequestDto,
  PaymentNoticeDto,
  PaymentNoticeViewDto,
  ReconciliationDto,
  RecordPaymentDto,
} from './dto/payment.dto.js';
import { type ApprovedFigure, PlansService } from '../plans/plans.service.js';
import { PaymentListService } from './payment-list.service.js';
import { LatePaymentRate, Payment } from './payment.entity.js';
import { PaymentsRepository } from './payments.repository.js';

/**
 * Chi trả (LĐĐ 2013 Đ93): payments and Treasury deposits against the approved net amount of a case, never more;
 * each recorded once per Idempotency-Key; the late-payment amount computed from the dated rate table when paid after
 * the 30-day deadline from the recovery decision.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
    private readonly plans: PlansService,
    private readonly paymentList: PaymentListService,
    private readonly repo: PaymentsRepository,
    private readonly clock: Clock,
  ) {}

  async record(
    user: AuthUser,
    caseId: string,
    key: string | undefined,
    dto: RecordPaymentDto,
  ): Promise<{ payment: PaymentDto; replayed: boolean }> {
    if (!key || !/^[A-Za-z0-9._:-]{8,100}$/.test(key)) {
      throw new AppError(
        'validation',
        'PAYMENT.IDEMPOTENCY_KEY_REQUIRED',
        'Thiếu khóa chống ghi trùng (header Idempotency-Key, 8–100 ký tự).',
        { field: 'Idempotency-Key' },
      );
    }
    await this.cases.access(user, caseId, 'write');
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ caseId, ...dto }))
      .digest('hex');
    const rest = await this.calendar.restDays();
    return this.db.transaction(async (em) => {
      // The same key is served one request at a time: a retry waits, then finds the payment already recorded.
      await this.repo.lockIdempotencyKey(em, key);
      const existing = await em.getRepository(Payment).findOneBy({ idempotencyKey: key });
      if (existing) {
        if (existing.requestHash !== requestHash) {
          throw new AppError(
            'conflict',
            'PAYMENT.IDEMPOTENCY_MISMATCH',
            'Khóa chống ghi trùng này đã dùng cho một khoản chi khác.',
            { paymentId: existing.id },
          );
        }
        return { payment: mapPayment(existing), replayed: true };
      }
      const { case: c, machine, taken } = await this.cases.standing(em, caseId);
      const approved = await this.approved(caseId);
      // Payment happens at the time and place the notice gave (LĐĐ 2013 Đ69 k3 b); the Treasury holds only money the
      // household refused (Đ93 k3), in full.
      if (!taken.has('notify_payment')) {
        throw new AppError(
          'conflict',
          'PAYMENT.NOT_NOTIFIED',
          'Chưa thông báo chi trả cho hộ: lập thông báo chi trả (thời gian, địa điểm) trước khi chi.',
          { caseId },
        );
      }
      if (dto.method === 'treasury_deposit' && !machine.actions.deposit_recorded?.from.includes(c.state)) {
        throw new AppError(
          'conflict',
          'PAYMENT.DEPOSIT_WITHOUT_REFUSAL',
          'Chỉ gửi tiền vào tài khoản tạm giữ tại Kho bạc khi hộ không nhận tiền: lập biên bản không nhận tiền (và vận động) trước.',
          { state: c.state },
        );
      }
      if (dto.paidOn < approved.approvedOn) {
        throw new AppError('validation', 'PAYMENT.BEFORE_DECISION', 'Ngày chi trả trước ngày quyết định thu hồi đất.', {
          field: 'paidOn',
          approvedOn: approved.approvedOn,
        });
      }
      if (new Decimal(dto.amount).lte(0))
        throw new AppError('validation', 'PAYMENT.AMOUNT_NOT_POSITIVE', 'Số tiền chi phải lớn hơn 0.', {
          field: 'amount',
        });
      // What the household is owed (issue 18 §4): the approved figure not yet paid, and the late amounts accrued on
      // principal paid after the deadline and not yet paid. A payment settles principal first; the principal it
      // settles late accrues its own late amount, owed at once, so one payment may carry both.
      const before = await this.repo.settlement(em, caseId);
      const principalOwed = new Decimal(approved.net).minus(before.principal);
      const lateOwed = new Decimal(before.lateAccrued).minus(before.latePaid);
      const principal = Decimal.max(0, Decimal.min(dto.amount, principalOwed));
      // 30 days from the recovery decision (V2013: same day as the approval); deposits count as settled that day.
      const deadline = calendarDeadline(approved.approvedOn, 30, rest);
      const late = lateAmount(principal.toFixed(), deadline, dto.paidOn, await this.lateRates(em));
      const owed = Decimal.max(0, principalOwed).plus(lateOwed).plus(late.amount);
      if (new Decimal(dto.amount).gt(owed)) {
        const lateNote = lateOwed.plus(late.amount).gt(0)
          ? `, gồm ${formatDong(lateOwed.plus(late.amount).toFixed())} đồng tiền chậm chi trả`
          : '';
        throw new AppError(
          'conflict',
          'PAYMENT.OVERPAYMENT',
          `Số tiền chi (${formatDong(dto.amount)} đồng) vượt số còn phải chi (${formatDong(owed.toFixed())} đồng${lateNote}) theo phương án đã duyệt.`,
          {
            approved: approved.net,
            paid: before.principal,
            outstanding: owed.toFixed(),
            lateOutstanding: lateOwed.plus(late.amount).toFixed(),
            requested: dto.amount,
          },
        );
      }
      if (dto.method === 'treasury_deposit' && !new Decimal(dto.amount).eq(owed)) {
        throw new AppError(
          'validation',
          'PAYMENT.DEPOSIT_NOT_FULL',
          `Số tiền gửi Kho bạc phải bằng toàn bộ số tiền hộ chưa nhận (${formatDong(owed.toFixed())} đồng).`,
          { field: 'amount', outstanding: owed.toFixed() },
        );
      }
      const saved = await em.getRepository(Payment).save(
        em.getRepository(Payment).create({
          caseId,
          planId: approved.planId,
          ...dto,
          principal: principal.toFixed(),
          lateAmount: late.amount,
          lateDays: late.days,
          lateBasis: late.parts,
          idempotencyKey: key,
          requestHash,
          recordedBy: user.id,
        }),
      );
      await this.audit.record(em, user, {
        action: 'create',
        entityType: 'payment',
        entityId: saved.id,
        changes: [
          { field: 'amount', from: null, to: dto.amount },
          { field: 'principal', from: null, to: principal.toFixed() },
          { field: 'method', from: null, to: dto.method },
          { field: 'lateAmount', from: null, to: late.amount },
        ],
      });
      // Settled when nothing is owed any more, principal and late amounts alike: paid in full (→ PAID), or the
      // refused money deposited (→ DEPOSITED).
      if (new Decimal(dto.amount).eq(owed)) {
        const step = dto.method === 'treasury_deposit' ? 'deposit_recorded' : 'payment_completed';
        await this.cases.systemTransition(em, user, caseId, step, dto.paidOn, `${dto.voucherNumber}`);
      }
      return { payment: mapPayment(saved), replayed: false };
    });
  }

  /**
   * Thông báo chi trả (LĐĐ 2013 Đ69 k3 b): when and where the household is paid and by when it hands over the site;
   * issued by the Center with its number, rendered by a worker. A later notice (another session) is a new document.
   */
  async notify(user: AuthUser, caseId: string, dto: PaymentNoticeDto): Promise<PaymentNoticeViewDto> {
    await this.cases.access(user, caseId, 'write');
    if (dto.paymentOn < dto.issuedOn)
      throw new AppError('validation', 'PAYMENT.NOTICE_DATES', 'Ngày chi trả không được trước ngày thông báo.', {
        field: 'paymentOn',
      });
    if (dto.handoverBy < dto.paymentOn)
      throw new AppError('validation', 'PAYMENT.NOTICE_DATES', 'Hạn bàn giao mặt bằng không được trước ngày chi trả.', {
        field: 'handoverBy',
      });
    const doc = await this.db.transaction(async (em) => {
      await this.cases.lockCase(em, caseId);
      const approved = await this.approved(caseId);
      if (dto.issuedOn < approved.approvedOn) {
        throw new AppError(
          'validation',
          'PAYMENT.BEFORE_DECISION',
          'Ngày thông báo chi trả trước ngày quyết định thu hồi đất.',
          { field: 'issuedOn', approvedOn: approved.approvedOn },
        );
      }
      const issued = await this.documents.issuePaymentNotice(
        em,
        user,
        caseId,
        dto.issuedOn,
        {
          paymentOn: dto.paymentOn,
          paymentTime: dto.paymentTime,
          place: dto.place,
          handoverBy: dto.handoverBy,
        },
        dto.signatoryId,
      );
      await this.cases.systemTransition(em, user, caseId, 'notify_payment', dto.issuedOn, issued.number);
      // Nothing to pay (deductions take the whole amount): the household is settled by the notice itself.
      if (new Decimal(approved.net).lte(0))
        await this.cases.systemTransition(em, user, caseId, 'payment_completed', dto.issuedOn, issued.number);
      return issued;
    });
    await this.documents.enqueue(doc.id);
    return mapNotice(doc);
  }

  async forCase(user: AuthUser, caseId: string): Promise<CasePaymentsDto> {
    const { case: c } = await this.cases.access(user, caseId, 'read');
    const approved = await this.approved(caseId);
    const rows = await this.db
      .getRepository(Payment)
      .find({ where: { caseId }, order: { paidOn: 'ASC', recordedAt: 'ASC' } });
    const sum = (f: (p: Payment) => boolean, v: (p: Payment) => string) =>
      rows.filter(f).reduce((s, p) => s.plus(v(p)), new Decimal(0));
    const all = () => true;
    // Owed: the approved figure and the late amounts accrued; received: every payment and deposit.
    const paid = sum(
      (p) => p.method !== 'treasury_deposit',
      (p) => p.amount,
    );
    const deposited = sum(
      (p) => p.method === 'treasury_deposit',
      (p) => p.amount,
    );
    const lateAccrued = sum(all, (p) => p.lateAmount);
    const latePaid = sum(all, (p) => new Decimal(p.amount).minus(p.principal).toFixed());
    const rest = await this.calendar.restDays();
    // What settles the case if paid today: the figure not yet paid, the late amounts owed, and the late amount the
    // figure accrues by today (the payment form offers it).
    const today = this.clock.today();
    const principalOwed = Decimal.max(0, new Decimal(approved.net).minus(sum(all, (p) => p.principal)));
    const lateToday = lateAmount(
      principalOwed.toFixed(),
      calendarDeadline(approved.approvedOn, 30, rest),
      today,
      await this.lateRates(),
    ).amount;
    const lateOwed = lateAccrued.minus(latePaid);
    return {
      payableToday: {
        on: today,
        amount: principalOwed.plus(lateOwed).plus(lateToday).toFixed(),
        late: lateOwed.plus(lateToday).toFixed(),
      },
      approved: approved.net,
      paid: paid.toFixed(),
      deposited: deposited.toFixed(),
      outstanding: new Decimal(approved.net).plus(lateAccrued).minus(paid).minus(deposited).toFixed(),
      deadline: calendarDeadline(approved.approvedOn, 30, rest),
      lateAmount: lateAccrued.toFixed(),
      latePaid: latePaid.toFixed(),
      lateOutstanding: lateAccrued.minus(latePaid).toFixed(),
      notices: (await this.documents.list(user, { entityType: 'case', entityId: caseId }))
        .filter((d) => d.type === 'payment_notice')
        .map(mapNotice),
      payments: rows.map(mapPayment),
      // The Center of the household's district issues the payment notice (its director, or a deputy for them).
      noticeSigner: await this.documents.issuingBody('land_fund_center', c.communeId),
    };
  }

  /** Danh sách chi trả of an approved plan, as PDF and XLSX rendered by the document workers. */
  async issueList(user: AuthUser, planId: string, dto: PaymentListRequestDto): Promise<PaymentListFileDto[]> {
    await this.reconciliation(user, planId); // refuses a plan the user may not see, or not approved
    const docs = await this.paymentList.issue(user, planId, dto.issuedOn);
    return docs.map((d) => ({
      documentId: d.id,
      type: d.type,
      number: d.number,
      fileName: d.fileName,
      status: d.status,
    }));
  }

  /** Approved, paid, deposited, outstanding for a plan (đối chiếu chi trả). */
  async reconciliation(user: AuthUser, planId: string): Promise<ReconciliationDto> {
    const plan = await this.plans.assertVisible(user, planId);
    if (!['APPROVED', 'PUBLISHED'].includes(plan.status))
      throw new AppError(
        'conflict',
        'PAYMENT.PLAN_NOT_APPROVED',
        'Phương án chưa được phê duyệt nên chưa có số liệu chi trả.',
        { planId },
      );
    const nets = await this.plans.caseNets(planId);
    const totals = await this.repo.planTotals(planId);
    const approvedTotal = nets.reduce((sum, c) => sum + BigInt(c.net), 0n);
    return {
      planId,
      approved: approvedTotal.toString(),
      caseCount: nets.length,
      paid: totals.paid,
      deposited: totals.deposited,
      lateAmount: totals.lateAmount,
      latePaid: totals.latePaid,
      // Owed (the approved figures and the late amounts accrued) less received (payments and deposits).
      outstanding: (
        approvedTotal +
        BigInt(totals.lateAmount) -
        BigInt(totals.paid) -
        BigInt(totals.deposited)
      ).toString(),
      casesFullySettled: nets.filter((c) => {
        const s = totals.byCase.get(c.caseId);
        return BigInt(c.net) <= BigInt(s?.principal ?? '0') && BigInt(s?.lateOwed ?? '0') <= 0n;
      }).length,
    };
  }

  /** The dated late-payment rates (Luật Quản lý thuế), as lateAmount takes them. */
  private async lateRates(em: EntityManager = this.db.manager): Promise<LateRate[]> {
    return (await em.getRepository(LatePaymentRate).find()).map((r) => ({
      effectiveFrom: r.effectiveFrom,
      percentPerDay: trimDecimal(r.percentPerDay),
      basis: r.basis,
    }));
  }

  /** The approved figure payments settle against (PlansService.latestApproved), or a coded refusal. */
  private async approved(caseId: string): Promise<ApprovedFigure> {
    const row = await this.plans.latestApproved(caseId);
    if (!row)
      throw new AppError(
        'conflict',
        'PAYMENT.NOT_APPROVED',
        'Hồ sơ chưa thuộc phương án đã phê duyệt nên chưa thể chi trả.',
        { caseId },
      );
    return row;
  }
}
