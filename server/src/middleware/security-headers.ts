import type { Middleware } from 'koa';

const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  // Taro's H5 stylesheet embeds its icon font as a data: URL.
  "font-src 'self' data:",
  "script-src 'self'",
  // Taro's H5 uploadFile reads the chosen photo back from its blob: URL before posting it.
  "connect-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function securityHeaders(options: { hsts: boolean }): Middleware {
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Content-Security-Policy', CSP);
    if (options.hsts) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    let answered = false;
    try {
      await next();
      answered = true;
    } finally {
      // Error answers too: they pass through here as exceptions on their way to the error handler.
      // A successful answer may choose its own caching (photos are private but cacheable).
      if (ctx.path.startsWith('/api/') && !(answered && ctx.response.get('Cache-Control'))) ctx.set('Cache-Control', 'no-store');
    }
  };
}
