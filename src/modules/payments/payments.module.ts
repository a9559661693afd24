import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { PaymentsController } from './payments.controller.js';
import { NumberingModule } from '../numbering/numbering.module.js';
import { PaymentListService } from './payment-list.service.js';
import { PaymentNoticeService } from './payment-notice.service.js';
import { PaymentsRepository } from './payments.repository.js';
import { PaymentsService } from './payments.service.js';

@Module({
  imports: [
    CasesModule,
    CalendarModule,
    DocumentsModule,
    PlansModule,
    NumberingModule,
    ProjectsModule,
    ReferenceModule,
  ],
  controllers: [PaymentsController],
  providers: [PaymentsService, PaymentListService, PaymentNoticeService, PaymentsRepository],
})
export class PaymentsModule {}
