import { NumberingModule } from '../numbering/numbering.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { LandUsersModule } from '../land-users/land-users.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RegimesModule } from '../regimes/regimes.module.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [LandUsersModule, ProjectsModule, RegimesModule, DocumentsModule, CalendarModule, NumberingModule],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService],
  exports: [CasesService],
})
export class CasesModule {}
