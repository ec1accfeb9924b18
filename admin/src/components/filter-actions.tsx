import { Button, Form, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

/** The 查询 / 重置 pair at the end of every list page's filter form. */
export function FilterActions({ onReset }: { onReset: () => void }) {
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          查询
        </Button>
        <Button onClick={onReset}>重置</Button>
      </Space>
    </Form.Item>
  );
}
