import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { InventoryController } from './inventory.controller.js';
import { InventoryService } from './inventory.service.js';

@Module({ imports: [CasesModule], controllers: [InventoryController], providers: [InventoryService] })
export class InventoryModule {}
