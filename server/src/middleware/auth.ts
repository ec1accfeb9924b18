import { timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Access } from '../routing/define-route';
import type { AppState, AppContextExtras } from '../app-context';
import { AppError } from '../errors';

export const STAFF_SESSION_COOKIE = 'aq_sid';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function bearerToken(header: string): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match ? match[1] : null;
}

/** Enforces a route's declared access before any input is read. */
export function guard(access: Access): Middleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    switch (access.kind) {
      case 'public':
        break;
      case 'staff': {
        const token = ctx.cookies.get(STAFF_SESSION_COOKIE);
        if (!token) throw new AppError('UNAUTHENTICATED');
        const { actor, sessionId, csrfToken, passwordChangeRequired } = await ctx.services.staffAuth.authenticate(token);
        ctx.state.staff = actor;
        ctx.state.staffSession = { id: sessionId, csrfToken };
        if (!SAFE_METHODS.has(ctx.method) && !sameToken(ctx.get('X-CSRF-Token'), csrfToken)) {
          throw new AppError('CSRF_INVALID');
        }
        if (!access.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
        if (passwordChangeRequired && !access.duringPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
        break;
      }
      case 'resident': {
        const token = bearerToken(ctx.get('Authorization'));
        if (!token) throw new AppError('UNAUTHENTICATED');
        const resident = await ctx.services.residents.authenticate(token);
        ctx.state.residentId = resident.id;
        if (access.consent && !resident.hasConsent) throw new AppError('CONSENT_REQUIRED');
        if (access.consent === 'sensitive' && !resident.hasSensitiveConsent) throw new AppError('SENSITIVE_CONSENT_REQUIRED');
        break;
      }
    }
    await next();
  };
}
