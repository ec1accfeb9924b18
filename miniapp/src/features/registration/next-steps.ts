/**
 * What happens after a registration is sent, with the time each step usually takes, for the page
 * the resident lands on after submitting. The figures match RESIDENT_NEXT_STEP (shared), which says
 * the same one step at a time; they are the offices' usual pace, not deadlines. The notice period is
 * the county's shortest (NOTICE_MIN_DAYS, seven days by default).
 */
export const AFTER_SUBMIT_STEPS: readonly { title: string; text: string }[] = [
  { title: '乡镇受理', text: '乡镇工作人员查看您的登记，通常 5 个工作日内受理。受理前您可以撤回。' },
  { title: '上门核实', text: '受理后通常 10 个工作日内，工作人员会打电话约时间，到家里看房屋和隐患。' },
  { title: '公示', text: '核实无误后，乡镇一般 1 个月内安排在村里公示，至少 7 天，大家可以提意见。' },
  { title: '县里审批', text: '公示期满没有异议，县里通常 10 个工作日内审批，并安排安置点。' },
];

/** The whole way, from sending to approval, at that pace. */
export const AFTER_SUBMIT_TOTAL = '从提交到审批，一般要两个月左右。每一步有进展，都会在「消息」和「我的登记」里告诉您。';
