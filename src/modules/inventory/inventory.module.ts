import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { NumberingModule } from '../numbering/numbering.module.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { InventoryMinutesService } from './inventory-minutes.service.js';
import { InventoryController } from './inventory.controller.js';
import { InventoryRepository } from './inventory.repository.js';
import { InventoryService } from './inventory.service.js';

@Module({
  imports: [CasesModule, DocumentsModule, NumberingModule, ParcelsModule, ReferenceModule],
  controllers: [InventoryController],
  providers: [InventoryRepository, InventoryService, InventoryMinutesService],
  exports: [InventoryService],
})
export class InventoryModule {}
