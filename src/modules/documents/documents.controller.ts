import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../core/auth/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import type { DocumentRecord } from './document.entity.js';
import { DocumentsService } from './documents.service.js';

class DocumentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['recovery_decision', 'plan_approval'] }) type!: string;
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
});

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Allow(...ALL_ROLES)
  @ApiQuery({ name: 'planId', required: false })
  @ApiQuery({ name: 'entityType', required: false })
  @ApiQuery({ name: 'entityId', required: false })
  @ApiOkResponse({ type: [DocumentDto] })
  async list(@CurrentUser() user: AuthUser, @Query('planId') planId?: string, @Query('entityType') entityType?: string, @Query('entityId') entityId?: string): Promise<DocumentDto[]> {
    const uuid = (v?: string) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);
    return (await this.documents.list(user, { planId: uuid(planId), entityType: entityType?.slice(0, 40), entityId: uuid(entityId) })).map(map);
  }

  @Get(':id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: DocumentDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<DocumentDto> {
    return map(await this.documents.get(user, id));
  }

  /** The PDF, with its Vietnamese file name and its SHA-256. */
  @Get(':id/file')
  @Allow(...ALL_ROLES)
  async file(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { doc, stream } = await this.documents.open(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
    res.setHeader('X-Content-SHA256', doc.sha256 ?? '');
    return new StreamableFile(stream);
  }
}
