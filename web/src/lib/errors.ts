import { ApiError } from '../api/client';

/** What a clerk reads when a write is refused: a stale version is said plainly, anything else as the server says it. */
export function refusalText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'CONCURRENCY.STALE_VERSION')
      return 'Bản ghi đã được người khác sửa. Hãy tải lại dữ liệu mới nhất (những gì bạn đã nhập vẫn được giữ) rồi lưu lại.';
    return e.message;
  }
  return 'Không kết nối được máy chủ. Vui lòng thử lại.';
}
