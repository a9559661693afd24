import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../core/validation/validators.js';
import { QueueService } from '../../core/queue/queue.service.js';
import { AppError } from '../../core/errors/app-error.js';
import { DOCUMENT_TYPES, type DocumentType } from './document.entity.js';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiQuery, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import type { DocumentRecord } from './document.entity.js';

class ReissueDto {
  @ApiProperty({ example: '2024-09-05', description: 'Ngày ban hành văn bản thay thế' })
  @IsCalendarDate()
  issuedOn!: string;
  @ApiProperty({ description: 'Lý do (sai tên, sai diện tích…)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

class BatchDto {
  @ApiProperty({ enum: DOCUMENT_TYPES }) @IsIn(DOCUMENT_TYPES) type!: DocumentType;
}

class BatchResultDto {
  @ApiProperty() jobId!: string;
  @ApiProperty() documents!: number;
  @ApiProperty() pending!: number;
}

class JobDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'waiting | active | completed | failed | delayed' }) state!: string;
  @ApiProperty({ description: 'Tiến độ (%)' }) progress!: unknown;
  @ApiProperty() attemptsMade!: number;
  @ApiProperty({ nullable: true }) result!: unknown;
  @ApiProperty({ type: String, nullable: true }) failedReason!: string | null;
}
import { DocumentsService } from './documents.service.js';

class DocumentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: DocumentType;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, nullable: true }) planId!: string | null;
  @ApiProperty({ example: '05/QĐ-UBND' }) number!: string;
  @ApiProperty() issuedOn!: string;
  @ApiProperty({ enum: ['pending', 'rendered', 'failed'] }) status!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ type: Number, nullable: true }) pageCount!: number | null;
  @ApiProperty() recordVersion!: number;
  @ApiProperty({ type: String, nullable: true }) replacesId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Phó Chủ tịch Nông Thị Hạnh (ký thay)',
    description: 'Người ký (người đứng đầu, hoặc cấp phó ký thay); không có với biên bản (các bên cùng ký)',
  })
  signedBy!: string | null;
}

const map = (d: DocumentRecord): DocumentDto => ({
  id: d.id,
  type: d.type,
  entityType: d.entityType,
  entityId: d.entityId,
  planId: d.planId,
  number: d.number,
  issuedOn: d.issuedOn,
  status: d.status,
  fileName: d.fileName,
  sha256: d.sha256,
  pageCount: d.pageCount,
  recordVersion: d.recordVersion,
  replacesId: d.replacesId,
  signedBy: d.signer ? `${d.signer.title} ${d.signer.name}${d.signer.deputy ? ' (ký thay)' : ''}` : null,
});

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly queues: QueueService,
  ) {}

  /** Render all documents of a type for a plan, as one job with progress (GET /jobs/:id). */
  @ApiOperation({
    summary: 'Kết xuất các văn bản cùng loại của phương án (một việc chạy nền, xem tiến độ ở /jobs/{id})',
  })
  @Post('plans/:planId/documents/render')
  @Allow('center_staff', 'center_lead', 'admin')
  @ApiOkResponse({ type: BatchResultDto })
  batch(
    @CurrentUser() user: AuthUser,
    @Param('planId', uuidParam()) planId: string,
    @Body() dto: BatchDto,
  ): Promise<BatchResultDto> {
    return this.documents.batch(user, planId, dto.type);
  }

  /** A job's state and progress (document rendering, batches). */
  @ApiOperation({ summary: 'Tình trạng một việc kết xuất văn bản đang chạy' })
  @Get('jobs/:id')
  @Allow('center_staff', 'center_lead', 'land_office', 'district_leader', 'admin', 'auditor')
  @ApiOkResponse({ type: JobDto })
  async job(@Param('id') id: string): Promise<JobDto> {
    if (!/^[A-Za-z0-9._-]{1,200}$/.test(id))
      throw new AppError('validation', 'VALIDATION.ID_INVALID', 'Mã công việc không hợp lệ.');
    const status = (await this.queues.status('documents', id)) ?? (await this.queues.status('system', id));
    if (!status) throw new AppError('not_found', 'JOB.NOT_FOUND', 'Không tìm thấy công việc này.', { id });
    return status;
  }

  @ApiOperation({ summary: 'Danh sách văn bản đã ban hành (lọc theo phương án, hồ sơ…)' })
  @Get('documents')
  @Allow(...ALL_ROLES)
  @ApiQuery({ name: 'planId', required: false })
  @ApiQuery({ name: 'entityType', required: false })
  @ApiQuery({ name: 'entityId', required: false })
  @ApiOkResponse({ type: [DocumentDto] })
  async list(
    @CurrentUser() user: AuthUser,
    @Query('planId') planId?: string,
    @Query('entityType') entityType?: string,
    @Query('entityId') entityId?: string,
  ): Promise<DocumentDto[]> {
    const uuid = (v?: string) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);
    return (
      await this.documents.list(user, {
        planId: uuid(planId),
        entityType: entityType?.slice(0, 40),
        entityId: uuid(entityId),
      })
    ).map(map);
  }

  @ApiOperation({ summary: 'Một văn bản: số, ngày, loại, tình trạng kết xuất' })
  @Get('documents/:id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: DocumentDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<DocumentDto> {
    return map(await this.documents.get(user, id));
  }

  /** A corrected document: a new number, a new file, the old one kept and linked. */
  @ApiOperation({ summary: 'Kết xuất lại tệp của văn bản (giữ nguyên số, ngày)' })
  @Post('documents/:id/reissue')
  @Allow('center_lead', 'land_office', 'district_leader', 'admin')
  @ApiOkResponse({ type: DocumentDto })
  async reissue(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: ReissueDto,
  ): Promise<DocumentDto> {
    return map(await this.documents.reissue(user, id, dto.issuedOn, dto.reason));
  }

  /** The file (PDF, or XLSX for a payment list's workbook), with its Vietnamese file name and its SHA-256. */
  @ApiOperation({ summary: 'Tải tệp PDF hoặc Excel của văn bản' })
  @Get('documents/:id/file')
  @Allow(...ALL_ROLES)
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { doc, stream } = await this.documents.open(user, id);
    res.setHeader(
      'Content-Type',
      doc.fileName.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'application/pdf',
    );
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
    res.setHeader('X-Content-SHA256', doc.sha256 ?? '');
    return new StreamableFile(stream);
  }
}
