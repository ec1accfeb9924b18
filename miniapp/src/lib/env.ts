/** Where the API lives. H5 is served by the API server itself, so it calls the same origin. */
export const API_BASE = process.env.TARO_ENV === 'h5' ? '/api' : process.env.TARO_APP_API_BASE;

export const IS_WEAPP = process.env.TARO_ENV === 'weapp';
