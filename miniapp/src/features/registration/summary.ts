import {
  HAZARD_TYPE_LABELS,
  HOUSE_STRUCTURE_LABELS,
  RELATION_LABELS,
  RESETTLEMENT_TYPE_LABELS,
  SPECIAL_STATUS_LABELS,
  WILLINGNESS_LABELS,
  WORK_ABILITY_LABELS,
  type ResidentRegistration,
  type SpecialStatus,
  type WorkAbility,
} from '@anqian/shared';
import { shortDivisionName } from '@/lib/division-names';
import type { RegistrationDraft } from './draft';
import type { StepKey } from './validation';

/** What the resident reads before submitting and after: plain words, one row per fact. */
export type SummaryRow = { label: string; value: string };
export type SummarySection = { step: StepKey; title: string; rows: SummaryRow[] };

const NOT_FILLED = '未填写';

export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${match[1]}年${Number(match[2])}月` : month;
}

function personDetails(workAbility: WorkAbility | '', specialStatus: readonly SpecialStatus[]): string {
  const parts = [workAbility ? WORK_ABILITY_LABELS[workAbility] : '劳动能力未选'];
  if (specialStatus.length > 0) parts.push(specialStatus.map((status) => SPECIAL_STATUS_LABELS[status]).join('、'));
  return parts.join('，');
}

/**
 * In full: the resident checks on their own phone, before sending, the number they just typed, and
 * a masked number cannot be checked against the ID card. What comes back from the server (below) is
 * masked as always.
 */
function typedIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase() || NOT_FILLED;
}

type Names = { township?: string; village?: string; site?: string };

export function draftSections(draft: RegistrationDraft, names: Names): SummarySection[] {
  const { head, hazard, house, wishes } = draft;
  const unwilling = wishes.willingness === 'unwilling';
  return [
    {
      step: 'head',
      title: '户主信息',
      rows: [
        { label: '姓名', value: head.name.trim() || NOT_FILLED },
        { label: '身份证号', value: typedIdNumber(head.idNumber) },
        { label: '手机号', value: head.phone.trim() || NOT_FILLED },
        { label: '情况', value: personDetails(head.workAbility, head.specialStatus) },
      ],
    },
    {
      step: 'members',
      title: `家庭成员（${draft.members.length} 人）`,
      rows:
        draft.members.length === 0
          ? [{ label: '成员', value: '只有户主一人' }]
          : draft.members.map((member, index) => ({
              label: `成员 ${index + 1}`,
              value: `${member.name.trim() || NOT_FILLED}（${member.relation ? RELATION_LABELS[member.relation] : '关系未选'}），身份证 ${typedIdNumber(member.idNumber)}，${personDetails(member.workAbility, member.specialStatus)}`,
            })),
    },
    {
      step: 'house',
      title: '房屋与隐患',
      rows: [
        { label: '所在村', value: names.village ? `${names.township ?? ''} ${names.village}`.trim() : NOT_FILLED },
        { label: '详细住址', value: draft.address.trim() || NOT_FILLED },
        { label: '隐患类型', value: hazard.type ? HAZARD_TYPE_LABELS[hazard.type] : NOT_FILLED },
        { label: '隐患点编号', value: hazard.pointNumber.trim() || '不清楚' },
        { label: '房屋结构', value: house.structure ? HOUSE_STRUCTURE_LABELS[house.structure] : NOT_FILLED },
        { label: '房屋面积', value: house.floorArea.trim() ? `${house.floorArea.trim()} 平方米` : NOT_FILLED },
        { label: '建造年份', value: house.yearBuilt.trim() ? `${house.yearBuilt.trim()} 年` : NOT_FILLED },
      ],
    },
    {
      step: 'wishes',
      title: '搬迁意愿',
      rows: [
        { label: '是否愿意搬迁', value: wishes.willingness ? WILLINGNESS_LABELS[wishes.willingness] : NOT_FILLED },
        ...(unwilling
          ? []
          : [
              {
                label: '安置方式',
                value: wishes.resettlementType ? RESETTLEMENT_TYPE_LABELS[wishes.resettlementType] : NOT_FILLED,
              },
              ...(wishes.resettlementType === 'centralized'
                ? [{ label: '意向安置点', value: names.site ?? '暂不选择，由工作人员安排' }]
                : []),
              { label: '意向搬迁时间', value: wishes.preferredMoveMonth ? formatMonth(wishes.preferredMoveMonth) : '暂不确定' },
            ]),
        { label: unwilling ? '不愿意的原因' : '补充说明', value: wishes.reasons.trim() || '无' },
      ],
    },
    {
      step: 'photos',
      title: '照片',
      rows: [{ label: '已上传', value: draft.photos.length > 0 ? `${draft.photos.length} 张` : '没有上传照片' }],
    },
  ];
}

/** The same sections from what the server returned: exactly what it holds, IDs and phone masked. */
export function registrationSections(registration: ResidentRegistration): SummarySection[] {
  const { household, wishes } = registration;
  const unwilling = wishes.willingness === 'unwilling';
  return [
    {
      step: 'head',
      title: '户主信息',
      rows: [
        { label: '姓名', value: household.head.name },
        { label: '身份证号', value: household.head.idNumberMasked },
        { label: '手机号', value: household.head.phoneMasked },
        { label: '情况', value: personDetails(household.head.workAbility, household.head.specialStatus) },
      ],
    },
    {
      step: 'members',
      title: `家庭成员（${household.members.length} 人）`,
      rows:
        household.members.length === 0
          ? [{ label: '成员', value: '只有户主一人' }]
          : household.members.map((member, index) => ({
              label: `成员 ${index + 1}`,
              value: `${member.name}（${RELATION_LABELS[member.relation]}，${member.age} 岁），身份证 ${member.idNumberMasked}，${personDetails(member.workAbility, member.specialStatus)}`,
            })),
    },
    {
      step: 'house',
      title: '房屋与隐患',
      rows: [
        { label: '所在村', value: `${household.townshipName} ${shortDivisionName(household.villageName)}` },
        { label: '详细住址', value: household.address },
        { label: '隐患类型', value: HAZARD_TYPE_LABELS[household.hazard.type] },
        { label: '隐患点编号', value: household.hazard.pointNumber || '不清楚' },
        { label: '房屋结构', value: HOUSE_STRUCTURE_LABELS[household.house.structure] },
        { label: '房屋面积', value: `${household.house.floorArea} 平方米` },
        { label: '建造年份', value: `${household.house.yearBuilt} 年` },
      ],
    },
    {
      step: 'wishes',
      title: '搬迁意愿',
      rows: [
        { label: '是否愿意搬迁', value: WILLINGNESS_LABELS[wishes.willingness] },
        ...(unwilling
          ? []
          : [
              { label: '安置方式', value: wishes.resettlementType ? RESETTLEMENT_TYPE_LABELS[wishes.resettlementType] : NOT_FILLED },
              ...(wishes.resettlementType === 'centralized'
                ? [{ label: '意向安置点', value: wishes.preferredSite?.name ?? '暂不选择，由工作人员安排' }]
                : []),
              { label: '意向搬迁时间', value: wishes.preferredMoveMonth ? formatMonth(wishes.preferredMoveMonth) : '暂不确定' },
            ]),
        { label: unwilling ? '不愿意的原因' : '补充说明', value: wishes.reasons || '无' },
      ],
    },
    {
      step: 'photos',
      title: '照片',
      rows: [{ label: '已上传', value: household.photos.length > 0 ? `${household.photos.length} 张` : '没有上传照片' }],
    },
  ];
}
