import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Form, Popconfirm, Space, Typography } from 'antd';
import { ArrowLeftOutlined, HistoryOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { StaffSubsidyRuleSet, SubsidyRuleSetBody, SubsidyRuleSetSummary } from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { DetailLoadError } from '@/components/detail-load-error';
import { ErrorState } from '@/components/error-state';
import { FullPageSpin } from '@/components/full-page-spin';
import { isApiError } from '@/lib/api-client';
import { hasRole, useCurrentSession } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useRuleSet } from '@/features/subsidies/api/get-rule-set';
import { useRuleSetList } from '@/features/subsidies/api/list-rule-sets';
import { useCreateRuleSet, useDeleteRuleSet, useUpdateRuleSet } from '@/features/subsidies/api/save-rule-set';
import { RuleSetForm } from '@/features/subsidies/components/rule-set-form';
import { RuleSetPhaseTag } from '@/features/subsidies/components/rule-set-phase-tag';
import {
  checkRuleSet,
  formFieldKey,
  nextRuleSetValues,
  savedRuleSetValues,
  type RuleSetValues,
} from '@/features/subsidies/components/rule-set-values';
import { RuleSetVersionsDrawer } from '@/features/subsidies/components/rule-set-versions-drawer';

export function CreateRuleSetPage() {
  useDocumentTitle('新建补助标准');
  const list = useRuleSetList();
  const newest = list.data?.items[0];
  const template = useRuleSet(newest?.id);

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} title="补助标准加载失败" />;
  if (template.isError) return <ErrorState error={template.error} onRetry={() => void template.refetch()} title="补助标准加载失败" />;
  if (list.isPending || (newest && template.isPending)) return <FullPageSpin />;

  return (
    <Flex vertical gap={16}>
      <PageHeader title="新建补助标准" backTo="/subsidy-rule-sets">
        <Typography.Text type="secondary">
          {template.data ? `已按“${template.data.name}”预填各项金额，执行期接在它之后；请按新文件修改。` : '填写各项补助金额和依据的政策文件。'}
        </Typography.Text>
      </PageHeader>
      <RuleSetEditor saved={null} others={list.data.items} initialValues={nextRuleSetValues(template.data)} readOnly={false} />
    </Flex>
  );
}

export function RuleSetPage() {
  const { id = '' } = useParams();
  const session = useCurrentSession();
  const list = useRuleSetList();
  const ruleSet = useRuleSet(id);
  useDocumentTitle(ruleSet.data?.name ?? '补助标准');

  if (ruleSet.isError) {
    return (
      <DetailLoadError
        error={ruleSet.error}
        onRetry={() => void ruleSet.refetch()}
        errorTitle="补助标准加载失败"
        notFound={{ title: '补助标准不存在', subTitle: '这套补助标准不存在或已被删除。', backTo: '/subsidy-rule-sets', backLabel: '返回补助标准' }}
      />
    );
  }
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} title="补助标准加载失败" />;
  if (ruleSet.isPending || list.isPending) return <FullPageSpin />;

  const readOnly = !hasRole(session, ['county_admin']);
  return (
    <Flex vertical gap={16}>
      <RuleSetHeader ruleSet={ruleSet.data} canDelete={!readOnly && ruleSet.data.phase === 'upcoming'} />
      {readOnly && <Alert type="info" showIcon title="补助标准由县级管理员设置，您可以查看各项金额和测算预览，不能修改。" />}
      {!readOnly && ruleSet.data.phase === 'in_force' && (
        <Alert
          type="warning"
          showIcon
          title="这套标准正在执行"
          description="保存后，所有未审批登记的补助测算立即按新金额计算；已审批登记的金额在审批时已固定，不受影响。"
        />
      )}
      <RuleSetEditor
        // A save or a reload starts the form again from the stored version.
        key={ruleSet.data.version}
        saved={ruleSet.data}
        others={list.data.items}
        initialValues={savedRuleSetValues(ruleSet.data)}
        readOnly={readOnly}
        onReload={() => void ruleSet.refetch()}
      />
    </Flex>
  );
}

function PageHeader({ title, backTo, extra, children }: { title: ReactNode; backTo: string; extra?: ReactNode; children?: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={8}>
          <Space align="center">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回补助标准" onClick={() => void navigate(backTo)} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
          </Space>
          {children}
        </Flex>
        {extra}
      </Flex>
    </Card>
  );
}

function RuleSetHeader({ ruleSet, canDelete }: { ruleSet: StaffSubsidyRuleSet; canDelete: boolean }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const remove = useDeleteRuleSet();
  const [historyOpen, setHistoryOpen] = useState(false);

  const deleteRuleSet = () =>
    remove.mutateAsync(ruleSet.id).then(
      () => {
        void message.success('已删除');
        void navigate('/subsidy-rule-sets', { replace: true });
      },
      (error: unknown) => void message.error(isApiError(error) ? error.message : '删除未完成，请稍后再试'),
    );

  return (
    <PageHeader
      title={ruleSet.name}
      backTo="/subsidy-rule-sets"
      extra={
        <Space>
          {ruleSet.history.length > 0 && (
            <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
              历史版本（{ruleSet.history.length}）
            </Button>
          )}
          {canDelete && (
            <Popconfirm
              title="删除这套补助标准？"
              description="尚未开始执行，可以删除；删除后无法恢复。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={deleteRuleSet}
            >
              <Button danger>删除</Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Space wrap>
        <RuleSetPhaseTag phase={ruleSet.phase} />
        <Typography.Text>
          执行期 {ruleSet.effectiveFrom} 至 {ruleSet.effectiveTo}
        </Typography.Text>
        <Typography.Text type="secondary">
          第 {ruleSet.version} 版 · {formatDateTime(ruleSet.updatedAt)} 由{ruleSet.updatedBy}保存
        </Typography.Text>
      </Space>
      <RuleSetVersionsDrawer key={ruleSet.version} ruleSet={ruleSet} open={historyOpen} onClose={() => setHistoryOpen(false)} />
    </PageHeader>
  );
}

type EditorProps = {
  saved: StaffSubsidyRuleSet | null;
  others: readonly SubsidyRuleSetSummary[];
  initialValues: RuleSetValues;
  readOnly: boolean;
  onReload?: () => void;
};

const NO_ERRORS: ReadonlyMap<string, string> = new Map();

function RuleSetEditor({ saved, others, initialValues, readOnly, onReload }: EditorProps) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<RuleSetValues>();
  const create = useCreateRuleSet();
  const update = useUpdateRuleSet();
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState(NO_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  const onError = (error: unknown) => {
    if (isApiError(error, 'RULE_SET_CHANGED')) {
      setConflict(true);
    } else if (isApiError(error, 'RULE_SET_OVERLAP')) {
      setServerErrors(new Map([['period', error.message]]));
    } else if (isApiError(error, 'VALIDATION_FAILED') && error.details.length > 0) {
      setServerErrors(new Map(error.details.map((detail) => [formFieldKey(detail.field.replace(/^body\./, '').split('.')), detail.message])));
    } else {
      setFailure(error);
    }
  };

  const save = (body: SubsidyRuleSetBody) => {
    setFailure(null);
    if (!saved) {
      create.mutate(body, {
        onSuccess: (created) => {
          void message.success(`已创建“${created.name}”`);
          void navigate(`/subsidy-rule-sets/${created.id}`, { replace: true });
        },
        onError,
      });
      return;
    }
    update.mutate(
      { id: saved.id, body: { ...body, expectedVersion: saved.version } },
      { onSuccess: (next) => void message.success(`已保存为第 ${next.version} 版`), onError },
    );
  };

  const submit = () => {
    setShowAllErrors(true);
    const check = checkRuleSet(form.getFieldsValue(true) as RuleSetValues, others, saved?.id);
    if (!check.success) {
      void message.error(`还有 ${check.errors.size} 处需要修正`);
      const [first] = check.errors.keys();
      if (first) form.scrollToField(first.split('.') as Parameters<typeof form.scrollToField>[0], { block: 'center' });
      return;
    }
    if (saved?.phase !== 'in_force') {
      save(check.body);
      return;
    }
    modal.confirm({
      title: '修改正在执行的补助标准？',
      content: '保存后所有未审批登记的测算金额立即改变；已审批登记的金额不受影响。请先核对右侧的测算预览。',
      okText: '保存',
      cancelText: '再检查一下',
      onOk: () => save(check.body),
    });
  };

  const footer = readOnly ? null : (
    <Card size="small">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">金额以元填写，保存时精确到分。</Typography.Text>
        <Space>
          <Button onClick={() => void navigate('/subsidy-rule-sets')}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={submit}>
            {saved ? '保存修改' : '创建补助标准'}
          </Button>
        </Space>
      </Flex>
    </Card>
  );

  return (
    <Flex vertical gap={16}>
      {conflict && (
        <Alert
          type="error"
          showIcon
          title="这套标准已被他人修改"
          description="在您编辑期间，有人保存了新的版本。重新加载会显示最新内容，您在本页的修改不会保留。"
          action={
            <Button size="small" onClick={onReload}>
              重新加载
            </Button>
          }
        />
      )}
      <ErrorAlert error={failure} title="保存未完成" />
      <RuleSetForm
        form={form}
        initialValues={initialValues}
        saved={saved}
        others={others}
        readOnly={readOnly}
        serverErrors={serverErrors}
        showAllErrors={showAllErrors}
        onEdit={() => setServerErrors((current) => (current.size > 0 ? NO_ERRORS : current))}
        footer={footer}
      />
    </Flex>
  );
}
