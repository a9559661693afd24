import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { NumberingModule } from '../numbering/numbering.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [DocumentsModule, ComplaintsModule, NumberingModule, ProgressModule, ProjectsModule, ReferenceModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository],
})
export class ReportsModule {}
