import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { problemMessage } from '../api/problem.ts';

/**
 * A refusal from the server as an error banner: the localised message, and the problem code itself
 * (with the server's own words, which name the certificate, the CA…) for the help desk.
 */
export function ProblemAlert({
  error,
  title,
  message,
  testId,
}: {
  error: unknown;
  title?: ReactNode;
  message?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  const text = message ?? problemMessage(t, error);
  return (
    <Alert
      type="error"
      showIcon
      className="form-alert"
      data-testid={testId}
      data-code={code}
      title={title ?? text}
      description={
        title || code ? (
          <>
            {title && <div>{text}</div>}
            {code && (
              <div className="problem-code">
                <span className="mono">{code}</span>
                {error instanceof ApiError && error.detail && <span className="muted"> · {error.detail}</span>}
              </div>
            )}
          </>
        ) : undefined
      }
    />
  );
}
