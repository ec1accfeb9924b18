import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  HAZARD_CHECK_LABELS,
  HAZARD_CHECKS,
  type HazardCheck,
  HOUSE_CHECK_LABELS,
  HOUSE_CHECKS,
  type HouseCheck,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  PHOTO_MIME_TYPES,
  verifyBodySchema,
  type PhotoRef,
} from '@anqian/shared';
import { ErrorAlert } from '@/components/error-alert';
import { isApiError } from '@/lib/api-client';
import { useSubmitError, zodRule } from '@/lib/form';
import { uploadPhoto } from '@/features/registrations/api/upload-photo';
import { useVerifyRegistration } from '@/features/registrations/api/verify-registration';

type Values = { date?: Dayjs; visitors: string; peoplePresent: string; houseStructure?: HouseCheck; hazard?: HazardCheck; findings: string };
// Server details name nested fields (body.visit.date); the dialog lists them in its alert.
const FIELDS: readonly string[] = [];
const visit = verifyBodySchema.shape.visit.shape;

type Props = { registrationId: string; headName: string; open: boolean; onClose: () => void };

export function VerifyModal({ registrationId, headName, open, onClose }: Props) {
  return (
    <Modal open={open} title="入户核实" onCancel={onClose} footer={null} destroyOnHidden maskClosable={false} width={640}>
      <VerifyForm registrationId={registrationId} headName={headName} onClose={onClose} />
    </Modal>
  );
}

function VerifyForm({ registrationId, headName, onClose }: Omit<Props, 'open'>) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const verify = useVerifyRegistration();
  const submitError = useSubmitError(form, FIELDS);
  const [photos, setPhotos] = useState<UploadFile<PhotoRef>[]>([]);

  const submit = ({ date, visitors, peoplePresent, houseStructure, hazard, findings }: Values) => {
    if (photos.some((photo) => photo.status === 'uploading')) {
      void message.warning('照片还在上传，请稍候');
      return;
    }
    const photoIds = photos.flatMap((photo) => (photo.status === 'done' && photo.response ? [photo.response.id] : []));
    submitError.clear();
    verify.mutate(
      {
        id: registrationId,
        body: {
          visit: {
            date: date!.format('YYYY-MM-DD'),
            visitors: visitors.trim(),
            peoplePresent: peoplePresent.trim(),
            houseStructure: houseStructure!,
            hazard: hazard!,
            findings: findings.trim(),
            photoIds,
          },
        },
      },
      {
        onSuccess: () => {
          void message.success(`已记录${headName}户的入户核实情况`);
          onClose();
        },
        onError: submitError.onError,
      },
    );
  };

  return (
    <>
      <ErrorAlert error={submitError.error} title="核实未完成" />
      <Form<Values> form={form} name="verify-form" layout="vertical" onFinish={submit} initialValues={{ date: dayjs() }}>
        <Form.Item
          label="核实日期"
          name="date"
          rules={[
            { required: true, message: '请选择核实日期' },
            {
              validator: async (_rule, value: Dayjs | undefined) => {
                const result = value ? visit.date.safeParse(value.format('YYYY-MM-DD')) : null;
                if (result && !result.success) throw new Error(result.error.issues[0]?.message ?? '日期不正确');
              },
            },
          ]}
        >
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="入户人员"
          name="visitors"
          rules={[{ required: true, whitespace: true, message: '请填写入户人员' }, zodRule(visit.visitors)]}
        >
          <Input maxLength={100} placeholder="例如：张三（镇自然资源所）、李四（村委会）" />
        </Form.Item>
        <Form.Item
          label="在场人员"
          name="peoplePresent"
          rules={[{ required: true, whitespace: true, message: '请填写在场人员' }, zodRule(visit.peoplePresent)]}
        >
          <Input maxLength={100} placeholder="核实时在家的人，例如：户主本人及配偶" />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item label="房屋结构" name="houseStructure" rules={[{ required: true, message: '请确认房屋结构是否与登记一致' }]}>
            <Radio.Group options={HOUSE_CHECKS.map((value) => ({ value, label: HOUSE_CHECK_LABELS[value] }))} />
          </Form.Item>
          <Form.Item label="隐患情况" name="hazard" rules={[{ required: true, message: '请确认隐患情况是否属实' }]}>
            <Radio.Group options={HAZARD_CHECKS.map((value) => ({ value, label: HAZARD_CHECK_LABELS[value] }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          label="核实情况"
          name="findings"
          rules={[{ required: true, whitespace: true, message: '请填写核实情况' }, zodRule(visit.findings)]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="看到的房屋和隐患情况；与登记不符的，写明哪里不符" />
        </Form.Item>
        <Form.Item label={`现场照片（最多 ${MAX_PHOTOS} 张）`}>
          <Upload<PhotoRef>
            listType="picture-card"
            accept={PHOTO_MIME_TYPES.join(',')}
            multiple
            fileList={photos}
            maxCount={MAX_PHOTOS}
            onChange={({ fileList }) => setPhotos(fileList)}
            beforeUpload={(file) => {
              if (!(PHOTO_MIME_TYPES as readonly string[]).includes(file.type)) {
                void message.error('只能上传 JPG、PNG 或 WebP 格式的照片');
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_PHOTO_BYTES) {
                void message.error(`照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              uploadPhoto(file as File)
                .then((photo) => onSuccess?.(photo))
                .catch((error: unknown) => {
                  void message.error(isApiError(error) ? error.message : '照片上传失败，请重试');
                  onError?.(error instanceof Error ? error : new Error('照片上传失败'));
                });
            }}
          >
            {photos.length < MAX_PHOTOS && (
              <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
                <PlusOutlined />
                <div style={{ marginTop: 8 }}>上传照片</div>
              </button>
            )}
          </Upload>
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={verify.isPending}>
            完成核实
          </Button>
        </Flex>
      </Form>
    </>
  );
}
