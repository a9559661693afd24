import type { INestApplication } from '@nestjs/common';
import express from 'express';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config.js';
import type { OperationError } from '../errors/app-error.js';
import { ErrorFilter, RECORD_PROTECTED_MESSAGE } from '../errors/error.filter.js';
import { AppLogger } from '../logging/app-logger.js';
import { RequestIdMiddleware } from '../logging/request-id.middleware.js';
import { RecordQueue, RecordQueueInterceptor } from './record-queue.js';
import { HostileInputPipe, markInvalidUtf8, refuseHostileInput } from '../validation/hostile-input.js';
import { createValidationPipe } from '../validation/validation.js';
import { OPERATION_ERRORS } from './operation-errors.generated.js';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';

/** The HTTP conventions, applied identically by main.ts and by the end-to-end tests. */
export function configureApp(app: INestApplication): void {
  const logger = app.get(AppLogger);
  // The client's address (login throttling, logs) as the trusted proxies in front report it (TRUST_PROXY).
  const trust = app.get(AppConfig).trustProxy;
  (app.getHttpAdapter().getInstance() as express.Application).set(
    'trust proxy',
    trust === 'false' ? false : trust === 'true' ? true : /^\d+$/.test(trust) ? Number(trust) : trust,
  );
  const requestId = new RequestIdMiddleware(logger);
  app.use(requestId.use.bind(requestId));
  // The JSON parser here (Nest then adds no other), so the hostile-input check runs right after it, before any route.
  app.use(express.json({ verify: markInvalidUtf8 }));
  app.use(refuseHostileInput);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new HostileInputPipe(), createValidationPipe());
  app.useGlobalInterceptors(new RecordQueueInterceptor(new RecordQueue(app.get(AppConfig).recordQueueWaitMs)));
  app.useGlobalFilters(new ErrorFilter(logger));
  (app.getHttpServer() as Server).on('clientError', answerClientError);
  app.enableShutdownHooks();
}

/**
 * What Node's HTTP parser refuses before any middleware runs (headers or a query string over 16 KiB, a malformed
 * request line, a request that took too long to arrive) still answers with the one error shape, not a bare status.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'HTTP.HEADERS_TOO_LARGE', 'Đường dẫn hoặc tiêu đề yêu cầu quá dài.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'HTTP.REQUEST_TIMEOUT', 'Yêu cầu gửi đến quá chậm, vui lòng thử lại.']
        : [400, 'Bad Request', 'HTTP.BAD_REQUEST', 'Yêu cầu không hợp lệ (sai định dạng JSON?).'];
  const body = JSON.stringify({ code, message, details: {}, requestId: randomUUID() });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Refusals any operation may answer (the HTTP layer's, the database's), documented once in the API's description. */
export const GLOBAL_ERRORS: OperationError[] = [
  { status: 400, code: 'HTTP.BAD_REQUEST', message: 'Yêu cầu không hợp lệ (sai định dạng JSON?).' },
  { status: 404, code: 'HTTP.ROUTE_NOT_FOUND', message: 'Không tìm thấy đường dẫn yêu cầu.' },
  { status: 413, code: 'HTTP.PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn.' },
  { status: 431, code: 'HTTP.HEADERS_TOO_LARGE', message: 'Đường dẫn hoặc tiêu đề yêu cầu quá dài.' },
  { status: 408, code: 'HTTP.REQUEST_TIMEOUT', message: 'Yêu cầu gửi đến quá chậm, vui lòng thử lại.' },
  { status: 415, code: 'HTTP.UNSUPPORTED_MEDIA_TYPE', message: 'Định dạng dữ liệu không được hỗ trợ.' },
  {
    status: 409,
    code: 'CONFLICT.DUPLICATE',
    message: 'Dữ liệu trùng với bản ghi đã có (có thể vừa được người khác nhập). Vui lòng tải lại.',
  },
  { status: 409, code: 'RECORD.PROTECTED', message: RECORD_PROTECTED_MESSAGE },
  { status: 500, code: 'AUTH.NO_POLICY', message: 'Đường dẫn chưa khai báo vai trò được phép (lỗi lập trình).' },
  { status: 500, code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã yêu cầu.' },
];

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('GPMB API')
    .setDescription(
      'Quản lý hồ sơ giải phóng mặt bằng: dự án, hồ sơ hộ, kiểm đếm, phương án bồi thường, hỗ trợ, tái định cư, ' +
        'quyết định, chi trả, bàn giao mặt bằng, tiến độ.\n\n' +
        'Mọi lỗi trả về `{ code, message, details, requestId }` (ErrorDto): `code` ổn định, `message` tiếng Việt, ' +
        '`details` luôn là một đối tượng: `details.field` là trường bị từ chối, `details.problems` liệt kê lỗi từng ' +
        'trường khi có nhiều lỗi. Mỗi thao tác liệt kê các mã lỗi của nó (và `x-error-codes`); ' +
        'thao tác nào cũng có thể trả thêm:\n' +
        GLOBAL_ERRORS.map((e) => `- ${e.status} \`${e.code}\` — ${e.message}`).join('\n'),
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return withErrors(document);
}

/** HTTP reason phrases in Vietnamese, for the documented refusals. */
const STATUS_TEXT: Record<number, string> = {
  400: 'Dữ liệu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột với trạng thái hiện tại',
  408: 'Yêu cầu quá chậm',
  429: 'Quá nhiều lần thử',
  431: 'Yêu cầu quá dài',
  500: 'Lỗi hệ thống',
  503: 'Hệ thống đang bận',
};

/**
 * Every operation's refusals, as found in the code (scripts/operation-errors.ts): one response per status listing
 * its codes with their Vietnamese message, and `x-error-codes` for clients and tests.
 */
function withErrors(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ErrorDto: {
        type: 'object',
        required: ['code', 'message', 'details', 'requestId'],
        properties: {
          code: { type: 'string', example: 'PLAN.POSTING_PERIOD_NOT_OVER', description: 'Mã lỗi ổn định' },
          message: { type: 'string', description: 'Lời nhắn tiếng Việt cho người dùng' },
          details: {
            type: 'object',
            description:
              'Chi tiết, luôn là một đối tượng: trường bị từ chối (field), danh sách lỗi từng trường khi có nhiều lỗi ' +
              '(problems), và các số liệu của quy tắc',
            additionalProperties: true,
            properties: {
              field: { type: 'string', description: 'Trường bị từ chối (trường đầu tiên khi có nhiều lỗi)' },
              problems: {
                type: 'array',
                description: 'Mỗi lỗi một dòng: trường, mã, lời nhắn',
                items: {
                  type: 'object',
                  required: ['field', 'code', 'message'],
                  additionalProperties: true,
                  properties: {
                    field: { type: 'string' },
                    code: { type: 'string' },
                    message: { type: 'string' },
                  },
                },
              },
            },
          },
          requestId: { type: 'string', description: 'Mã yêu cầu (ghi kèm khi báo lỗi)' },
        },
      },
    },
  };
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as { operationId?: string; responses?: Record<string, unknown> }[]) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      const errors = OPERATION_ERRORS[op.operationId];
      if (!errors) continue;
      const byStatus = new Map<number, typeof errors>();
      for (const e of errors) byStatus.set(e.status, [...(byStatus.get(e.status) ?? []), e]);
      op.responses = op.responses ?? {};
      for (const [status, list] of byStatus)
        op.responses[String(status)] = {
          description: `${STATUS_TEXT[status] ?? 'Bị từ chối'}:\n${list.map((e) => `- \`${e.code}\` — ${e.message}`).join('\n')}`,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDto' } } },
        };
      (op as Record<string, unknown>)['x-error-codes'] = errors.map((e) => e.code);
    }
  }
  return document;
}

export function serveDocs(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, buildOpenApi(app), { jsonDocumentUrl: `${DOCS_PATH}/openapi.json` });
}
