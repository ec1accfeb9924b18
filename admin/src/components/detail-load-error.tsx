import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '@/lib/api-client';
import { ErrorState } from './error-state';

type Props = {
  error: unknown;
  onRetry: () => void;
  /** Shown above the error when loading failed for another reason. */
  errorTitle: string;
  notFound: { title: string; subTitle: string; backTo: string; backLabel: string };
};

/**
 * A detail page whose record did not load: "not found" with a way back when the id names nothing
 * the caller may see (404, or not an id at all), otherwise the error with 重试.
 */
export function DetailLoadError({ error, onRetry, errorTitle, notFound }: Props) {
  const navigate = useNavigate();
  if (isApiError(error) && (error.status === 404 || error.code === 'VALIDATION_FAILED')) {
    return (
      <Result
        status="404"
        title={notFound.title}
        subTitle={notFound.subTitle}
        extra={
          <Button type="primary" onClick={() => void navigate(notFound.backTo)}>
            {notFound.backLabel}
          </Button>
        }
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} title={errorTitle} />;
}
