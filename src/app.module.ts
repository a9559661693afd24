import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './core/audit/audit.controller.js';
import { AuditService } from './core/audit/audit.service.js';
import { AuthController } from './core/auth/auth.controller.js';
import { AuthGuard } from './core/auth/auth.guard.js';
import { AuthService } from './core/auth/auth.service.js';
import { LoginRateLimiter } from './core/auth/login-rate-limiter.js';
import { Clock, SystemClock } from './core/clock/clock.js';
import { AppConfig } from './core/config/app-config.js';
import { DatabaseProbe } from './core/health/database-probe.js';
import { HealthController } from './core/health/health.controller.js';
import { AppLogger } from './core/logging/app-logger.js';
import { QueueModule } from './core/queue/queue.module.js';
import { FileStorage, LocalDiskStorage } from './core/storage/file-storage.js';
import { createServiceDataSource, serviceDataSourceOptions } from './database.js';
import { AttachmentsModule } from './modules/attachments/attachments.module.js';
import { CaseImportModule } from './modules/case-import/case-import.module.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { EngagementModule } from './modules/engagement/engagement.module.js';
import { InventoryModule } from './modules/inventory/inventory.module.js';
import { LandUsersModule } from './modules/land-users/land-users.module.js';
import { ParcelsModule } from './modules/parcels/parcels.module.js';
import { CalendarModule } from './modules/calendar/calendar.module.js';
import { ComplaintsModule } from './modules/complaints/complaints.module.js';
import { DeadlinesModule } from './modules/deadlines/deadlines.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { HandoverModule } from './modules/handover/handover.module.js';
import { PaymentsModule } from './modules/payments/payments.module.js';
import { ProgressModule } from './modules/progress/progress.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { InboxModule } from './modules/inbox/inbox.module.js';
import { NoticesModule } from './modules/notices/notices.module.js';
import { NumberingModule } from './modules/numbering/numbering.module.js';
import { PlansModule } from './modules/plans/plans.module.js';
import { PricingModule } from './modules/pricing/pricing.module.js';
import { ProjectsModule } from './modules/projects/projects.module.js';
import { ReferenceModule } from './modules/reference/reference.module.js';

export interface AppModuleOptions {
  /** Tests pin time with a FixedClock. */
  clock?: Clock;
  logger?: AppLogger;
}

/** Core services every feature module may inject. */
@Module({})
class CoreModule {
  static register(config: AppConfig, options: AppModuleOptions): DynamicModule {
    const logger = options.logger ?? new AppLogger();
    const providers: Provider[] = [
      { provide: AppConfig, useValue: config },
      { provide: AppLogger, useValue: logger },
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
      AuditService,
      AuthService,
      LoginRateLimiter,
      { provide: FileStorage, useClass: LocalDiskStorage },
    ];
    return { module: CoreModule, global: true, providers, exports: providers };
  }
}

@Module({})
export class AppModule {
  static register(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(config, options),
        TypeOrmModule.forRootAsync({
          useFactory: () => serviceDataSourceOptions(config),
          dataSourceFactory: (options) =>
            Promise.resolve(createServiceDataSource(options as ReturnType<typeof serviceDataSourceOptions>)),
        }),
        QueueModule,
        ReferenceModule,
        ProjectsModule,
        LandUsersModule,
        // Before CasesModule: its routes (cases/import-template.xlsx) are registered before GET cases/:id.
        CaseImportModule,
        CasesModule,
        ParcelsModule,
        InventoryModule,
        NoticesModule,
        InboxModule,
        EngagementModule,
        AttachmentsModule,
        PricingModule,
        PlansModule,
        CalendarModule,
        NumberingModule,
        DeadlinesModule,
        DocumentsModule,
        PaymentsModule,
        HandoverModule,
        ProgressModule,
        ReportsModule,
        ComplaintsModule,
      ],
      controllers: [AuthController, AuditController, HealthController],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }, DatabaseProbe],
    };
  }
}
