/**
 * Staff password rules (等保 2.0 level 2): at least 8 characters, 3 of 4 character classes,
 * not a well-known default, not containing the user name. Reuse of the last 5 passwords is
 * checked on the server, which alone holds the hashes.
 */
const KNOWN_DEFAULTS = new Set([
  '123456', '12345678', '123456789', '1234567890', 'password', 'password1', 'password123', 'passw0rd',
  'p@ssw0rd', 'p@ssword', 'admin123', 'admin@123', 'admin123456', 'qwerty123', 'abc123456', 'a123456',
  '1qaz2wsx', '1qaz@wsx', 'qwe123!@#', 'abc@123', 'abcd1234', 'root123', 'aa123456', 'zxcvbnm123',
]);

export const PASSWORD_MIN_LENGTH = 8;

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > 64) problems.push('不能超过 64 位');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('需包含大写字母、小写字母、数字、符号中的至少 3 类');
  if (KNOWN_DEFAULTS.has(password.toLowerCase())) problems.push('不能使用常见的默认密码');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('不能包含用户名');
  }
  return problems;
}
