import ExcelJS from 'exceljs';
import { CERTIFICATE_KIND_LABELS, type CertificateKind, fenToYuan, TRAINING_CATEGORY_LABELS, type TrainingCompletion } from '@anqian/shared';
import { chinaTime } from '../notifications/notifications.service';
import type { CourseRecord, TraineeRecord } from './training.model';

const heading = (course: CourseRecord) =>
  `${course.title}（${TRAINING_CATEGORY_LABELS[course.category]}，${course.provider}，${course.sessions[0].date} 至 ${course.sessions[course.sessions.length - 1].date}，${course.address}）`;

/** 签到表 to print: one row per admitted trainee, one column per session to sign, ticks already recorded shown. */
export async function buildSignInSheet(course: CourseRecord, trainees: TraineeRecord[], names: Map<string, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('签到表', { views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  sheet.addRow([heading(course)]).font = { bold: true, size: 13 };
  sheet.addRow([`录取 ${trainees.length} 人；每次课请学员本人签名，已在系统记出勤的显示“已到”`]);
  const header = sheet.addRow(['序号', '姓名', '村（社区）', ...course.sessions.map((session, i) => `第${i + 1}次 ${session.date!.slice(5)}`)]);
  header.font = { bold: true };
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 16;
  course.sessions.forEach((_, i) => (sheet.getColumn(4 + i).width = 12));
  trainees.forEach((trainee, index) => {
    const attended = new Set(trainee.attended);
    const row = sheet.addRow([index + 1, trainee.name, trainee.villageCode ? (names.get(trainee.villageCode) ?? '') : '', ...course.sessions.map((_, i) => (attended.has(i + 1) ? '已到' : ''))]);
    row.height = 28;
    row.eachCell((cell) => (cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 培训补贴申领花名册: completers, attendance, certificate and subsidy, with the total in yuan. */
export async function buildSubsidyRoster(
  course: CourseRecord,
  completers: TraineeRecord[],
  extra: { idNumbers: Map<string, string>; names: Map<string, string>; progressOf: (trainee: TraineeRecord) => TrainingCompletion; exportedAt: Date; full: boolean },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('培训补贴申领花名册', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = [
    { key: 'index', width: 6 },
    { key: 'name', width: 12 },
    { key: 'idNumber', width: 22 },
    { key: 'township', width: 14 },
    { key: 'village', width: 16 },
    { key: 'attendance', width: 12 },
    { key: 'exam', width: 10 },
    { key: 'certificateKind', width: 18 },
    { key: 'certificateNumber', width: 22 },
    { key: 'subsidy', width: 14 },
  ];
  sheet.addRow([heading(course)]).font = { bold: true, size: 13 };
  sheet.addRow([`结业 ${completers.length} 人，每人补贴 ${fenToYuan(course.subsidyFen)} 元；身份证号${extra.full ? '为完整号码，请妥善保管' : '已打码'}；导出于 ${chinaTime(extra.exportedAt)}`]);
  sheet.addRow(['序号', '姓名', '身份证号', '乡镇', '村（社区）', '出勤', '考核', '证书种类', '证书编号', '补贴金额（元）']).font = { bold: true };
  completers.forEach((trainee, index) => {
    const progress = extra.progressOf(trainee);
    const attended = new Set(trainee.attended).size;
    sheet.addRow({
      index: index + 1,
      name: trainee.name,
      idNumber: extra.idNumbers.get(trainee._id.toString()) ?? trainee.idNumberMasked,
      township: trainee.townshipCode ? (extra.names.get(trainee.townshipCode) ?? '') : '',
      village: trainee.villageCode ? (extra.names.get(trainee.villageCode) ?? '') : '',
      attendance: `${attended}/${course.sessions.length}（${Math.round(progress.attendanceShare * 100)}%）`,
      exam: trainee.examPassed === true ? '合格' : trainee.examPassed === false ? '不合格' : '—',
      certificateKind: trainee.certificateKind ? CERTIFICATE_KIND_LABELS[trainee.certificateKind as CertificateKind] : '',
      certificateNumber: trainee.certificateNumber ?? '',
      subsidy: Number(fenToYuan(course.subsidyFen)),
    });
  });
  const total = sheet.addRow({ index: '合计', subsidy: Number(fenToYuan(course.subsidyFen * completers.length)) });
  total.font = { bold: true };
  sheet.getColumn('subsidy').numFmt = '0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
