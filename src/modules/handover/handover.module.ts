import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { PricingModule } from '../pricing/pricing.module.js';
import { RegimesModule } from '../regimes/regimes.module.js';
import { HandoverDocumentsService } from './handover-documents.service.js';
import { HandoverController } from './handover.controller.js';
import { HandoverRepository } from './handover.repository.js';
import { HandoverService } from './handover.service.js';

@Module({
  imports: [CasesModule, ParcelsModule, CalendarModule, DocumentsModule, RegimesModule, PlansModule, PricingModule],
  controllers: [HandoverController],
  providers: [HandoverDocumentsService, HandoverRepository, HandoverService],
})
export class HandoverModule {}
