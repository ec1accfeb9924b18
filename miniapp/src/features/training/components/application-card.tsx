import { Text, View } from '@tarojs/components';
import { chinaDate, type ResidentTrainingApplication, type TrainingCertificate } from '@anqian/shared';
import { attendanceText, dayLabel, statusNote, statusText, statusTone } from '../course-display';
import './training.scss';

export function Certificate({ certificate }: { certificate: TrainingCertificate }) {
  return (
    <View className='tr-cert'>
      <Text className='tr-cert__kind'>{certificate.kindLabel}</Text>
      <Text className='tr-cert__number'>{`证书编号 ${certificate.number}`}</Text>
    </View>
  );
}

/** One household member's application: status, attendance so far, the certificate once issued. */
export function ApplicationCard({ application }: { application: ResidentTrainingApplication }) {
  const attendance = attendanceText(application);
  const today = chinaDate();
  const started = application.course.status === 'running' || application.course.status === 'finished';
  return (
    <View className='tr-app'>
      <View className='tr-row__top'>
        <Text className='tr-app__who'>{`${application.name}（${application.relation}）`}</Text>
        <Text className={`tr-pill tr-pill--${statusTone(application.status)}`}>{statusText(application)}</Text>
      </View>
      <Text className='rg-card__text'>{statusNote(application)}</Text>
      {application.appliedByStaff ? <Text className='rg-card__text'>由乡镇或村里的工作人员代报名。</Text> : null}
      {application.certificate ? <Certificate certificate={application.certificate} /> : null}
      {application.ticket && !application.certificate ? (
        <Text className='rg-card__text'>{`上课签到时，把票号 ${application.ticket.code} 告诉老师。`}</Text>
      ) : null}
      {attendance ? (
        <View className='tr-attendance'>
          <Text className='tr-attendance__total'>{`出勤：${attendance}`}</Text>
          {application.attendance.map((session) => (
            <View key={session.session} className='tr-attendance__row'>
              <Text className='tr-attendance__day'>{`第 ${session.session} 次 ${dayLabel(session.date)}`}</Text>
              <Text className={session.present ? 'tr-attendance__mark tr-attendance__mark--on' : 'tr-attendance__mark'}>{session.present ? '已到' : started && session.date <= today ? '没来' : '还没上'}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
