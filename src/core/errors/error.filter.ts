import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppLogger } from '../logging/app-logger.js';
import { currentRequestId } from '../logging/request-context.js';
import { AppError } from './app-error.js';

export const RECORD_PROTECTED_MESSAGE =
  'Bản ghi đã ký, đã phê duyệt hoặc đã phát hành không được sửa hay xoá; hãy lập biên bản, phương án điều chỉnh ' +
  'hoặc văn bản thay thế.';

/** Maps every error to `{ code, message, details, requestId }`; unknown errors become INTERNAL without leaking text. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const error = this.toAppError(exception);
    if (error.kind === 'internal') {
      this.logger.error('unhandled error', { error: exception instanceof Error ? exception.stack : String(exception) });
    } else if (error.kind === 'unavailable') {
      this.logger.warn('request refused: system busy', { reason: (error.details as { reason?: string }).reason });
      res.setHeader('Retry-After', '2');
    }
    res.status(error.status).json({
      code: error.code,
      message: error.message,
      details: error.details,
      requestId: currentRequestId(),
    });
  }

  private toAppError(exception: unknown): AppError {
    if (exception instanceof AppError) return exception;
    const busy = busyReason(exception);
    if (busy)
      return new AppError('unavailable', 'SYSTEM.BUSY', 'Hệ thống đang bận, vui lòng thử lại sau ít phút.', {
        reason: busy,
      });
    // Two clerks saving the same natural key at the same instant: the unique index decides, the loser gets a 409.
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string })?.code === '23505') {
      return new AppError(
        'conflict',
        'CONFLICT.DUPLICATE',
        'Dữ liệu trùng với bản ghi đã có (có thể vừa được người khác nhập). Vui lòng tải lại.',
        {
          constraint: (exception.driverError as { constraint?: string }).constraint ?? null,
        },
      );
    }
    // A trigger refused to rewrite a signed, approved or issued record (migration RecordsProtected): the services
    // refuse such writes with their own codes first, so this is the database's last word.
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string })?.code === 'GP409') {
      return new AppError('conflict', 'RECORD.PROTECTED', RECORD_PROTECTED_MESSAGE, {
        table: (exception.driverError as { table?: string }).table ?? null,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return new AppError('not_found', 'HTTP.ROUTE_NOT_FOUND', 'Không tìm thấy đường dẫn yêu cầu.');
      if (status === 413) return new AppError('validation', 'HTTP.PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.');
      if (status === 400)
        return new AppError('validation', 'HTTP.BAD_REQUEST', 'Yêu cầu không hợp lệ (sai định dạng JSON?).');
      if (status === 415)
        return new AppError('validation', 'HTTP.UNSUPPORTED_MEDIA_TYPE', 'Định dạng dữ liệu không được hỗ trợ.');
      if (status < 500) return new AppError('validation', `HTTP.${status}`, 'Yêu cầu không hợp lệ.');
    }
    return new AppError(
      'internal',
      'INTERNAL',
      'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã yêu cầu.',
    );
  }
}

/**
 * Waits that ran out (see the connection limits in AppConfig): a full pool, a lock held too long by another request,
 * a statement over its time, a transaction the server ended, a deadlock. Nothing was written (the transaction rolled
 * back); the clerk can simply try again.
 */
function busyReason(exception: unknown): string | null {
  const code =
    exception instanceof QueryFailedError
      ? (exception.driverError as { code?: string })?.code
      : (exception as { code?: string })?.code;
  switch (code) {
    case '55P03':
      return 'lock_timeout';
    case '57014':
      return 'statement_timeout';
    case '25P03':
      return 'idle_in_transaction_timeout';
    case '40P01':
      return 'deadlock';
    case '40001':
      return 'serialization_failure';
    case '53300':
      return 'too_many_connections';
  }
  const message = exception instanceof Error ? exception.message : '';
  if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/.test(message))
    return 'pool_timeout';
  if (/Connection terminated unexpectedly|terminating connection due to idle-in-transaction timeout/.test(message))
    return 'connection_lost';
  return null;
}
