import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { CreatePriceBookDto, PriceBookDto, UpdatePriceBookDto, VersionDto } from './dto/price-book.dto.js';
import { PricingService } from './pricing.service.js';

@ApiTags('price-books')
@ApiBearerAuth()
@Controller('price-books')
export class PricingController {
  constructor(private readonly pricing: PricingService) {}

  @ApiOperation({ summary: 'Danh sách bảng giá' })
  @Get()
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [PriceBookDto] })
  list(): Promise<PriceBookDto[]> {
    return this.pricing.list();
  }

  @ApiOperation({ summary: 'Một bảng giá với toàn bộ đơn giá và căn cứ' })
  @Get(':id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: PriceBookDto })
  get(@Param('id', uuidParam()) id: string): Promise<PriceBookDto> {
    return this.pricing.get(id);
  }

  @ApiOperation({ summary: 'Thêm bảng giá (dự thảo)' })
  @Post()
  @Allow('center_lead', 'land_office', 'admin')
  @ApiOkResponse({ type: PriceBookDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePriceBookDto): Promise<PriceBookDto> {
    return this.pricing.create(user, dto);
  }

  @ApiOperation({ summary: 'Sửa bảng giá dự thảo' })
  @Patch(':id')
  @Allow('center_lead', 'land_office', 'admin')
  @ApiOkResponse({ type: PriceBookDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdatePriceBookDto,
  ): Promise<PriceBookDto> {
    return this.pricing.update(user, id, dto);
  }

  /** Validates the whole book and freezes it; refused with every finding when incomplete. */
  @ApiOperation({ summary: 'Đưa bảng giá vào áp dụng' })
  @Post(':id/activate')
  @Allow('center_lead', 'land_office', 'admin')
  @ApiOkResponse({ type: PriceBookDto })
  activate(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: VersionDto,
  ): Promise<PriceBookDto> {
    return this.pricing.activate(user, id, dto.version);
  }
}
