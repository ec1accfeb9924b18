import { z } from 'zod';
import { ID_NUMBER_MESSAGES, idNumberProblem } from '../id-number';
import { MOBILE_PATTERN } from '../masking';
import { divisionCodeSchema } from './staff';
import { objectIdSchema } from './common';

/** The household file (一户一档): who lives in the household, where, on what hazard, in what house. */

export const RELATIONS = ['spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'child_in_law', 'other'] as const;
export const RELATION_LABELS: Record<(typeof RELATIONS)[number], string> = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  child_in_law: '儿媳/女婿',
  other: '其他',
};

export const WORK_ABILITIES = ['full', 'weak', 'none'] as const;
export const WORK_ABILITY_LABELS: Record<(typeof WORK_ABILITIES)[number], string> = {
  full: '有劳动能力',
  weak: '弱劳动能力',
  none: '无劳动能力',
};

export const SPECIAL_STATUSES = ['dibao', 'tekun', 'disabled'] as const;
export const SPECIAL_STATUS_LABELS: Record<(typeof SPECIAL_STATUSES)[number], string> = {
  dibao: '低保',
  tekun: '特困',
  disabled: '残疾',
};

export const HAZARD_TYPES = ['landslide', 'debris_flow', 'rockfall', 'ground_collapse', 'ecological', 'other'] as const;
export const HAZARD_TYPE_LABELS: Record<(typeof HAZARD_TYPES)[number], string> = {
  landslide: '滑坡',
  debris_flow: '泥石流',
  rockfall: '崩塌',
  ground_collapse: '地面塌陷',
  ecological: '生态脆弱区',
  other: '其他',
};

export const HOUSE_STRUCTURES = ['earth_wood', 'brick_wood', 'brick_concrete', 'frame', 'other'] as const;
export const HOUSE_STRUCTURE_LABELS: Record<(typeof HOUSE_STRUCTURES)[number], string> = {
  earth_wood: '土木结构',
  brick_wood: '砖木结构',
  brick_concrete: '砖混结构',
  frame: '框架结构',
  other: '其他',
};

export const MAX_MEMBERS = 20;
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const idNumberSchema = z
  .string('请输入身份证号')
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[problem] });
  });

const personNameSchema = z
  .string('请输入姓名')
  .trim()
  .min(1, '请输入姓名')
  .max(30, '姓名最多 30 个字')
  .regex(/^[\p{Script=Han}A-Za-z·.\s]+$/u, '姓名只能包含汉字、字母和间隔号');

const specialStatusSchema = z
  .array(z.enum(SPECIAL_STATUSES, '特殊情况不正确'), '特殊情况应为列表')
  .max(SPECIAL_STATUSES.length, '特殊情况选项太多')
  .refine((list) => new Set(list).size === list.length, '特殊情况不能重复')
  .default([]);

const personSchema = z.object({
  name: personNameSchema,
  idNumber: idNumberSchema,
  workAbility: z.enum(WORK_ABILITIES, '请选择劳动能力'),
  specialStatus: specialStatusSchema,
});

export const householdHeadSchema = personSchema.extend({
  phone: z.string('请输入手机号').trim().regex(MOBILE_PATTERN, '请输入 11 位手机号'),
});

export const householdMemberSchema = personSchema.extend({
  relation: z.enum(RELATIONS, '请选择与户主关系'),
});

const currentYear = () => new Date().getFullYear();

export const householdSchema = z
  .object({
    head: householdHeadSchema,
    members: z.array(householdMemberSchema, '家庭成员应为列表').max(MAX_MEMBERS, `家庭成员最多 ${MAX_MEMBERS} 人`).default([]),
    villageCode: divisionCodeSchema,
    address: z.string('请输入住址').trim().min(2, '请输入详细住址').max(100, '住址最多 100 个字'),
    hazard: z.object({
      type: z.enum(HAZARD_TYPES, '请选择隐患类型'),
      pointNumber: z
        .string()
        .trim()
        .max(32, '隐患点编号最多 32 个字符')
        .regex(/^[A-Za-z0-9-]*$/, '隐患点编号只能包含字母、数字和短横线')
        .optional(),
    }),
    house: z.object({
      structure: z.enum(HOUSE_STRUCTURES, '请选择房屋结构'),
      floorArea: z
        .number('请输入房屋面积（数字）')
        .min(5, '房屋面积不能小于 5 平方米')
        .max(2000, '房屋面积不能大于 2000 平方米')
        .refine((value) => Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, '房屋面积最多保留两位小数'),
      yearBuilt: z
        .number('请输入建造年份（数字）')
        .int('建造年份应为整数')
        .min(1900, '建造年份不能早于 1900 年')
        .refine((year) => year <= currentYear(), '建造年份不能晚于今年'),
    }),
    photoIds: z.array(objectIdSchema, '照片应为列表').max(MAX_PHOTOS, `照片最多 ${MAX_PHOTOS} 张`).default([]),
  })
  .superRefine((household, ctx) => {
    const seen = new Map<string, string>([[household.head.idNumber, 'head.idNumber']]);
    household.members.forEach((member, index) => {
      if (seen.has(member.idNumber)) {
        ctx.addIssue({ code: 'custom', path: ['members', index, 'idNumber'], message: '同一户内身份证号不能重复' });
      }
      seen.set(member.idNumber, `members.${index}.idNumber`);
    });
    if (new Set(household.photoIds).size !== household.photoIds.length) {
      ctx.addIssue({ code: 'custom', path: ['photoIds'], message: '照片不能重复' });
    }
  });

export type HouseholdInput = z.input<typeof householdSchema>;
export type Household = z.output<typeof householdSchema>;
export type Relation = (typeof RELATIONS)[number];
export type WorkAbility = (typeof WORK_ABILITIES)[number];
export type SpecialStatus = (typeof SPECIAL_STATUSES)[number];
export type HazardType = (typeof HAZARD_TYPES)[number];
export type HouseStructure = (typeof HOUSE_STRUCTURES)[number];

/** A person as it leaves the server: ID number masked, age derived from it. */
export type PresentedPerson = {
  name: string;
  idNumberMasked: string;
  age: number;
  gender: 'male' | 'female';
  workAbility: WorkAbility;
  specialStatus: SpecialStatus[];
};

export type PresentedHousehold = {
  head: PresentedPerson & { phoneMasked: string };
  members: (PresentedPerson & { relation: Relation })[];
  villageCode: string;
  villageName: string;
  townshipCode: string;
  townshipName: string;
  address: string;
  hazard: { type: HazardType; pointNumber?: string };
  house: { structure: HouseStructure; floorArea: number; yearBuilt: number };
  photos: PhotoRef[];
};

/** The full values behind the masks, returned only by the audited "show" action. */
export type RevealedHousehold = {
  head: { name: string; idNumber: string; phone: string };
  members: { name: string; idNumber: string }[];
};

export type PhotoRef = { id: string; mimeType: string; size: number; uploadedAt: string };
