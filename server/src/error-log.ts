/** Where work that outlives its request reports failures (the request's logger). */
export type ErrorLog = { error(details: object, message: string): void };
