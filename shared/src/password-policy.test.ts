import { passwordProblems } from './password-policy';
import { changePasswordBodySchema } from './schemas/staff';

const CLASSES = '需包含大写字母、小写字母、数字、符号中的至少 3 类';
const DEFAULT = '不能使用常见的默认密码';

describe('passwordProblems', () => {
  it.each(['Test@Pass2026', 'abcDEF123', 'abc@def#123', 'ABC-DEF-123'])('accepts %s (8+ characters, 3 classes)', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it.each([
    ['too short', 'Ab1@xyz', ['至少 8 位']],
    ['too long', `Ab1@${'x'.repeat(61)}`, ['不能超过 64 位']],
    ['two classes', 'abcdefgh12', [CLASSES]],
    ['one class', 'abcdefghij', [CLASSES]],
    ['a known default that also lacks classes', 'password123', [CLASSES, DEFAULT]],
    ['a known default in all four classes', 'Admin@123', [DEFAULT]],
    ['a known default with changed case', 'P@SSW0RD', [DEFAULT]],
    ['a short number', '123456', ['至少 8 位', CLASSES, DEFAULT]],
  ])('refuses one that is %s', (_case, password, problems) => {
    expect(passwordProblems(password)).toEqual(problems);
  });

  it('refuses a password containing the user name, whatever the case', () => {
    expect(passwordProblems('Zhangsan@2026', 'zhangsan')).toEqual(['不能包含用户名']);
    expect(passwordProblems('Zhangsan@2026', 'lisi')).toEqual([]);
  });

  it('is what the change-password form checks, field by field', () => {
    const result = changePasswordBodySchema.safeParse({ currentPassword: 'x', newPassword: 'password123' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['newPassword', `新密码${CLASSES}`],
      ['newPassword', `新密码${DEFAULT}`],
    ]);
  });
});
