import { Text, Textarea, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { RequestRating, ResidentRequest } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { Field } from '@/components/form-fields';
import { Notice } from '@/components/notice';
import { classNames } from '@/lib/class-names';
import { formatChinaTime } from '@/lib/format-date';
import { useAction } from '@/lib/use-action';
import { rateRequest } from '../requests-api';
import './requests.scss';

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意'];
const COMMENT_MAX = 200;

const stars = (score: number) => '★'.repeat(score) + '☆'.repeat(5 - score);

export function RatingShown({ rating }: { rating: RequestRating }) {
  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>您的评价</Text>
      <Text className='rq-stars-shown'>{stars(rating.score)}</Text>
      <Text className='rg-card__text'>{`${rating.score} 分，${SCORE_WORDS[rating.score]}`}</Text>
      {rating.comment ? <Text className='rg-card__text'>{rating.comment}</Text> : null}
      <Text className='rq-row__meta'>{`评价于 ${formatChinaTime(rating.at)}`}</Text>
    </View>
  );
}

/** Once per request, after an answer: 1–5 stars and an optional comment. */
export function RateCard({ request, onChange }: { request: ResidentRequest; onChange: (request: ResidentRequest) => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useAction(
    useCallback(async () => onChange(await rateRequest(request.id, { score, comment })), [comment, onChange, request.id, score]),
  );

  const submit = () => {
    setMissing(score === 0);
    if (score > 0) void send.run();
  };

  return (
    <View className='rg-card'>
      <Text className='rg-card__title'>给这次答复打个分</Text>
      <Text className='rg-card__text'>只能评价一次，乡镇会看到您的评价。</Text>
      <Field label='满意程度' required error={missing ? '请点星星打分' : undefined}>
        <View className='rq-stars'>
          {[1, 2, 3, 4, 5].map((value) => (
            <View
              key={value}
              className={classNames('rq-star', value <= score && 'rq-star--on')}
              ariaLabel={`${value} 星`}
              onClick={() => {
                setScore(value);
                setMissing(false);
              }}
            >
              <Text>{value <= score ? '★' : '☆'}</Text>
            </View>
          ))}
        </View>
        {score > 0 ? <Text className='rq-stars__word'>{`${score} 分，${SCORE_WORDS[score]}`}</Text> : null}
      </Field>
      <Field label='想说的话' hint={`可以不写，最多 ${COMMENT_MAX} 字`}>
        <Textarea
          className='rg-textarea rq-textarea--short'
          value={comment}
          placeholder='比如：办得快，态度好'
          placeholderClass='rg-input__placeholder'
          maxlength={COMMENT_MAX}
          onInput={(event) => setComment(event.detail.value)}
        />
      </Field>
      {send.error ? <Notice tone='error'>{send.error}</Notice> : null}
      <ActionButton loading={send.loading} onClick={submit}>
        {send.loading ? '正在提交…' : '提交评价'}
      </ActionButton>
    </View>
  );
}
