import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import {
  CasePaymentsDto,
  PaymentDto,
  PaymentListFileDto,
  PaymentListRequestDto,
  PaymentNoticeDto,
  PaymentNoticeViewDto,
  ReconciliationDto,
  RecordPaymentDto,
} from './dto/payment.dto.js';
import { PaymentsService } from './payments.service.js';

@ApiTags('payments')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** A payment or a Treasury deposit; a retry with the same Idempotency-Key returns the recorded one (header Idempotent-Replayed). */
  @ApiOperation({ summary: 'Ghi nhận một lần chi trả (chống ghi trùng bằng Idempotency-Key)' })
  @Post('cases/:caseId/payments')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'Khóa duy nhất cho lần chi này (gửi lại đúng khóa khi thử lại)',
  })
  @ApiOkResponse({ type: PaymentDto })
  async record(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: RecordPaymentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PaymentDto> {
    const { payment, replayed } = await this.payments.record(user, caseId, key, dto);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return payment;
  }

  /** Thông báo chi trả: time and place of payment, handover date; the Center's numbered notice, rendered as PDF. */
  @ApiOperation({ summary: 'Lập thông báo chi trả tiền bồi thường, hỗ trợ cho hộ' })
  @Post('cases/:caseId/payment-notices')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: PaymentNoticeViewDto })
  notify(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Body() dto: PaymentNoticeDto,
  ): Promise<PaymentNoticeViewDto> {
    return this.payments.notify(user, caseId, dto);
  }

  @ApiOperation({ summary: 'Chi trả của hồ sơ: số phải chi, đã chi, còn phải chi, các lần chi' })
  @Get('cases/:caseId/payments')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: CasePaymentsDto })
  forCase(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<CasePaymentsDto> {
    return this.payments.forCase(user, caseId);
  }

  /** Danh sách chi trả (PDF and XLSX, one number of the Center), rendered by the document workers. */
  @ApiOperation({ summary: 'Lập danh sách chi trả của phương án (PDF và Excel)' })
  @Post('plans/:planId/payment-lists')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: [PaymentListFileDto] })
  list(
    @CurrentUser() user: AuthUser,
    @Param('planId', uuidParam()) planId: string,
    @Body() dto: PaymentListRequestDto,
  ): Promise<PaymentListFileDto[]> {
    return this.payments.issueList(user, planId, dto);
  }

  @ApiOperation({ summary: 'Đối chiếu số phải chi, đã chi của phương án' })
  @Get('plans/:planId/reconciliation')
  @Allow('center_staff', 'center_lead', 'land_office', 'district_leader', 'investor', 'admin', 'auditor')
  @ApiOkResponse({ type: ReconciliationDto })
  reconciliation(
    @CurrentUser() user: AuthUser,
    @Param('planId', uuidParam()) planId: string,
  ): Promise<ReconciliationDto> {
    return this.payments.reconciliation(user, planId);
  }
}
