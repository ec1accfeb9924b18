import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Flex, Form, Image, Input, Popconfirm, Rate, Row, Spin, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { REQUEST_CATEGORY_LABELS, REQUEST_STAGE_LABELS, type StaffRequestDetail } from '@anqian/shared';
import { DetailLoadError } from '@/components/detail-load-error';
import { ErrorAlert } from '@/components/error-alert';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useActOnRequest } from '@/features/resident-requests/api/act-on-request';
import { useRequest } from '@/features/resident-requests/api/get-request';
import { AssignControl } from '@/features/resident-requests/components/assign-control';
import { ReplyForm } from '@/features/resident-requests/components/reply-form';
import { InternalRecordCard, ResidentViewCard } from '@/features/resident-requests/components/request-timelines';
import { RequestStatusTag } from '@/features/resident-requests/components/request-status-tag';
import { TransferModal } from '@/features/resident-requests/components/transfer-modal';
import { formatChinaTime } from '@/features/resident-requests/utils/china-time';

export function RequestDetailPage() {
  const { id } = useParams();
  const request = useRequest(id);
  useDocumentTitle(request.data ? `诉求：${request.data.excerpt}` : '诉求详情');
  if (!request.data) {
    if (request.isError) {
      return (
        <DetailLoadError
          error={request.error}
          onRetry={() => void request.refetch()}
          errorTitle="诉求加载失败"
          notFound={{ title: '诉求不存在', subTitle: '可能已转办到其他单位，或链接有误', backTo: '/resident-requests', backLabel: '返回诉求列表' }}
        />
      );
    }
    return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  }
  return <RequestDetail request={request.data} />;
}

function RequestDetail({ request }: { request: StaffRequestDetail }) {
  const { message } = App.useApp();
  const act = useActOnRequest(request.id);
  const [transferring, setTransferring] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const run = async (work: Promise<unknown>, done: string) => {
    setActionError(null);
    try {
      await work;
      void message.success(done);
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            【{REQUEST_CATEGORY_LABELS[request.category]}】{request.place.villageName}
            <RequestStatusTag request={request} />
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            {request.can.assign && <AssignControl request={request} pending={act.isPending && act.variables?.action === 'assign'} onAssign={(staffId) => void run(act.mutateAsync({ action: 'assign', body: { staffId } }), '已分派')} />}
            {request.can.transfer && <Button onClick={() => setTransferring(true)}>转办</Button>}
            {request.can.close && (
              <Popconfirm
                title="办结这条诉求？"
                description="办结后不能再答复；群众仍可在答复后 7 天内申请重新处理一次。"
                okText="确认办结"
                cancelText="取消"
                onConfirm={() => run(act.mutateAsync({ action: 'close' }), '已办结')}
              >
                <Button type="primary">办结</Button>
              </Popconfirm>
            )}
          </Flex>
        }
      >
        <ErrorAlert error={actionError} />
        <Descriptions column={3} size="small">
          <Descriptions.Item label="提交时间">{formatChinaTime(request.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="地点">
            {request.place.townshipName} {request.place.villageName}
            {request.place.site && ` · ${request.place.site.name}`}
          </Descriptions.Item>
          <Descriptions.Item label="关于">{request.place.registration?.label ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{request.handlerName}</Descriptions.Item>
          <Descriptions.Item label="承办人">{request.assignee?.name ?? '未分派'}</Descriptions.Item>
          <Descriptions.Item label="群众手机">{request.residentPhoneMasked ?? '未绑定'}</Descriptions.Item>
          <Descriptions.Item label="答复期限">
            <Typography.Text type={request.overdue && request.replyDue ? 'danger' : undefined}>{request.replyDue ?? `已答复（首次答复期限 ${request.firstReplyDue}）`}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="办结期限">
            <Typography.Text type={request.overdue ? 'danger' : undefined}>{request.doneDue}（北京时间当天结束前）</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="群众看到">{REQUEST_STAGE_LABELS[request.stage]}</Descriptions.Item>
          <Descriptions.Item label="诉求内容" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, fontSize: 15 }}>{request.text}</Typography.Paragraph>
          </Descriptions.Item>
          {request.photos.length > 0 && (
            <Descriptions.Item label="照片" span={3}>
              <Image.PreviewGroup>
                <Flex gap={8} wrap>
                  {request.photos.map((photo) => (
                    <Image key={photo.id} src={`/api/photos/${photo.id}`} width={96} height={96} style={{ objectFit: 'cover' }} alt="群众上传的照片" />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            </Descriptions.Item>
          )}
          {request.ratingDetail && (
            <Descriptions.Item label="群众评价" span={3}>
              <Rate disabled value={request.ratingDetail.score} /> {request.ratingDetail.comment || '（未写评价）'}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <ResidentViewCard request={request} />
            {request.can.reply && (
              <Card title="答复群众" size="small">
                <ReplyForm category={request.category} pending={act.isPending && act.variables?.action === 'reply'} onReply={(text) => act.mutateAsync({ action: 'reply', body: { text } }).then(() => message.success('已答复，群众会收到微信消息'))} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <InternalRecordCard request={request} noteForm={<NoteForm pending={act.isPending && act.variables?.action === 'notes'} onNote={(text) => act.mutateAsync({ action: 'notes', body: { text } })} />} />
        </Col>
      </Row>
      <TransferModal
        request={request}
        open={transferring}
        pending={act.isPending && act.variables?.action === 'transfer'}
        onClose={() => setTransferring(false)}
        onTransfer={(body) => act.mutateAsync({ action: 'transfer', body }).then(() => message.success('已转办'))}
      />
    </Flex>
  );
}

function NoteForm({ pending, onNote }: { pending: boolean; onNote: (text: string) => Promise<unknown> }) {
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<unknown>(null);
  return (
    <Form
      form={form}
      name="request-note"
      layout="vertical"
      onFinish={async ({ text }) => {
        setError(null);
        try {
          await onNote(text.trim());
          form.resetFields();
        } catch (failure) {
          setError(failure);
        }
      }}
    >
      <ErrorAlert error={error} title="备注未保存" />
      <Form.Item name="text" label="添加内部备注" rules={[{ required: true, whitespace: true, message: '请填写备注' }]}>
        <Input.TextArea rows={2} maxLength={1000} placeholder="只有工作人员能看到，例如：已电话联系，约好周三上门" />
      </Form.Item>
      <Button htmlType="submit" loading={pending}>
        保存备注
      </Button>
    </Form>
  );
}
