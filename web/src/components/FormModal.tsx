import { Alert, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';

/**
 * A write in a dialog, as the screens do them all: the title, the action's word on the button and "Hủy", the refusal
 * above the fields, the fields checked before the call, the button busy while it runs.
 */
export function FormModal<T>(props: {
  title: ReactNode;
  okText: string;
  width?: number;
  form: FormInstance<T>;
  pending: boolean;
  refusal: string | null;
  onSubmit: (values: T) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { form, refusal } = props;
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText={props.okText}
      cancelText="Hủy"
      confirmLoading={props.pending}
      onOk={() => void form.validateFields().then(props.onSubmit)}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      {props.children}
    </Modal>
  );
}
