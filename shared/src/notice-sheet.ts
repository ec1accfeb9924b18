import type { TownshipContact } from './schemas/township-contact';

/** 2026-05-01 → 2026年5月1日, as a notice on the village board writes dates. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * Where and how to object to a notice, in words for the village noticeboard: the print page, the
 * PDF and the mini-program say the same. One line per township office, with its phone when set.
 */
export function noticeObjectionLines(notice: { endDate: string; contacts: readonly TownshipContact[] }): string[] {
  const offices = notice.contacts.map((contact) =>
    contact.officePhone ? `${contact.townshipName}人民政府，电话 ${contact.officePhone}` : `${contact.townshipName}人民政府（到乡镇当面反映）`,
  );
  return [
    `在公示期内（${chineseDate(notice.endDate)}以前），对名单中任何一户有异议的，请向乡镇人民政府反映：`,
    ...offices.map((office) => `· ${office}`),
    '可以打电话，也可以到乡镇人民政府当面反映，或请本村村委会转告。',
    '请说清楚是哪一户、有什么问题。可以留下姓名和电话，也可以不留。乡镇会核实处理。',
  ];
}

/**
 * The default text of a new notice. A township's names its office and phone; the county's notice
 * may list several townships, whose phones follow the list (`noticeObjectionLines`).
 */
export function defaultNoticeIntro(township: { name: string; officePhone: string | null } | null): string {
  if (!township) return '公示期间，如对公示对象有异议，可向户主所在乡镇人民政府实名或匿名反映（各乡镇电话附在名单后），我们将及时核查并答复。';
  const call = township.officePhone ? `（电话 ${township.officePhone}）` : '';
  return `公示期间，如对公示对象有异议，可向${township.name}人民政府${call}实名或匿名反映，我们将及时核查并答复。`;
}
