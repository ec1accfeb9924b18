/** Makes user text safe to embed in a `$regex` filter. */
export const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
