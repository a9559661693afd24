import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { PricingModule } from '../pricing/pricing.module.js';
import { RegimesModule } from '../regimes/regimes.module.js';
import { HandoverController } from './handover.controller.js';
import { HandoverService } from './handover.service.js';

@Module({
  imports: [CasesModule, CalendarModule, DocumentsModule, RegimesModule, PlansModule, PricingModule],
  controllers: [HandoverController],
  providers: [HandoverService],
})
export class HandoverModule {}
