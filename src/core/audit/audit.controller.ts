import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow } from '../auth/policy.js';
import { AuditService } from './audit.service.js';
import { AuditEntryDto, AuditQueryDto, mapAuditEntry } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** "Who changed parcel 85's area from 9,222 to 9,322 m², and when?": newest first. */
  @ApiOperation({ summary: 'Nhật ký thay đổi của một bản ghi (ai, lúc nào, sửa gì)' })
  @Get()
  @Allow('center_staff', 'center_lead', 'land_office', 'admin', 'auditor')
  @ApiOkResponse({ type: [AuditEntryDto] })
  async history(@Query() q: AuditQueryDto): Promise<AuditEntryDto[]> {
    const rows = await this.audit.history(q.entity, q.id, q.field, q.limit ?? 50, q.before);
    return rows.map(mapAuditEntry);
  }
}
