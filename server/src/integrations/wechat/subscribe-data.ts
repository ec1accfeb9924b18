/**
 * Subscribe-message field limits (thing ≤ 20 characters, phrase ≤ 5 Chinese characters, name ≤ 10,
 * character_string / number ≤ 32). Checked before sending because WeChat answers 47003 for the
 * whole message without saying which field was wrong. The fake WeChat server applies the same rules.
 */

/** Template data as WeChat takes it: `{ thing1: { value: '…' }, time2: { value: '…' } }`. */
export type SubscribeMessageData = Record<string, { value: string }>;

const MAX_CHARACTERS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
};

const FIELD_KEY = /^([a-z_]+?)\d+$/;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const NUMBER = /^\d+(\.\d+)?$/;

/** What is wrong with `data`, or null if WeChat should accept it. */
export function findSubscribeDataProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data must be an object';
  const entries = Object.entries(data);
  if (entries.length === 0) return 'data is empty';
  for (const [key, field] of entries) {
    const type = FIELD_KEY.exec(key)?.[1];
    if (!type) return `data.${key} is not a template field key`;
    const value: unknown = (field as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' || value.trim() === '') return `data.${key}.value is empty`;
    const length = [...value].length;
    const max = MAX_CHARACTERS[type];
    if (max !== undefined && length > max) return `data.${key}.value is longer than ${max} characters`;
    if (type === 'phrase' && !HAN_ONLY.test(value)) return `data.${key}.value must be Chinese characters only`;
    if (type === 'number' && !NUMBER.test(value)) return `data.${key}.value must be a number`;
  }
  return null;
}
