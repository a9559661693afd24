import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Allow, type AuthUser, CurrentUser } from '../../core/auth/policy.js';
import { ALL_ROLES } from '../../shared/roles.js';
import { uuidParam } from '../../core/validation/validators.js';
import { type UploadedFile as File } from '../attachments/attachments.service.js';
import { AttachmentDto } from '../attachments/dto/attachment.dto.js';
import { ComplaintsService } from './complaints.service.js';
import { COMPLAINT_HANDLERS } from './domain/complaint-machine.js';
import {
  ComplaintDto,
  ComplaintListDto,
  ComplaintQueryDto,
  ComplaintStepDto,
  ComplaintSummaryDto,
  ComplaintSummaryQueryDto,
  ExecutionSuspensionDto,
  RegisterComplaintDto,
  UploadComplaintAttachmentDto,
} from './dto/complaint.dto.js';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  /** Register a complaint, denunciation or petition (commune officers: their communes only). */
  @ApiOperation({ summary: 'Tiếp nhận đơn khiếu nại, tố cáo, kiến nghị' })
  @Post()
  @Allow(...COMPLAINT_HANDLERS)
  @ApiOkResponse({ type: ComplaintDto })
  register(@CurrentUser() user: AuthUser, @Body() dto: RegisterComplaintDto): Promise<ComplaintDto> {
    return this.complaints.register(user, dto);
  }

  @ApiOperation({ summary: 'Danh sách đơn khiếu nại, tố cáo, kiến nghị (lọc, phân trang)' })
  @Get()
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: ComplaintListDto })
  list(@CurrentUser() user: AuthUser, @Query() q: ComplaintQueryDto): Promise<ComplaintListDto> {
    return this.complaints.list(user, q);
  }

  /** Counts by type, state, project and commune, overdue, average resolution time. */
  @ApiOperation({ summary: 'Tổng hợp đơn theo tình trạng và thời hạn giải quyết' })
  @Get('summary')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: ComplaintSummaryDto })
  summary(@CurrentUser() user: AuthUser, @Query() q: ComplaintSummaryQueryDto): Promise<ComplaintSummaryDto> {
    return this.complaints.summary(user, q);
  }

  @ApiOperation({ summary: 'Một đơn: nội dung, các bước giải quyết, thời hạn' })
  @Get(':id')
  @Allow(...ALL_ROLES)
  @ApiOkResponse({ type: ComplaintDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ComplaintDto> {
    return this.complaints.get(user, id);
  }

  /** One step: accept, refuse, start_verification, hold_dialogue, decide, appeal, sue, finalize, withdraw, suspend, resume. */
  @ApiOperation({ summary: 'Thực hiện một bước giải quyết đơn (thụ lý, xác minh, đối thoại, quyết định…)' })
  @Post(':id/steps')
  @Allow('center_staff', 'center_lead', 'land_office', 'commune_officer', 'district_leader', 'admin')
  @ApiOkResponse({ type: ComplaintDto })
  step(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: ComplaintStepDto,
  ): Promise<ComplaintDto> {
    return this.complaints.step(user, id, dto);
  }

  /** A decision suspending (or no longer suspending) the execution of the decision complained about. */
  @ApiOperation({ summary: 'Tạm đình chỉ hoặc tiếp tục thi hành quyết định bị khiếu nại' })
  @Post(':id/execution-suspension')
  @Allow('district_leader', 'admin')
  @ApiOkResponse({ type: ComplaintDto })
  suspension(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: ExecutionSuspensionDto,
  ): Promise<ComplaintDto> {
    return this.complaints.setExecutionSuspension(user, id, dto);
  }

  /** The signed scan of the complaint or of one of its steps (PDF, JPEG, PNG). */
  @ApiOperation({ summary: 'Tải lên văn bản của đơn (quyết định, biên bản…)' })
  @Post(':id/attachments')
  @Allow('center_staff', 'center_lead', 'land_office', 'commune_officer', 'district_leader', 'admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 200 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        eventId: { type: 'string', format: 'uuid' },
        description: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({ type: AttachmentDto })
  upload(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UploadComplaintAttachmentDto,
    @UploadedFile() file: File | undefined,
  ): Promise<AttachmentDto> {
    return this.complaints.upload(user, id, dto, file);
  }
}
