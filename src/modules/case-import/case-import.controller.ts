import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES, CASE_EDITORS } from '../../shared/roles.js';
import { AppError } from '../../core/errors/app-error.js';
import { uuidParam } from '../../core/validation/validators.js';
import { CaseImportService } from './case-import.service.js';

class ImportResultDto {
  @ApiProperty() households!: number;
  @ApiProperty() parcels!: number;
  @ApiProperty() inventories!: number;
  @ApiProperty() items!: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sendXlsx = (res: Response, name: string, content: Buffer) => {
  res.setHeader('Content-Type', XLSX);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return new StreamableFile(content);
};

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CaseImportController {
  constructor(private readonly imports: CaseImportService) {}

  /** Households, parcels and inventory items from the template; the whole file or nothing. */
  @ApiOperation({ summary: 'Nhập hồ sơ hộ từ Excel (kiểm tra hết trước khi ghi)' })
  @Post('projects/:projectId/cases/import')
  @Allow(...CASE_EDITORS)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 50 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: ImportResultDto })
  async import(
    @CurrentUser() user: AuthUser,
    @Param('projectId', uuidParam()) projectId: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ImportResultDto> {
    if (!file)
      throw new AppError('validation', 'IMPORT.FILE_REQUIRED', 'Chưa chọn tệp Excel để nhập (trường "file").', {
        field: 'file',
      });
    return this.imports.import(user, projectId, file.buffer);
  }

  @ApiOperation({ summary: 'Xuất danh sách hồ sơ ra Excel' })
  @Get('projects/:projectId/cases/export.xlsx')
  @Allow(...ALL_ROLES)
  async export(
    @CurrentUser() user: AuthUser,
    @Param('projectId', uuidParam()) projectId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendXlsx(res, 'ho-so-kiem-dem.xlsx', await this.imports.export(user, projectId));
  }

  @ApiOperation({ summary: 'Tải mẫu Excel nhập hồ sơ hộ' })
  @Get('cases/import-template.xlsx')
  @Allow(...ALL_ROLES)
  async template(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendXlsx(res, 'mau-nhap-ho-so-kiem-dem.xlsx', await this.imports.template());
  }
}
