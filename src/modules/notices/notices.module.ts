import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { NumberingModule } from '../numbering/numbering.module.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { NoticesController } from './notices.controller.js';
import { NoticesService } from './notices.service.js';

/**
 * The notices before recovery (procedure.md §4 step 3): the thông báo thu hồi đất of each household and, when a
 * household refuses the survey, the decision ordering it. Above cases and parcels, whose facts the notices state.
 */
@Module({
  imports: [CasesModule, ParcelsModule, ProjectsModule, DocumentsModule, NumberingModule, ReferenceModule],
  controllers: [NoticesController],
  providers: [NoticesService],
})
export class NoticesModule {}
