import pino, { type Logger } from 'pino';

export type { Logger };

/** Secrets and WeChat session keys never reach a log line, whatever object carries them. */
export const createLogger = (level: string) =>
  pino({
    level,
    redact: {
      paths: ['*.password', '*.newPassword', '*.currentPassword', '*.sessionKey', '*.session_key', '*.secret', '*.access_token', '*.authorization', '*.cookie'],
      censor: '[redacted]',
    },
  });
