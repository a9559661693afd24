import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { AppError } from '../../core/errors/app-error.js';
import { uuidParam } from '../../core/validation/validators.js';
import { ALL_ROLES } from '../../shared/roles.js';
import {
  AgencyDto,
  CommuneDto,
  CreateSignatoryDto,
  EndSignatoryTermDto,
  IssuerQueryDto,
  LandTypeDto,
  mapAgency,
  mapCommune,
  SignatoryDto,
  SignatoryQueryDto,
  SignerChoiceDto,
} from './dto/reference.dto.js';
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

  @ApiOperation({ summary: 'Cơ quan ban hành văn bản loại này cho xã (UBND huyện, Trung tâm PTQĐ): để chọn người ký' })
  @Get('agencies/issuer')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: SignerChoiceDto })
  async issuer(@Query() q: IssuerQueryDto): Promise<SignerChoiceDto> {
    const body = await this.reference.issuingBody(q.kind, q.placeId);
    if (!body)
      throw new AppError('not_found', 'REFERENCE.ISSUER_UNKNOWN', 'Không xác định được cơ quan ban hành văn bản.');
    return body;
  }

  @ApiOperation({ summary: 'Danh sách người ký theo cơ quan và nhiệm kỳ (Chủ tịch, Phó Chủ tịch, Giám đốc…)' })
  @Get('signatories')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [SignatoryDto] })
  signatories(@Query() q: SignatoryQueryDto): Promise<SignatoryDto[]> {
    return this.reference.signatories(q);
  }

  @ApiOperation({ summary: 'Ghi người giữ chức (người ký) của cơ quan từ một ngày' })
  @Post('signatories')
  @Allow('admin')
  @ApiOkResponse({ type: SignatoryDto })
  addSignatory(@CurrentUser() user: AuthUser, @Body() dto: CreateSignatoryDto): Promise<SignatoryDto> {
    return this.reference.addSignatory(user, dto);
  }

  @ApiOperation({ summary: 'Ghi ngày thôi giữ chức của người ký' })
  @Post('signatories/:id/end')
  @Allow('admin')
  @ApiOkResponse({ type: SignatoryDto })
  endSignatoryTerm(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: EndSignatoryTermDto,
  ): Promise<SignatoryDto> {
    return this.reference.endSignatoryTerm(user, id, dto.effectiveTo);
  }
}
