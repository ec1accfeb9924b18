import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageShell } from '@/app/page-shell';
import { loadDraft } from '@/features/registration/draft-storage';
import { ROUTES } from '@/lib/routes';
import './index.scss';

type Entry = { key: string; name: string; description: string; mark: string; url: string };

const ENTRIES: Entry[] = [
  {
    key: 'register',
    name: '搬迁意愿登记',
    description: '住在地质灾害隐患点或想搬迁的农户，在这里登记全家的搬迁意愿',
    mark: '登',
    url: ROUTES.registrationForm,
  },
  { key: 'mine', name: '我的登记', description: '查看登记办到哪一步、退回原因，修改或撤回', mark: '查', url: ROUTES.registrationList },
  { key: 'notices', name: '公示公告', description: '查看本村搬迁户公示名单和公示时间', mark: '示', url: ROUTES.notices },
  { key: 'policies', name: '政策查询', description: '按类别查看、搜索搬迁政策文件和政策解读', mark: '策', url: ROUTES.policies },
  { key: 'subsidy', name: '补助测算', description: '填写家里的情况，估算能拿到的各项补助', mark: '算', url: ROUTES.subsidyCalculator },
];

const TOWNSHIP_ENTRIES: Entry[] = [
  { key: 'announcements', name: '通知公告', description: '乡镇和村里发的通知、停水停电、灾害预警', mark: '通', url: ROUTES.announcements },
  { key: 'requests', name: '咨询求助', description: '有事要问、要帮忙、要报修或投诉，乡镇会在 3 个工作日内答复', mark: '问', url: ROUTES.requests },
];

const JOB_ENTRIES: Entry[] = [
  { key: 'jobs', name: '找工作', description: '看看县里和附近招人的岗位，点一下就能投递', mark: '工', url: ROUTES.jobs },
  { key: 'job-fairs', name: '招聘会', description: '人社局每月的招聘会，在这里报名领电子票', mark: '聘', url: ROUTES.jobFairs },
  { key: 'applications', name: '我的求职', description: '看投递的岗位到了哪一步、单位的回复', mark: '求', url: ROUTES.jobApplications },
  { key: 'training', name: '技能培训', description: '家政、电商、建筑等免费培训，学完有证书，有的包就业', mark: '培', url: ROUTES.training },
];

export default function ServicesPage() {
  const [hasDraft, setHasDraft] = useState(false);
  // The draft lives on the phone; re-check whenever the tab comes back into view.
  useDidShow(() => setHasDraft(loadDraft('self') !== null));

  return (
    <PageShell className='services'>
      <Text className='services__title'>避险搬迁</Text>
      {ENTRIES.map((entry) => (
        <EntryRow key={entry.key} entry={entry} description={entry.key === 'register' && hasDraft ? '您有没填完的登记，点这里接着填' : entry.description} />
      ))}
      <Text className='services__title services__title--next'>乡镇服务</Text>
      {TOWNSHIP_ENTRIES.map((entry) => (
        <EntryRow key={entry.key} entry={entry} description={entry.description} />
      ))}
      <Text className='services__title services__title--next'>就业服务</Text>
      {JOB_ENTRIES.map((entry) => (
        <EntryRow key={entry.key} entry={entry} description={entry.description} />
      ))}
    </PageShell>
  );
}

function EntryRow({ entry, description }: { entry: Entry; description: string }) {
  return (
    <View className='services__entry' onClick={() => Taro.navigateTo({ url: entry.url })}>
      <View className='services__mark'>
        <Text>{entry.mark}</Text>
      </View>
      <View className='services__body'>
        <Text className='services__name'>{entry.name}</Text>
        <Text className='services__description'>{description}</Text>
      </View>
      <Text className='services__arrow'>›</Text>
    </View>
  );
}
