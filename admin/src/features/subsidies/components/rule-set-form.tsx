import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Switch, Typography, type FormInstance } from 'antd';
import {
  MAX_SUBSIDY_FEN,
  RESETTLEMENT_TYPE_LABELS,
  RESETTLEMENT_TYPES,
  SPECIAL_STATUS_LABELS,
  SPECIAL_STATUSES,
  type SubsidyRuleSet,
  type SubsidyRuleSetSummary,
} from '@anqian/shared';
import { checkRuleSet, type RuleSetValues } from '@/features/subsidies/components/rule-set-values';
import { PolicyPicker } from '@/features/subsidies/components/policy-picker';
import { SubsidyPreview } from '@/features/subsidies/components/subsidy-preview';

type Props = {
  form: FormInstance<RuleSetValues>;
  initialValues: RuleSetValues;
  /** The saved rule set being edited, for the before/after comparison and the overlap check. */
  saved: SubsidyRuleSet | null;
  others: readonly SubsidyRuleSetSummary[];
  readOnly: boolean;
  /** Messages from the server (a clash found on save, a field it refused), by form field. */
  serverErrors: ReadonlyMap<string, string>;
  /** True once the user tried to save: then every problem shows, touched or not. */
  showAllErrors: boolean;
  /** Any edit makes the server's last answer stale. */
  onEdit: () => void;
  footer: ReactNode;
};

type FieldErrors = (key: string) => { validateStatus?: 'error'; help?: string };

export function RuleSetForm({ form, initialValues, saved, others, readOnly, serverErrors, showAllErrors, onEdit, footer }: Props) {
  const [values, setValues] = useState(initialValues);
  const check = useMemo(() => checkRuleSet(values, others, saved?.id), [values, others, saved?.id]);
  const fieldErrors: FieldErrors = (key) => {
    const message = serverErrors.get(key) ?? check.errors.get(key);
    if (!message || readOnly) return {};
    if (!showAllErrors && !serverErrors.has(key) && !form.isFieldTouched(key.split('.') as Parameters<typeof form.isFieldTouched>[0])) return {};
    return { validateStatus: 'error', help: message };
  };

  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} xl={14}>
        <Form<RuleSetValues>
          form={form}
          name="rule-set-form"
          layout="vertical"
          initialValues={initialValues}
          disabled={readOnly}
          requiredMark={!readOnly}
          onValuesChange={() => {
            // The whole store, including items switched off (their fields are not mounted).
            setValues(form.getFieldsValue(true) as RuleSetValues);
            onEdit();
          }}
        >
          <Flex vertical gap={16}>
            <Card title="名称与执行期" size="small">
              <Row gutter={16}>
                <Col xs={24} md={14}>
                  <Form.Item label="名称" name="name" required {...fieldErrors('name')}>
                    <Input maxLength={60} placeholder="如 武定县易地避险搬迁补助标准（2031年）" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item label="执行期（含首尾两天）" name="period" required {...fieldErrors('period')}>
                    <DatePicker.RangePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title="住房补助（按搬迁人口，每人）" size="small">
              <Row gutter={16}>
                {RESETTLEMENT_TYPES.map((type) => (
                  <Col xs={12} md={6} key={type}>
                    <Form.Item label={RESETTLEMENT_TYPE_LABELS[type]} name={['housing', type]} required {...fieldErrors(`housing.${type}`)}>
                      <MoneyInput suffix="元/人" />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <CitationFields prefix={['housing']} fieldErrors={fieldErrors} />
            </Card>
            <OptionalItem title="每户基础补助" name="householdBase" readOnly={readOnly}>
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item label="金额" name={['householdBase', 'amount']} required {...fieldErrors('householdBase.amount')}>
                    <MoneyInput suffix="元/户" />
                  </Form.Item>
                </Col>
                <CitationCols prefix={['householdBase']} fieldErrors={fieldErrors} />
              </Row>
            </OptionalItem>
            {SPECIAL_STATUSES.map((status) => (
              <OptionalItem key={status} title={`${SPECIAL_STATUS_LABELS[status]}人员补助（每人加发）`} name={['specialStatus', status]} readOnly={readOnly}>
                <Row gutter={16}>
                  <Col xs={24} md={6}>
                    <Form.Item label="每人" name={['specialStatus', status, 'perPerson']} required {...fieldErrors(`specialStatus.${status}.perPerson`)}>
                      <MoneyInput suffix="元/人" />
                    </Form.Item>
                  </Col>
                  <CitationCols prefix={['specialStatus', status]} fieldErrors={fieldErrors} />
                </Row>
              </OptionalItem>
            ))}
            <OptionalItem title="拆旧复垦奖励（按旧房面积，按期拆除才有）" name="demolition" readOnly={readOnly}>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item label="每平方米" name={['demolition', 'perSquareMetre']} required {...fieldErrors('demolition.perSquareMetre')}>
                    <MoneyInput suffix="元/m²" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label="每户最多" name={['demolition', 'cap']} required {...fieldErrors('demolition.cap')}>
                    <MoneyInput suffix="元" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label="拆除期限（含当天）" name={['demolition', 'deadline']} required {...fieldErrors('demolition.deadline')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <CitationFields prefix={['demolition']} fieldErrors={fieldErrors} />
            </OptionalItem>
            <OptionalItem title="提前搬迁奖励（每户）" name="earlyMove" readOnly={readOnly}>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item label="金额" name={['earlyMove', 'amount']} required {...fieldErrors('earlyMove.amount')}>
                    <MoneyInput suffix="元/户" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label="搬迁期限（含当天）" name={['earlyMove', 'deadline']} required {...fieldErrors('earlyMove.deadline')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <CitationFields prefix={['earlyMove']} fieldErrors={fieldErrors} />
            </OptionalItem>
            <OptionalItem title="每户补助上限" name="householdCap" readOnly={readOnly}>
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item label="每户合计最多" name={['householdCap', 'cap']} required {...fieldErrors('householdCap.cap')}>
                    <MoneyInput suffix="元" />
                  </Form.Item>
                </Col>
                <CitationCols prefix={['householdCap']} fieldErrors={fieldErrors} />
              </Row>
            </OptionalItem>
            {!readOnly && showAllErrors && check.errors.size > 0 && (
              <Alert
                type="error"
                showIcon
                title={`还有 ${check.errors.size} 处需要修正`}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {[...check.errors.values()].map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {footer}
          </Flex>
        </Form>
      </Col>
      <Col xs={24} xl={10} style={{ position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>
        <SubsidyPreview check={check} saved={readOnly ? null : saved} />
      </Col>
    </Row>
  );
}

function MoneyInput(props: { id?: string; value?: number | null; onChange?: (value: number | null) => void; suffix: string; disabled?: boolean }) {
  return <InputNumber {...props} min={0} max={MAX_SUBSIDY_FEN / 100} precision={2} step={100} style={{ width: '100%' }} />;
}

type NamePath = (string | number)[];

/** Which policy document an item comes from, and the article (shown to residents beside the line). */
function CitationCols({ prefix, fieldErrors, wide }: { prefix: NamePath; fieldErrors: FieldErrors; wide?: boolean }) {
  const key = prefix.join('.');
  return (
    <>
      <Col xs={24} md={wide ? 14 : 10}>
        <Form.Item label="依据文件" name={[...prefix, 'policyId']} required {...fieldErrors(`${key}.policyId`)}>
          <PolicyPicker />
        </Form.Item>
      </Col>
      <Col xs={24} md={wide ? 10 : 8}>
        <Form.Item label="依据条款" name={[...prefix, 'source']} required {...fieldErrors(`${key}.source`)}>
          <Input maxLength={60} placeholder="如 武府发〔2026〕12号 第三条" autoComplete="off" />
        </Form.Item>
      </Col>
    </>
  );
}

function CitationFields(props: { prefix: NamePath; fieldErrors: FieldErrors }) {
  return (
    <Row gutter={16}>
      <CitationCols {...props} wide />
    </Row>
  );
}

/** An item the county may or may not grant: a switch, and its fields only when it is on. */
function OptionalItem({ title, name, readOnly, children }: { title: string; name: string | NamePath; readOnly: boolean; children: ReactNode }) {
  const path = Array.isArray(name) ? name : [name];
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Form.Item name={[...path, 'enabled']} valuePropName="checked" noStyle>
          <Switch checkedChildren="发放" unCheckedChildren="不发放" aria-label={`${title}：是否发放`} />
        </Form.Item>
      }
    >
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue([...path, 'enabled']) ? (
            children
          ) : (
            <Typography.Text type="secondary">{readOnly ? '本标准不含此项' : '不发放此项。打开右上角开关后填写金额和依据。'}</Typography.Text>
          )
        }
      </Form.Item>
    </Card>
  );
}
