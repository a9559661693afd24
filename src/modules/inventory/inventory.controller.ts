import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

  @Get('cases/:caseId/inventories')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [InventoryDto] })
  list(@CurrentUser() user: AuthUser, @Param('caseId', uuidParam()) caseId: string): Promise<InventoryDto[]> {
    return this.inventories.list(user, caseId);
  }

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

  @Get('inventories/:id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: InventoryDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<InventoryDto> {
    return this.inventories.get(user, id);
  }

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
