import { App, Button, Card, Result } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { CreatePolicyBody, StaffPolicyDetail } from '@anqian/shared';
import { ErrorState } from '@/components/error-state';
import { FullPageSpin } from '@/components/full-page-spin';
import { isApiError } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCreatePolicy } from '@/features/policies/api/create-policy';
import { usePolicy } from '@/features/policies/api/get-policy';
import { useUpdatePolicy } from '@/features/policies/api/update-policy';
import { changesMakeVersion, PolicyForm, policyChanges } from '@/features/policies/components/policy-form';

export function CreatePolicyPage() {
  useDocumentTitle('新建政策文件');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreatePolicy();

  const submit = (body: CreatePolicyBody, onError: (error: unknown) => void) =>
    create.mutate(body, {
      onSuccess: (policy) => {
        void message.success('已保存为草稿，确认无误后可以发布');
        void navigate(`/policies/${policy.id}`, { replace: true });
      },
      onError,
    });

  return (
    <Card title="新建政策文件">
      <PolicyForm policy={null} saving={create.isPending} onSubmit={submit} onCancel={() => void navigate('/policies')} />
    </Card>
  );
}

export function EditPolicyPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const policy = usePolicy(id);
  useDocumentTitle(policy.data ? `编辑：${policy.data.title}` : '编辑政策文件');

  if (policy.isPending) return <FullPageSpin />;
  if (policy.isError) {
    if (isApiError(policy.error) && (policy.error.status === 404 || policy.error.code === 'VALIDATION_FAILED')) {
      return (
        <Result
          status="404"
          title="政策文件不存在"
          extra={
            <Button type="primary" onClick={() => void navigate('/policies')}>
              返回政策文件
            </Button>
          }
        />
      );
    }
    return <ErrorState error={policy.error} onRetry={() => void policy.refetch()} title="政策文件加载失败" />;
  }
  if (!policy.data.canEdit) {
    return (
      <Result
        status="403"
        title="这份文件只能查看"
        subTitle="县级文件由县级管理员维护，乡镇工作人员只能维护本乡镇的文件。"
        extra={
          <Button type="primary" onClick={() => void navigate(`/policies/${id}`)}>
            查看文件
          </Button>
        }
      />
    );
  }
  return <EditPolicyForm policy={policy.data} />;
}

function EditPolicyForm({ policy }: { policy: StaffPolicyDetail }) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const update = useUpdatePolicy();
  const back = () => void navigate(`/policies/${policy.id}`);

  const submit = (body: CreatePolicyBody, onError: (error: unknown) => void) => {
    const changes = policyChanges(policy, body);
    if (Object.keys(changes).length === 0) {
      void message.info('没有修改任何内容');
      back();
      return;
    }
    const save = () =>
      update.mutate(
        { id: policy.id, body: changes },
        {
          onSuccess: (saved) => {
            void message.success(saved.version > policy.version ? `已保存为第 ${saved.version} 版` : '已保存');
            back();
          },
          onError,
        },
      );
    if (!changesMakeVersion(policy, changes)) {
      save();
      return;
    }
    modal.confirm({
      title: '保存为新版本？',
      content: `这份文件已${policy.status === 'published' ? '发布' : '归档'}。保存后成为第 ${policy.version + 1} 版，第 ${policy.version} 版保留在历史记录中，居民仍可查阅。`,
      okText: '保存新版本',
      cancelText: '再检查一下',
      onOk: save,
    });
  };

  return (
    <Card title={`编辑政策文件：${policy.title}`}>
      <PolicyForm policy={policy} saving={update.isPending} onSubmit={submit} onCancel={back} />
    </Card>
  );
}
