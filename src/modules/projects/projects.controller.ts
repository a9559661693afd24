import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import {
  CreateMilestoneDto,
  CreateProjectDto,
  MilestoneDto,
  ProjectDto,
  UpdateMilestoneDto,
  UpdateProjectDto,
} from './dto/project.dto.js';
import { ProjectsService } from './projects.service.js';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @ApiOperation({ summary: 'Danh sách dự án được xem' })
  @Get()
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [ProjectDto] })
  list(@CurrentUser() user: AuthUser): Promise<ProjectDto[]> {
    return this.projects.list(user);
  }

  @ApiOperation({ summary: 'Một dự án: chủ đầu tư, xã, căn cứ, mốc tiến độ' })
  @Get(':id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: ProjectDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ProjectDto> {
    return this.projects.get(user, id);
  }

  @ApiOperation({ summary: 'Thêm dự án' })
  @Post()
  @Allow('center_lead', 'admin')
  @ApiOkResponse({ type: ProjectDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(user, dto);
  }

  @ApiOperation({ summary: 'Sửa thông tin dự án' })
  @Patch(':id')
  @Allow('center_lead', 'admin')
  @ApiOkResponse({ type: ProjectDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<ProjectDto> {
    return this.projects.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Các mốc tiến độ của dự án' })
  @Get(':id/milestones')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: [MilestoneDto] })
  milestones(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<MilestoneDto[]> {
    return this.projects.milestones(user, id);
  }

  @ApiOperation({ summary: 'Thêm mốc tiến độ cho dự án' })
  @Post(':id/milestones')
  @Allow('center_lead', 'admin')
  @ApiOkResponse({ type: MilestoneDto })
  addMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: CreateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.projects.addMilestone(user, id, dto);
  }

  @ApiOperation({ summary: 'Sửa mốc tiến độ' })
  @Patch(':id/milestones/:milestoneId')
  @Allow('center_lead', 'admin')
  @ApiOkResponse({ type: MilestoneDto })
  updateMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('milestoneId', uuidParam()) milestoneId: string,
    @Body() dto: UpdateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.projects.updateMilestone(user, id, milestoneId, dto);
  }

  @ApiOperation({ summary: 'Xóa mốc tiến độ' })
  @Delete(':id/milestones/:milestoneId')
  @Allow('center_lead', 'admin')
  @HttpCode(204)
  async removeMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('milestoneId', uuidParam()) milestoneId: string,
  ): Promise<void> {
    await this.projects.removeMilestone(user, id, milestoneId);
  }
}
