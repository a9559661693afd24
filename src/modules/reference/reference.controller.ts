import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { AgencyDto, CommuneDto, LandTypeDto, mapAgency, mapCommune } from './dto/reference.dto.js';
import { ReferenceService } from './reference.service.js';

/** Reference data (danh mục): communes, agencies, land types. Read-only here; seeded from seeds/. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @ApiOperation({ summary: 'Danh sách xã, thị trấn của huyện' })
  @Get('communes')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [CommuneDto] })
  async communes(): Promise<CommuneDto[]> {
    return (await this.reference.communes()).map(mapCommune);
  }

  @ApiOperation({ summary: 'Danh mục loại đất (TT 28/2014/TT-BTNMT)' })
  @Get('land-types')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [LandTypeDto] })
  async landTypes(): Promise<LandTypeDto[]> {
    return (await this.reference.landTypes()).map(({ code, name, group }) => ({ code, name, group }));
  }

  @ApiOperation({ summary: 'Danh sách cơ quan, đơn vị (Trung tâm, các phòng, UBND xã, chủ đầu tư)' })
  @Get('agencies')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [AgencyDto] })
  async agencies(): Promise<AgencyDto[]> {
    return (await this.reference.agencies()).map(mapAgency);
  }
}
