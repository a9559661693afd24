import { Button, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '../lib/format';

/** What the API says of a next step (a case's or a plan's). */
export interface OfferedStep {
  action: string;
  label: string;
  mine: boolean;
  earliestOn: string | null;
  blockedBy: string | null;
}

/**
 * The next steps of a record as buttons: the user's own and unblocked ones in front; the others shown, disabled,
 * with why (another role's step, what blocks it, the first day the law allows it).
 */
export function NextStepButtons<S extends OfferedStep>({ steps, onPick }: { steps: S[]; onPick: (s: S) => void }) {
  if (steps.length === 0) return <Typography.Text type="secondary">Không còn bước nào chờ thực hiện.</Typography.Text>;
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Space wrap>
      {steps.map((s) => {
        const why = !s.mine
          ? 'Vai trò của bạn không thực hiện bước này.'
          : (s.blockedBy ??
            (s.earliestOn && s.earliestOn > today ? `Sớm nhất ngày ${formatDate(s.earliestOn)}.` : null));
        return (
          <Tooltip key={s.action} title={why}>
            <Button
              type={s.mine && !s.blockedBy ? 'primary' : 'default'}
              disabled={!s.mine || !!s.blockedBy}
              onClick={() => onPick(s)}
            >
              {s.label}
              {s.earliestOn ? ` (từ ${formatDate(s.earliestOn)})` : ''}
            </Button>
          </Tooltip>
        );
      })}
    </Space>
  );
}
