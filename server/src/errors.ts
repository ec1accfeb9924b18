import { ERRORS, type ErrorCode, type ErrorDetail } from '@anqian/shared';

/** The one error type services throw; the error middleware turns it into the JSON body. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}

export const notFound = (message?: string) => new AppError('NOT_FOUND', message);
export const validationFailed = (details: ErrorDetail[]) => new AppError('VALIDATION_FAILED', undefined, details);
