import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatFen, type SubsidyEstimate } from '@anqian/shared';
import { ROUTES } from '@/lib/routes';
import { classNames } from '@/lib/class-names';
import { ESTIMATE_DISCLAIMER, lineRows } from '../estimate-view';
import './subsidy.scss';

/** The itemised estimate: every line with its calculation and the policy clause it comes from. */
export function EstimateCard({ estimate }: { estimate: SubsidyEstimate }) {
  return (
    <View className='sb-estimate'>
      <View className='sb-estimate__head'>
        <Text className='sb-estimate__title'>补助估算结果</Text>
        <Text className='sb-estimate__disclaimer'>{ESTIMATE_DISCLAIMER}</Text>
      </View>
      {lineRows(estimate).map((row) => (
        <View key={row.key} className={classNames('sb-line', row.deduction && 'sb-line--deduction')}>
          <View className='sb-line__top'>
            <Text className='sb-line__name'>{row.name}</Text>
            <Text className='sb-line__amount'>{row.subtotal}</Text>
          </View>
          {row.calculation ? <Text className='sb-line__calc'>{row.calculation}</Text> : null}
          {row.note ? <Text className='sb-line__calc'>{row.note}</Text> : null}
          <Text
            className='sb-line__source'
            onClick={() => Taro.navigateTo({ url: `${ROUTES.policyDetail}?id=${encodeURIComponent(row.policyId)}` })}
          >
            {`依据：${row.source} ›`}
          </Text>
        </View>
      ))}
      <View className='sb-total'>
        <Text className='sb-total__label'>{estimate.capApplied ? '合计（已按每户上限）' : '合计'}</Text>
        <Text className='sb-total__amount'>{formatFen(estimate.totalFen)}</Text>
      </View>
      {estimate.notes.length > 0 ? (
        <View className='sb-notes'>
          <Text className='sb-notes__title'>说明</Text>
          {estimate.notes.map((note) => (
            <Text key={note} className='sb-notes__item'>{`· ${note}`}</Text>
          ))}
        </View>
      ) : null}
      <Text className='sb-estimate__footer'>
        {`按“${estimate.ruleSetName}”（第 ${estimate.ruleSetVersion} 版）估算。实际金额以乡镇核实、县级审批的结果为准。`}
      </Text>
    </View>
  );
}
