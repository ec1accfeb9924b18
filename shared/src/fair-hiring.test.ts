import { restrictedHiringMessage, restrictedHiringTerm } from './fair-hiring';

describe('restrictedHiringTerm', () => {
  test.each([
    ['限女性，18-40 岁', { kind: 'gender', term: '女性' }],
    ['只招男工', { kind: 'gender', term: '男工' }],
    ['性别：男', { kind: 'gender', term: '性别' }],
    ['彝族优先', { kind: 'ethnicity', term: '彝族' }],
    ['要求汉族', { kind: 'ethnicity', term: '汉族' }],
  ])('finds the restriction in “%s”', (text, found) => {
    expect(restrictedHiringTerm(text)).toEqual(found);
  });

  test.each(['会使用电动缝纫机，能吃苦', '男女不限，有驾照优先', '性别不限、民族不限', '上班族通勤车接送', '家政服务员（月嫂）'])('lets “%s” through', (text) => {
    expect(restrictedHiringTerm(text)).toBeNull();
  });

  test('the message names the term and the law', () => {
    expect(restrictedHiringMessage({ kind: 'ethnicity', term: '彝族' })).toMatch(/不能限定民族.*“彝族”.*就业促进法/);
  });
});
