import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { InventoryModule } from '../inventory/inventory.module.js';
import { LandUsersModule } from '../land-users/land-users.module.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RegimesModule } from '../regimes/regimes.module.js';
import { CaseImportController } from './case-import.controller.js';
import { CaseImportService } from './case-import.service.js';

/**
 * The Excel intake and export of a project's households, parcels and inventory items: a use case over land users,
 * cases, parcels and inventory, so it sits above their modules (parcels and inventory import cases) and writes
 * each table through its owner's service.
 */
@Module({
  imports: [CasesModule, LandUsersModule, ParcelsModule, InventoryModule, ProjectsModule, RegimesModule],
  controllers: [CaseImportController],
  providers: [CaseImportService],
})
export class CaseImportModule {}
