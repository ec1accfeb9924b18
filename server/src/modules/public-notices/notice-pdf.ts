import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import {
  chinaDate,
  chineseDate,
  noticeObjectionLines,
  periodDays,
  RESETTLEMENT_TYPE_LABELS,
  type PublicNotice,
} from '@anqian/shared';
import { AppError } from '../../errors';

/** The font bytes, and for a .ttc collection which of its fonts to use. */
type CjkFont = { data: Buffer; postscriptName?: string };

/**
 * The PostScript name of the first font of a TrueType collection (.ttc), which pdfkit needs to pick
 * one; undefined for a single font file. Reads the collection header and that font's `name` table
 * (name ID 6). A damaged file throws, and counts as no font.
 */
export function firstPostscriptName(data: Buffer): string | undefined {
  if (data.toString('latin1', 0, 4) !== 'ttcf') return undefined;
  const font = data.readUInt32BE(12);
  for (let table = 0; table < data.readUInt16BE(font + 4); table += 1) {
    const record = font + 12 + table * 16;
    if (data.toString('latin1', record, record + 4) !== 'name') continue;
    const names = data.readUInt32BE(record + 8);
    const strings = names + data.readUInt16BE(names + 4);
    for (let entry = names + 6; entry < names + 6 + data.readUInt16BE(names + 2) * 12; entry += 12) {
      if (data.readUInt16BE(entry + 6) !== 6) continue;
      const start = strings + data.readUInt16BE(entry + 10);
      const bytes = Buffer.from(data.subarray(start, start + data.readUInt16BE(entry + 8)));
      // Windows names (platform 3) are UTF-16 big-endian; Mac names (platform 1) are single bytes.
      return data.readUInt16BE(entry) === 3 ? bytes.swap16().toString('utf16le') : bytes.toString('latin1');
    }
  }
  throw new Error('the font collection names no PostScript font');
}

async function readFont(fontPath: string): Promise<CjkFont> {
  const data = await readFile(fontPath);
  const postscriptName = firstPostscriptName(data);
  return { data, ...(postscriptName && { postscriptName }) };
}

/**
 * PDF text needs a Chinese font on the server (Debian's fonts-wqy-microhei); a fresh machine may
 * lack it. The font is read once per process; while it is missing every request looks again and
 * answers 503, and staff print the notice's print page from the browser instead.
 */
export function createCjkFont(fontPath: string): () => Promise<CjkFont> {
  let loading: Promise<CjkFont> | null = null;
  return async () => {
    loading ??= readFont(fontPath);
    try {
      return await loading;
    } catch {
      loading = null;
      throw new AppError('PDF_FONT_MISSING');
    }
  };
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
/** Large type: read on a noticeboard from a step away. */
const SIZE = { title: 24, period: 15, body: 14, table: 13, footer: 10 };
const CELL_PAD = 5;

type Column = { title: string; width: number; align?: 'left' | 'center' | 'right'; text: (entry: PublicNotice['entries'][number], index: number) => string };

const COLUMNS: Column[] = [
  { title: '序号', width: 38, align: 'center', text: (_entry, index) => String(index + 1) },
  { title: '户主', width: 66, text: (entry) => entry.headName },
  { title: '身份证号', width: 142, text: (entry) => entry.headIdNumberMasked },
  { title: '人口', width: 38, align: 'center', text: (entry) => String(entry.memberCount) },
  // Wide enough for a name like 西门社区居民委员会 on one line.
  { title: '所在村', width: 131, text: (entry) => entry.villageName },
  { title: '安置方式', width: 68, text: (entry) => (entry.resettlementType ? RESETTLEMENT_TYPE_LABELS[entry.resettlementType] : '待定') },
];

/** The notice as an A4 sheet for the village noticeboard: the same content as the admin print page. */
export function renderNoticePdf(notice: PublicNotice, font: CjkFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: notice.title, Author: notice.publishedBy },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.data, font.postscriptName);
  doc.font('cjk');

  doc.fontSize(SIZE.title).text(notice.title, { align: 'center' });
  doc.moveDown(0.4);
  doc
    .fontSize(SIZE.period)
    .text(`公示期：${chineseDate(notice.startDate)}至${chineseDate(notice.endDate)}（共 ${periodDays(notice.startDate, notice.endDate)} 天）`, { align: 'center' });
  doc.moveDown(0.8);
  if (notice.intro) {
    doc.fontSize(SIZE.body).text(notice.intro, { lineGap: 4 });
    doc.moveDown(0.8);
  }
  doc.fontSize(SIZE.body).text(`公示名单（共 ${notice.householdCount} 户，身份证号已隐去中间 8 位）`);
  doc.moveDown(0.4);
  drawTable(doc, notice);

  doc.moveDown(1);
  doc.x = MARGIN;
  // Where to object stays on one page with the publisher's name rather than splitting after the list.
  const lines = noticeObjectionLines(notice);
  const blockHeight =
    doc.fontSize(SIZE.period).heightOfString('异议反映方式') +
    lines.reduce((sum, line) => sum + doc.fontSize(SIZE.body).heightOfString(line, { width: CONTENT_WIDTH, lineGap: 4 }), 0) +
    doc.currentLineHeight(true) * 4;
  if (doc.y + blockHeight > A4.height - MARGIN) doc.addPage();
  doc.fontSize(SIZE.period).text('异议反映方式');
  doc.moveDown(0.3);
  for (const line of lines) doc.fontSize(SIZE.body).text(line, { lineGap: 4 });
  doc.moveDown(1.5);
  doc.fontSize(SIZE.body).text(notice.publishedBy, { align: 'right' });
  doc.text(chineseDate(chinaDate(new Date(notice.publishedAt))), { align: 'right' });

  numberPages(doc);
  doc.end();
  return done;
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[]): number {
  return Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: COLUMNS[index].width - 2 * CELL_PAD }))) + 2 * CELL_PAD;
}

function drawRow(doc: PDFKit.PDFDocument, cells: string[], top: number, height: number, header: boolean): void {
  let left = MARGIN;
  cells.forEach((cell, index) => {
    const { width, align } = COLUMNS[index];
    if (header) doc.rect(left, top, width, height).fillAndStroke('#eeeeee', '#333333').fillColor('#000000');
    else doc.rect(left, top, width, height).stroke('#333333');
    doc.text(cell, left + CELL_PAD, top + CELL_PAD, { width: width - 2 * CELL_PAD, align: header ? 'center' : (align ?? 'left') });
    left += width;
  });
}

/** One row per household; the header row is repeated on every page the list runs onto. */
function drawTable(doc: PDFKit.PDFDocument, notice: PublicNotice): void {
  doc.fontSize(SIZE.table).lineWidth(0.8);
  const titles = COLUMNS.map((column) => column.title);
  const headerHeight = rowHeight(doc, titles);
  const bottom = A4.height - MARGIN;
  let top = doc.y;
  drawRow(doc, titles, top, headerHeight, true);
  top += headerHeight;
  notice.entries.forEach((entry, index) => {
    const cells = COLUMNS.map((column) => column.text(entry, index));
    const height = rowHeight(doc, cells);
    if (top + height > bottom) {
      doc.addPage();
      top = MARGIN;
      drawRow(doc, titles, top, headerHeight, true);
      top += headerHeight;
    }
    drawRow(doc, cells, top, height, false);
    top += height;
  });
  doc.x = MARGIN;
  doc.y = top;
}

/** 第 1 页 共 2 页, in the bottom margin (which the text flow never reaches, so no page is added). */
function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    doc.page.margins.bottom = 0;
    doc.fontSize(SIZE.footer).text(`第 ${page + 1} 页 共 ${range.count} 页`, MARGIN, A4.height - MARGIN / 2 - SIZE.footer, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
}
