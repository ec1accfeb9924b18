import { Flex, Timeline, Typography } from 'antd';
import {
  HAZARD_CHECK_LABELS,
  HOUSE_CHECK_LABELS,
  REGISTRATION_ACTION_LABELS,
  REGISTRATION_STATUS_LABELS,
  type RegistrationAction,
  type StaffTimelineEntry,
} from '@anqian/shared';
import { formatDateTime } from '@/lib/format';
import { PhotoGallery } from '@/features/registrations/components/photo-gallery';

const ACTION_COLORS: Partial<Record<RegistrationAction, string>> = {
  return: 'orange',
  reject: 'red',
  withdraw: 'gray',
  approve: 'green',
};

function Entry({ entry }: { entry: StaffTimelineEntry }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>
        {REGISTRATION_ACTION_LABELS[entry.action]}
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
          {entry.from ? `${REGISTRATION_STATUS_LABELS[entry.from]} → ` : ''}
          {REGISTRATION_STATUS_LABELS[entry.to]}
        </Typography.Text>
      </Typography.Text>
      <Typography.Text type="secondary">
        {formatDateTime(entry.at)} · {entry.actorName}（{entry.actorLabel}）
      </Typography.Text>
      {entry.reason && (
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {entry.action === 'return' || entry.action === 'reject' ? '原因：' : '说明：'}
          {entry.reason}
        </Typography.Paragraph>
      )}
      {entry.visit && (
        <Flex vertical gap={4} style={{ marginTop: 4, padding: '8px 12px', background: '#fafafa', borderRadius: 6 }}>
          <Typography.Text>核实日期：{entry.visit.date}</Typography.Text>
          <Typography.Text>入户人员：{entry.visit.visitors}</Typography.Text>
          {/* Visits recorded before the checklist have only the free text. */}
          {entry.visit.peoplePresent && <Typography.Text>在场人员：{entry.visit.peoplePresent}</Typography.Text>}
          {entry.visit.houseStructure && (
            <Typography.Text type={entry.visit.houseStructure === 'differs' ? 'warning' : undefined}>
              房屋结构：{HOUSE_CHECK_LABELS[entry.visit.houseStructure]}
            </Typography.Text>
          )}
          {entry.visit.hazard && (
            <Typography.Text type={entry.visit.hazard === 'not_found' ? 'warning' : undefined}>
              隐患情况：{HAZARD_CHECK_LABELS[entry.visit.hazard]}
            </Typography.Text>
          )}
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>核实情况：{entry.visit.findings}</Typography.Paragraph>
          {entry.visit.photos.length > 0 ? (
            <PhotoGallery photos={entry.visit.photos} label="现场照片" />
          ) : (
            <Typography.Text type="secondary">现场照片：未上传</Typography.Text>
          )}
        </Flex>
      )}
    </Flex>
  );
}

/** Oldest first, the way a paper file reads. */
export function RegistrationTimeline({ entries }: { entries: StaffTimelineEntry[] }) {
  return (
    <Timeline
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: ACTION_COLORS[entry.action] ?? 'blue',
        content: <Entry entry={entry} />,
      }))}
    />
  );
}
