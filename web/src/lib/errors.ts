import type { FormInstance } from 'antd';
import { useState } from 'react';
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

type Field<T> = keyof T & string;

/** Puts a refusal next to the field it names, or above the form. */
export function useRefusal<T>(form: FormInstance<T>, fields: Field<T>[]) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const onError = (e: unknown) => {
    const field = e instanceof ApiError ? e.field : undefined;
    if (field && (fields as string[]).includes(field)) {
      form.setFields([{ name: field as never, errors: [(e as ApiError).message] }]);
      setRefusal(null);
    } else setRefusal(refusalText(e));
  };
  return { refusal, onError };
}
