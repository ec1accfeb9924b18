import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useRef } from 'react';
import { dialNumber, type TownshipContact } from '@anqian/shared';
import { ActionButton } from '@/components/action-button';
import { useRemote } from '@/lib/use-remote';
import { getTownshipContacts } from '../township-contact-api';
import './township-phone.scss';

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: dialNumber(phone) }).catch(() => undefined);

/** Each township office with a tap-to-call button, or where to ask when it has no phone yet. */
export function TownshipPhoneList({ contacts, title = '有事问乡镇' }: { contacts: readonly TownshipContact[]; title?: string }) {
  if (contacts.length === 0) return null;
  return (
    <View className='rg-card tw-phone'>
      <Text className='rg-card__title'>{title}</Text>
      {contacts.map((contact) => (
        <View key={contact.townshipCode} className='tw-phone__office'>
          <Text className='tw-phone__name'>{`${contact.townshipName}人民政府`}</Text>
          {contact.officePhone ? (
            <ActionButton variant='secondary' className='tw-phone__call' onClick={() => call(contact.officePhone!)}>
              {`拨打 ${contact.officePhone}`}
            </ActionButton>
          ) : (
            <Text className='rg-card__text'>还没有登记办公电话，可以先问本村村干部，或到乡镇人民政府当面询问。</Text>
          )}
        </View>
      ))}
    </View>
  );
}

/**
 * The office phone of `villageCode`'s township, or of the resident's own registrations, read again
 * whenever the page shows. Loaded on its own: a failure leaves the page as it was rather than
 * showing an error about a phone number.
 */
export function TownshipPhone({ villageCode, title }: { villageCode?: string; title?: string }) {
  const load = useCallback(() => getTownshipContacts(villageCode), [villageCode]);
  const contacts = useRemote(load);
  // Back on a tab page after registering: the resident's own township replaces the county's list.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) contacts.reload();
    shown.current = true;
  });
  if (!contacts.data) return null;
  return (
    <TownshipPhoneList
      contacts={contacts.data.items}
      title={title ?? (contacts.data.own ? '有事问乡镇' : '有事可以打乡镇电话')}
    />
  );
}
