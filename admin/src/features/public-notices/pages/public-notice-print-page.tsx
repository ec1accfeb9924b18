import { Alert, Button, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { PublicNotice } from '@anqian/shared';
import { isApiError } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useDownloadPublicNoticePdf } from '@/features/public-notices/api/download-public-notice-pdf';
import { usePublicNotice } from '@/features/public-notices/api/get-public-notice';
import { LoadedNotice } from '@/features/public-notices/components/loaded-notice';
import { NoticeSheet } from '@/features/public-notices/components/notice-sheet';

/**
 * The notice to print for the village noticeboard. Printing from the browser always works (and
 * 另存为 PDF gives a file); the server's PDF needs a Chinese font it may lack.
 */
export function PublicNoticePrintPage() {
  const { id = '' } = useParams();
  const notice = usePublicNotice(id);
  useDocumentTitle(notice.data ? `${notice.data.title}（张贴版）` : '公示张贴版');

  return (
    <LoadedNotice notice={notice}>
      {(loaded) => (
        <div className="notice-print">
          <Toolbar notice={loaded} />
          <NoticeSheet notice={loaded} />
        </div>
      )}
    </LoadedNotice>
  );
}

function Toolbar({ notice }: { notice: PublicNotice }) {
  const navigate = useNavigate();
  const download = useDownloadPublicNoticePdf();
  const error = download.error;
  return (
    <Flex vertical gap={12} className="notice-print__toolbar">
      <Flex gap={8} wrap align="center">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/public-notices/${notice.id}`)}>
          返回公示详情
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate({ id: notice.id, title: notice.title })}>
          下载 PDF
        </Button>
        <Typography.Text type="secondary">用 A4 纸打印后张贴在村务公开栏。也可以在打印窗口选「另存为 PDF」。</Typography.Text>
      </Flex>
      {error ? (
        <Alert
          type={isApiError(error, 'PDF_FONT_MISSING') ? 'warning' : 'error'}
          showIcon
          title="PDF 没有生成"
          description={isApiError(error) ? error.message : '出现了意外错误，请稍后再试，或点「打印」'}
        />
      ) : null}
    </Flex>
  );
}
