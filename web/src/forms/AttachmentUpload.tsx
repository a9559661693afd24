import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Space, Upload, message } from 'antd';
import { useState } from 'react';
import { postForm } from '../api/client';
import { refusalText } from '../lib/errors';

/**
 * Tải lên bản quét có chữ ký (PDF, JPEG, PNG): the file goes with its description; the API checks the content (not
 * the name) and keeps its SHA-256.
 */
export function AttachmentUpload({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const [description, setDescription] = useState('');
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const body = new FormData();
      body.append('file', file);
      if (description.trim()) body.append('description', description.trim());
      await postForm(`/api/v1/cases/${caseId}/attachments`, body);
    },
    onSuccess: async () => {
      setDescription('');
      await queryClient.invalidateQueries({ queryKey: ['case', caseId, 'attachments'] });
      void message.success('Đã tải lên tệp.');
    },
    onError: (e) => void message.error(refusalText(e)),
  });
  return (
    <Space.Compact>
      <Input
        aria-label="Mô tả tệp"
        placeholder="Mô tả (ví dụ: Biên bản kiểm đếm đã ký)"
        style={{ width: 300 }}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <Upload
        accept=".pdf,.jpg,.jpeg,.png"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending}>
          Tải lên bản quét
        </Button>
      </Upload>
    </Space.Compact>
  );
}
