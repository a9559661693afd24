import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES, CASE_EDITORS } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { CreateParcelDto, ParcelDto, UpdateParcelDto } from './dto/parcel.dto.js';
import { ParcelsService } from './parcels.service.js';

@ApiTags('parcels')
@ApiBearerAuth()
@Controller()
export class ParcelsController {
  constructor(private readonly parcels: ParcelsService) {}

  @ApiOperation({ summary: 'Các thửa đất thu hồi của hồ sơ' })
  @Get('cases/:caseId/parcels')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [ParcelDto] })
  list(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<ParcelDto[]> {
    return this.parcels.list(user, caseId);
  }

  @ApiOperation({ summary: 'Thêm thửa đất thu hồi vào hồ sơ' })
  @Post('cases/:caseId/parcels')
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: ParcelDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Body() dto: CreateParcelDto,
  ): Promise<ParcelDto> {
    return this.parcels.create(user, caseId, dto);
  }

  @ApiOperation({ summary: 'Sửa thửa đất' })
  @Patch('parcels/:id')
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: ParcelDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateParcelDto,
  ): Promise<ParcelDto> {
    return this.parcels.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Xóa thửa đất khỏi hồ sơ' })
  @Delete('parcels/:id')
  @Allow(...CASE_EDITORS)
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.parcels.remove(user, id);
  }
}
