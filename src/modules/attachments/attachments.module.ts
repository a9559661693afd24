import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { InventoryModule } from '../inventory/inventory.module.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  imports: [CasesModule, InventoryModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsService],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
