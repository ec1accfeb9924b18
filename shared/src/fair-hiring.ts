/**
 * The Employment Promotion Law (《就业促进法》 arts. 3, 27, 28) forbids hiring by gender or
 * ethnicity, so a posting may not state either as a requirement. Text that names a gender or an
 * ethnic group is refused with the term it found; "性别不限"-style phrases that lift a restriction
 * are allowed.
 */
const GENDER_TERMS = [
  '性别', '男性', '女性', '男士', '女士', '男生', '女生', '男工', '女工', '男子', '女子', '男同志', '女同志',
  '限男', '限女', '只招男', '只招女', '仅招男', '仅招女', '只要男', '只要女', '男优先', '女优先', '已婚', '未婚', '未育',
];

/** The 56 ethnic groups of China, and the general words. */
const ETHNIC_TERMS = [
  '民族', '少数民族', '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族',
  '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族',
  '赫哲族', '门巴族', '珞巴族', '基诺族',
];

const UNRESTRICTED = /男女不限|不限男女|性别不限|不限性别|民族不限|不限民族/g;

export type RestrictedTerm = { kind: 'gender' | 'ethnicity'; term: string };

/** The first gender or ethnicity term in `text`, or null. */
export function restrictedHiringTerm(text: string): RestrictedTerm | null {
  const plain = text.replace(UNRESTRICTED, '');
  const gender = GENDER_TERMS.find((term) => plain.includes(term));
  if (gender) return { kind: 'gender', term: gender };
  const ethnic = ETHNIC_TERMS.find((term) => plain.includes(term));
  return ethnic ? { kind: 'ethnicity', term: ethnic } : null;
}

export function restrictedHiringMessage({ kind, term }: RestrictedTerm): string {
  const what = kind === 'gender' ? '性别（或婚育状况）' : '民族';
  return `招聘岗位不能限定${what}，这里写了“${term}”。《就业促进法》规定招用人员不得因${kind === 'gender' ? '性别' : '民族'}歧视劳动者，请删去后再提交`;
}
