import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { NumberingModule } from '../numbering/numbering.module.js';
import { InventoryController } from './inventory.controller.js';
import { InventoryService } from './inventory.service.js';

@Module({
  imports: [CasesModule, DocumentsModule, NumberingModule],
  controllers: [InventoryController],
  providers: [InventoryService],
})
export class InventoryModule {}
