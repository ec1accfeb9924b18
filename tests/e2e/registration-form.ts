import type { Locator } from 'playwright-core';
import { field, visibleText } from './h5';

/** A household as a resident types it into the mini-program; the labels are the form's own. */
export type TypedHousehold = {
  headName: string;
  headId: string;
  spouseName: string;
  spouseId: string;
  address: string;
  hazard: string;
  structure: string;
  floorArea: string;
  yearBuilt: string;
  resettlement: string;
  site?: string;
};

/** Fills the six steps of the registration form for a head with a spouse, and stops at the review. */
export async function fillRegistrationSteps(form: Locator, household: TypedHousehold) {
  const visible = (text: string) => visibleText(form, text);
  const fill = (placeholder: string, value: string) => field(form, placeholder).fill(value);

  await form.getByText('第 1 步，共 6 步').waitFor();
  await fill('请输入户主姓名', household.headName);
  await fill('请输入 18 位身份证号', household.headId);
  await fill('请输入 11 位手机号', '13987654321');
  await visible('有劳动能力').click();
  await visible('下一步').click();

  await form.getByText('第 2 步，共 6 步').waitFor();
  await visible('＋ 添加家庭成员').click();
  await fill('请输入成员姓名', household.spouseName);
  await visible('配偶').click();
  await fill('请输入 18 位身份证号', household.spouseId);
  await visible('弱劳动能力').click();
  await visible('完成').click();
  await visible('下一步').click();

  await form.getByText('第 3 步，共 6 步').waitFor();
  await visible('狮山镇').click();
  await visible('东岳社区').click();
  await fill('如：某某村民小组 12 号', household.address);
  await visible(household.hazard).click();
  await visible(household.structure).click();
  await fill('如：120', household.floorArea);
  await fill('如：1998', household.yearBuilt);
  await visible('下一步').click();

  await form.getByText('第 4 步，共 6 步').waitFor();
  await visible('愿意').click();
  await visible(household.resettlement).click();
  if (household.site) await visible(household.site).click();
  await visible('下一步').click();
  await form.getByText('第 5 步，共 6 步').waitFor();
  await visible('下一步').click();
  await form.getByText('第 6 步，共 6 步').waitFor();
}
