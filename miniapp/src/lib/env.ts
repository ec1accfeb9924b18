/**
 * Where the API lives. H5 is served by the API server itself, so it calls the same origin.
 * Platform branches elsewhere test `process.env.TARO_ENV` inline rather than through a constant:
 * the build replaces it with a literal, so the other platform's code (e.g. the dev-only fake
 * WeChat calls) is dropped from the bundle.
 */
export const API_BASE = process.env.TARO_ENV === 'h5' ? '/api' : process.env.TARO_APP_API_BASE;
