import { Body, Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES, CASE_EDITORS } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { AttachmentsService, type UploadedFile as File } from './attachments.service.js';
import { AttachmentDto, UploadAttachmentDto } from './dto/attachment.dto.js';

/** Limit enforced while reading the upload (a bit above the configured one, which the service checks exactly). */
const HARD_LIMIT = 200 * 1024 * 1024;

@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @ApiOperation({ summary: 'Danh sách tệp đính kèm của hồ sơ' })
  @Get('cases/:caseId/attachments')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [AttachmentDto] })
  list(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<AttachmentDto[]> {
    return this.attachments.list(user, caseId);
  }

  @ApiOperation({ summary: 'Tải lên tệp đính kèm (bản scan đã ký) cho hồ sơ' })
  @Post('cases/:caseId/attachments')
  @Allow(...CASE_EDITORS)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: HARD_LIMIT, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        ownerType: { type: 'string', enum: ['case', 'inventory', 'case_transition'] },
        ownerId: { type: 'string', format: 'uuid' },
        description: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({ type: AttachmentDto })
  upload(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Body() dto: UploadAttachmentDto,
    @UploadedFile() file: File | undefined,
  ): Promise<AttachmentDto> {
    return this.attachments.upload(user, caseId, dto, file);
  }

  @ApiOperation({ summary: 'Tải tệp đính kèm (bản scan đã ký) của hồ sơ' })
  @Get('attachments/:id/file')
  @Allow(...ALL_ROLES)
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.open(user, id);
    res.setHeader('Content-Type', attachment.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
    res.setHeader('X-Content-SHA256', attachment.sha256);
    return new StreamableFile(stream);
  }
}
