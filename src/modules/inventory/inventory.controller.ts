import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES, CASE_EDITORS } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { InventoryDto, InventoryInputDto, SignInventoryDto, UpdateInventoryDto } from './dto/inventory.dto.js';
import { InventoryService } from './inventory.service.js';

@ApiTags('inventories')
@ApiBearerAuth()
@Controller()
export class InventoryController {
  constructor(private readonly inventories: InventoryService) {}

  @ApiOperation({ summary: 'Các lần kiểm đếm (biên bản) của hồ sơ' })
  @Get('cases/:caseId/inventories')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [InventoryDto] })
  list(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<InventoryDto[]> {
    return this.inventories.list(user, caseId);
  }

  @ApiOperation({ summary: 'Lập biên bản kiểm đếm mới (lần đầu hoặc bổ sung, điều chỉnh)' })
  @Post('cases/:caseId/inventories')
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: InventoryDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('caseId', uuidParam()) caseId: string,
    @Body() dto: InventoryInputDto,
  ): Promise<InventoryDto> {
    return this.inventories.create(user, caseId, dto);
  }

  @ApiOperation({ summary: 'Một biên bản kiểm đếm: các tài sản, người tham gia, tình trạng ký' })
  @Get('inventories/:id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: InventoryDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<InventoryDto> {
    return this.inventories.get(user, id);
  }

  @ApiOperation({ summary: 'Sửa biên bản kiểm đếm đang soạn' })
  @Put('inventories/:id')
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: InventoryDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateInventoryDto,
  ): Promise<InventoryDto> {
    return this.inventories.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Ký biên bản kiểm đếm (sau khi ký không sửa được)' })
  @Post('inventories/:id/sign')
  @Allow(...CASE_EDITORS)
  @ApiOkResponse({ type: InventoryDto })
  sign(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: SignInventoryDto,
  ): Promise<InventoryDto> {
    return this.inventories.sign(user, id, dto);
  }
}
