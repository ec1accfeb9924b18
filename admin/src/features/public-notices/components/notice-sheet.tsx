import { chinaDate, chineseDate, noticeObjectionLines, periodDays, RESETTLEMENT_TYPE_LABELS, type PublicNotice } from '@anqian/shared';
import './notice-sheet.css';

/**
 * The notice as posted on the village noticeboard (A4, large type): the same content as the
 * server's PDF. ID numbers arrive masked from the server.
 */
export function NoticeSheet({ notice }: { notice: PublicNotice }) {
  return (
    <article className="notice-sheet" aria-label="公示张贴页">
      <h1>{notice.title}</h1>
      <p className="notice-sheet__period">
        公示期：{chineseDate(notice.startDate)}至{chineseDate(notice.endDate)}（共 {periodDays(notice.startDate, notice.endDate)} 天）
      </p>
      {notice.intro && <p className="notice-sheet__intro">{notice.intro}</p>}
      <h2>公示名单（共 {notice.householdCount} 户，身份证号已隐去中间 8 位）</h2>
      <table>
        <thead>
          <tr>
            <th className="notice-sheet__center">序号</th>
            <th>户主</th>
            <th>身份证号</th>
            <th className="notice-sheet__center">人口</th>
            <th>所在村</th>
            <th>安置方式</th>
          </tr>
        </thead>
        <tbody>
          {notice.entries.map((entry, index) => (
            <tr key={entry.registrationId}>
              <td className="notice-sheet__center">{index + 1}</td>
              <td className="notice-sheet__nowrap">{entry.headName}</td>
              <td className="notice-sheet__nowrap">{entry.headIdNumberMasked}</td>
              <td className="notice-sheet__center">{entry.memberCount}</td>
              <td>{entry.villageName}</td>
              <td className="notice-sheet__nowrap">{entry.resettlementType ? RESETTLEMENT_TYPE_LABELS[entry.resettlementType] : '待定'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="notice-sheet__objection">
        <h2>异议反映方式</h2>
        {noticeObjectionLines(notice).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
      <p className="notice-sheet__signature">
        {notice.publishedBy}
        <br />
        {chineseDate(chinaDate(new Date(notice.publishedAt)))}
      </p>
    </article>
  );
}
