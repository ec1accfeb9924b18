import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageShell } from '@/app/page-shell';
import { ActionButton } from '@/components/action-button';
import { EmptyState } from '@/components/empty-state';
import { Notice } from '@/components/notice';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { listMyRegistrations } from '@/features/registration/registrations-api';
import { statusMessages, type StatusMessage } from '@/features/registration/status-messages';
import { useSession } from '@/lib/auth';
import { formatDate } from '@/lib/format-date';
import { ROUTES } from '@/lib/routes';
import { loadMessagesSeenAt, saveMessagesSeenAt } from '@/lib/storage';
import { useRemote } from '@/lib/use-remote';
import '@/styles/cards.scss';
import './index.scss';

export default function MessagesPage() {
  const { signedIn } = useSession();
  return <PageShell className='messages'>{signedIn ? <Messages /> : <SignInPrompt />}</PageShell>;
}

function Messages() {
  const load = useCallback(async () => statusMessages(await listMyRegistrations()), []);
  const messages = useRemote(load);
  // What was new when the tab opened stays marked while the resident reads; it counts as seen after.
  const [seenAt] = useState(loadMessagesSeenAt);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) messages.reload();
    shown.current = true;
  });
  useEffect(() => {
    const newest = messages.data?.[0]?.at;
    if (newest) saveMessagesSeenAt(newest);
  }, [messages.data]);

  if (messages.data === null) {
    return messages.loading ? (
      <EmptyState title='正在加载…' description='正在读取您的消息，请稍候。' />
    ) : (
      <Notice tone='error' actionText='重试' onAction={messages.reload}>
        {`消息没有加载出来：${messages.error ?? '请稍后再试'}`}
      </Notice>
    );
  }
  if (messages.data.length === 0) {
    return (
      <View>
        <EmptyState
          title='暂无消息'
          description='您的搬迁登记被受理、核实、公示、审批或退回时，消息会显示在这里。'
        />
        <ActionButton variant='secondary' onClick={() => Taro.navigateTo({ url: ROUTES.registrationList })}>
          查看我的登记
        </ActionButton>
      </View>
    );
  }
  return (
    <View>
      {messages.data.map((message) => (
        <MessageRow key={message.key} message={message} unread={seenAt === null || message.at > seenAt} />
      ))}
    </View>
  );
}

function MessageRow({ message, unread }: { message: StatusMessage; unread: boolean }) {
  return (
    <View
      className='rg-row messages__row'
      onClick={() => Taro.navigateTo({ url: `${ROUTES.registrationDetail}?id=${encodeURIComponent(message.registrationId)}` })}
    >
      <View className='rg-row__top'>
        <Text className='rg-row__title'>{message.title}</Text>
        {unread ? <Text className='rg-status messages__new'>新</Text> : null}
      </View>
      {message.text ? <Text className='rg-row__text'>{message.text}</Text> : null}
      <Text className='rg-row__text'>{formatDate(message.at)}</Text>
      <Text className='rg-row__more'>查看登记 ›</Text>
    </View>
  );
}
