import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Allow } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../core/auth/roles.js';
import { AdminUnit } from './admin-unit.entity.js';
import { Agency } from './agency.entity.js';
import { AgencyDto, CommuneDto, mapAgency, mapCommune } from './dto/reference.dto.js';

/** Reference data (danh mục): communes and agencies. Read-only here; seeded from seeds/. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('communes')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [CommuneDto] })
  async communes(): Promise<CommuneDto[]> {
    const rows = await this.db.getRepository(AdminUnit).find({ where: { level: 'commune' }, order: { name: 'ASC' } });
    return rows.map(mapCommune);
  }

  @Get('agencies')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [AgencyDto] })
  async agencies(): Promise<AgencyDto[]> {
    const rows = await this.db.getRepository(Agency).find({ order: { code: 'ASC' } });
    return rows.map(mapAgency);
  }
}
