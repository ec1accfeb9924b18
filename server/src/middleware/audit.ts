import type { RouterMiddleware } from '@koa/router';
import type { AppState, AppContextExtras } from '../app-context';
import { AppError } from '../errors';

/**
 * Records a staff write after it ran, successful or not: who, role, division, IP, action,
 * target (set by the handler in ctx.state.auditTarget: type, id, the name a reader knows it by,
 * and what a success changed) and result.
 */
export function audit(action: string): RouterMiddleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    let failure: string | null = null;
    try {
      await next();
    } catch (error) {
      failure = error instanceof AppError ? error.code : 'INTERNAL';
      throw error;
    } finally {
      const staff = ctx.state.staff;
      const target = ctx.state.auditTarget;
      await ctx.services.audit.record({
        actor: staff ? { id: staff.id, name: staff.displayName, role: staff.role, divisionCode: staff.divisionCode } : null,
        ip: ctx.ip,
        action,
        targetType: target?.type ?? null,
        targetId: target?.id ?? ctx.params.id ?? null,
        targetName: target?.name ?? null,
        result: failure ? 'failure' : 'success',
        detail: failure ?? target?.detail ?? null,
        changes: failure ? [] : (target?.changes ?? []),
      });
    }
  };
}
