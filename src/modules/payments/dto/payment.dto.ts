import { Optional } from '../../../core/validation/validators.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { DocumentRecord } from '../../documents/document.entity.js';
import { IsCalendarDate, IsVndAmount } from '../../../core/validation/validators.js';
import { PAYMENT_METHODS, type Payment, type PaymentMethod } from '../payment.entity.js';
import { SignerChoiceDto } from '../../reference/dto/reference.dto.js';

export class RecordPaymentDto {
  @ApiProperty({
    enum: PAYMENT_METHODS,
    description: 'Tiền mặt, chuyển khoản, hoặc gửi vào tài khoản tạm giữ tại Kho bạc (hộ không nhận)',
  })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;
  @ApiProperty({ example: '50000000', description: 'Số tiền (đồng)' }) @IsVndAmount() amount!: string;
  @ApiProperty({ example: '2024-09-10' }) @IsCalendarDate() paidOn!: string;
  @ApiProperty({ example: 'PC-0123', description: 'Số phiếu chi / chứng từ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  voucherNumber!: string;
  @ApiProperty({ description: 'Người nhận (hoặc Kho bạc nhà nước khi gửi tiền)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  recipient!: string;
}

export class PaymentNoticeDto {
  @ApiProperty({ example: '2025-07-01', description: 'Ngày ký thông báo' }) @IsCalendarDate() issuedOn!: string;
  @ApiProperty({ example: '2025-07-10', description: 'Ngày chi trả' }) @IsCalendarDate() paymentOn!: string;
  @ApiProperty({ example: '08:00', description: 'Giờ chi trả (HH:MM)' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ phải theo dạng HH:MM (ví dụ 08:00).' })
  paymentTime!: string;
  @ApiProperty({ example: 'Hội trường UBND xã Gia Cát', description: 'Địa điểm chi trả' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  place!: string;
  @ApiProperty({ example: '2025-07-25', description: 'Hạn bàn giao mặt bằng' }) @IsCalendarDate() handoverBy!: string;
  @ApiPropertyOptional({
    description:
      'Người ký văn bản do hệ thống ban hành (cấp phó ký thay, KT.); mặc định: người đứng đầu đang giữ chức vào ngày ban hành',
  })
  @Optional()
  @IsUUID()
  signatoryId?: string;
}

export class PaymentNoticeViewDto {
  @ApiProperty() documentId!: string;
  @ApiProperty({ example: '12/TB-TTPTQĐ' }) number!: string;
  @ApiProperty() issuedOn!: string;
  @ApiProperty() paymentOn!: string;
  @ApiProperty() paymentTime!: string;
  @ApiProperty() place!: string;
  @ApiProperty() handoverBy!: string;
  @ApiProperty({ enum: ['pending', 'rendered', 'failed'] }) status!: string;
}

export const mapNotice = (d: DocumentRecord): PaymentNoticeViewDto => ({
  documentId: d.id,
  number: d.number,
  issuedOn: d.issuedOn,
  paymentOn: d.facts.paymentOn,
  paymentTime: d.facts.paymentTime,
  place: d.facts.place,
  handoverBy: d.facts.handoverBy,
  status: d.status,
});

export class PaymentListRequestDto {
  @ApiProperty({ example: '2025-07-10', description: 'Ngày lập danh sách (số liệu chi trả đã ghi đến lúc lập)' })
  @IsCalendarDate()
  issuedOn!: string;
}

export class PaymentListFileDto {
  @ApiProperty() documentId!: string;
  @ApiProperty({ enum: ['payment_list', 'payment_list_workbook'] }) type!: string;
  @ApiProperty({ example: '03/DS-TTPTQĐ' }) number!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['pending', 'rendered', 'failed'] }) status!: string;
}

export class PaymentDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethod;
  @ApiProperty({ description: 'Số tiền chi (đồng)' }) amount!: string;
  @ApiProperty({ description: 'Phần trả số tiền được duyệt; phần còn lại trả tiền chậm chi trả' }) principal!: string;
  @ApiProperty() paidOn!: string;
  @ApiProperty() voucherNumber!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty({ description: 'Tiền chậm trả (đồng)' }) lateAmount!: string;
  @ApiProperty() lateDays!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) lateBasis!: unknown[];
}

export class PayableDto {
  @ApiProperty({ description: 'Ngày chi (hôm nay)' }) on!: string;
  @ApiProperty({ description: 'Số tiền chi ngày đó thì hộ nhận đủ (đồng)' }) amount!: string;
  @ApiProperty({ description: 'Trong đó tiền chậm chi trả (đồng)' }) late!: string;
}

export class CasePaymentsDto {
  @ApiProperty({ type: PayableDto, description: 'Chi hôm nay thì phải chi bao nhiêu để hộ nhận đủ' })
  payableToday!: PayableDto;
  @ApiProperty({ description: 'Số tiền được duyệt (đồng)' }) approved!: string;
  @ApiProperty() paid!: string;
  @ApiProperty({ description: 'Đã gửi Kho bạc' }) deposited!: string;
  @ApiProperty({ description: 'Còn phải chi: số tiền được duyệt chưa chi cộng tiền chậm chi trả chưa chi' })
  outstanding!: string;
  @ApiProperty({ description: 'Hạn chi trả (30 ngày từ quyết định thu hồi đất)' }) deadline!: string;
  @ApiProperty({ description: 'Tiền chậm chi trả phát sinh (đồng)' }) lateAmount!: string;
  @ApiProperty({ description: 'Tiền chậm chi trả đã chi' }) latePaid!: string;
  @ApiProperty({ description: 'Tiền chậm chi trả còn phải chi' }) lateOutstanding!: string;
  @ApiProperty({ type: [PaymentNoticeViewDto], description: 'Thông báo chi trả đã ban hành' })
  notices!: PaymentNoticeViewDto[];
  @ApiProperty({ type: [PaymentDto] }) payments!: PaymentDto[];
  @ApiProperty({
    type: SignerChoiceDto,
    nullable: true,
    description: 'Cơ quan ban hành thông báo chi trả (chọn người ký: Giám đốc hoặc Phó Giám đốc ký thay)',
  })
  noticeSigner!: SignerChoiceDto | null;
}

export class ReconciliationDto {
  @ApiProperty() planId!: string;
  @ApiProperty() approved!: string;
  @ApiProperty() paid!: string;
  @ApiProperty() deposited!: string;
  @ApiProperty({ description: 'Còn phải chi, gồm tiền chậm chi trả chưa chi' }) outstanding!: string;
  @ApiProperty({ description: 'Tiền chậm chi trả phát sinh' }) lateAmount!: string;
  @ApiProperty({ description: 'Tiền chậm chi trả đã chi' }) latePaid!: string;
  @ApiProperty() casesFullySettled!: number;
  @ApiProperty() caseCount!: number;
}

export const mapPayment = (p: Payment): PaymentDto => ({
  id: p.id,
  caseId: p.caseId,
  planId: p.planId,
  method: p.method,
  amount: p.amount,
  principal: p.principal,
  paidOn: p.paidOn,
  voucherNumber: p.voucherNumber,
  recipient: p.recipient,
  lateAmount: p.lateAmount,
  lateDays: p.lateDays,
  lateBasis: p.lateBasis,
});
