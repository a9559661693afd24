import type { INestApplication } from '@nestjs/common';
import express from 'express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config.js';
import { ErrorFilter } from '../errors/error.filter.js';
import { AppLogger } from '../logging/app-logger.js';
import { RequestIdMiddleware } from '../logging/request-id.middleware.js';
import { RecordQueue, RecordQueueInterceptor } from './record-queue.js';
import { HostileInputPipe, markInvalidUtf8, refuseHostileInput } from '../validation/hostile-input.js';
import { createValidationPipe } from '../validation/validation.js';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';

/** The HTTP conventions, applied identically by main.ts and by the end-to-end tests. */
export function configureApp(app: INestApplication): void {
  const logger = app.get(AppLogger);
  const requestId = new RequestIdMiddleware(logger);
  app.use(requestId.use.bind(requestId));
  // The JSON parser here (Nest then adds no other), so the hostile-input check runs right after it, before any route.
  app.use(express.json({ verify: markInvalidUtf8 }));
  app.use(refuseHostileInput);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new HostileInputPipe(), createValidationPipe());
  app.useGlobalInterceptors(new RecordQueueInterceptor(new RecordQueue(app.get(AppConfig).recordQueueWaitMs)));
  app.useGlobalFilters(new ErrorFilter(logger));
  app.enableShutdownHooks();
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('GPMB API')
    .setDescription(
      'Quản lý hồ sơ giải phóng mặt bằng: dự án, hồ sơ hộ, kiểm đếm, phương án bồi thường, hỗ trợ, tái định cư, ' +
        'quyết định, chi trả, bàn giao mặt bằng, tiến độ. Errors: { code, message, details, requestId }.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

export function serveDocs(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, buildOpenApi(app), { jsonDocumentUrl: `${DOCS_PATH}/openapi.json` });
}
