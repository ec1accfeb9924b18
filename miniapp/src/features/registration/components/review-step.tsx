import { View } from '@tarojs/components';
import type { DivisionNode, Site } from '@anqian/shared';
import { Notice } from '@/components/notice';
import { divisionName } from '@/lib/division-names';
import { draftSections } from '../summary';
import type { FormApi } from '../use-registration-form';
import { SummaryList } from './summary-list';

type Props = { form: FormApi; divisions: DivisionNode | null; sites: Site[] | null };

export function ReviewStep({ form, divisions, sites }: Props) {
  const { draft } = form;
  const sections = draftSections(draft, {
    township: divisionName(divisions, draft.townshipCode),
    village: divisionName(divisions, draft.villageCode),
    site: sites?.find((site) => site.id === draft.wishes.preferredSiteId)?.name,
  });
  return (
    <View>
      <Notice tone='info'>
        请逐项核对下面的内容，身份证号码请对照身份证一位一位地看。哪里不对，点该项右边的「修改」回去改；都对了再点「确认提交」。
      </Notice>
      <SummaryList sections={sections} onEdit={form.goTo} />
    </View>
  );
}
