import type { Middleware } from 'koa';
import mongoose from 'mongoose';
import { ERRORS, type ErrorBody, type ErrorCode, type ErrorDetail } from '@anqian/shared';
import { AppError } from '../errors';

type HttpishError = Error & { status?: number; statusCode?: number; type?: string; expose?: boolean };

function fromMongoose(error: unknown): AppError | null {
  if (error instanceof mongoose.Error.ValidationError) {
    const details = Object.values(error.errors).map((e) => ({ field: e.path, message: e.message }));
    return new AppError('VALIDATION_FAILED', undefined, details);
  }
  if (error instanceof mongoose.Error.CastError) {
    return new AppError('VALIDATION_FAILED', undefined, [{ field: error.path, message: '格式不正确' }]);
  }
  return null;
}

/** Body-parser and Koa errors carry a status; map the ones a client can cause to our codes. */
function fromHttpError(error: HttpishError): AppError | null {
  const status = error.status ?? error.statusCode;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 400 && (error instanceof SyntaxError || error.type === 'entity.parse.failed')) return new AppError('INVALID_JSON');
  if (status === 415) return new AppError('VALIDATION_FAILED', '请使用 JSON 格式提交');
  if (status === 404) return new AppError('NOT_FOUND');
  return null;
}

function send(ctx: Parameters<Middleware>[0], code: ErrorCode, message: string, details?: ErrorDetail[]) {
  const body: ErrorBody = { error: { code, message, requestId: ctx.state.requestId } };
  if (details?.length) body.error.details = details;
  ctx.status = ERRORS[code].status;
  ctx.body = body;
}

/** First in the chain: every error leaves as `{ error: { code, message, details } }`. */
export function errorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.body == null && ctx.path.startsWith('/api')) {
        if (ctx.status === 404) send(ctx, 'NOT_FOUND', '接口不存在');
        if (ctx.status === 405) send(ctx, 'METHOD_NOT_ALLOWED', ERRORS.METHOD_NOT_ALLOWED.message);
      }
    } catch (caught) {
      const error = caught as HttpishError;
      const known = error instanceof AppError ? error : (fromMongoose(error) ?? fromHttpError(error));
      if (known) {
        send(ctx, known.code, known.message, known.details);
        return;
      }
      ctx.state.log?.error({ err: error }, 'unhandled error');
      send(ctx, 'INTERNAL', ERRORS.INTERNAL.message);
    }
  };
}
