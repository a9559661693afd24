import { CalendarModule } from '../calendar/calendar.module.js';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { InventoryModule } from '../inventory/inventory.module.js';
import { NumberingModule } from '../numbering/numbering.module.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { PricingModule } from '../pricing/pricing.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { RegimesModule } from '../regimes/regimes.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { PlanDocumentsService } from './plan-documents.service.js';
import { PlansController } from './plans.controller.js';
import { PlansRepository } from './plans.repository.js';
import { PlansService } from './plans.service.js';
import { WorkflowService } from './workflow.service.js';

@Module({
  imports: [
    ProjectsModule,
    PricingModule,
    CasesModule,
    ParcelsModule,
    InventoryModule,
    NumberingModule,
    RegimesModule,
    DocumentsModule,
    ReferenceModule,
    CalendarModule,
  ],
  controllers: [PlansController],
  providers: [PlansRepository, PlansService, WorkflowService, PlanDocumentsService],
  exports: [PlansService, WorkflowService],
})
export class PlansModule {}
