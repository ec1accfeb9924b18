import type { ResidentRegistration } from '@anqian/shared';
import { statusMessages } from '../src/features/registration/status-messages';

const registration = (id: string, head: string, timeline: ResidentRegistration['timeline']) =>
  ({ id, household: { head: { name: head } }, timeline }) as unknown as ResidentRegistration;

describe('消息: status changes of the resident\'s own registrations', () => {
  it('lists what staff did, newest first, with the return reason, and leaves out the resident\'s own steps', () => {
    const messages = statusMessages([
      registration('r1', '张德福', [
        { action: 'submit', from: null, to: 'submitted', at: '2026-11-20T02:00:00.000Z', actorLabel: '本人' },
        { action: 'accept', from: 'submitted', to: 'accepted', at: '2026-11-21T02:00:00.000Z', actorLabel: '乡镇工作人员' },
        { action: 'return', from: 'accepted', to: 'returned', at: '2026-11-23T02:00:00.000Z', actorLabel: '乡镇工作人员', reason: '房屋面积与实测不符' },
        { action: 'resubmit', from: 'returned', to: 'submitted', at: '2026-11-24T02:00:00.000Z', actorLabel: '本人' },
      ]),
      registration('r2', '李秀英', [
        { action: 'submit', from: null, to: 'submitted', at: '2026-11-22T02:00:00.000Z', actorLabel: '本人' },
      ]),
    ]);
    expect(messages.map((message) => [message.registrationId, message.title])).toEqual([
      ['r1', '张德福户的搬迁登记：退回补正'],
      ['r1', '张德福户的搬迁登记：已受理'],
    ]);
    expect(messages[0].text).toContain('退回原因：房屋面积与实测不符');
  });

  it('is empty while nothing has happened beyond submitting', () => {
    expect(statusMessages([registration('r3', '王五', [{ action: 'submit', from: null, to: 'submitted', at: '2026-11-20T02:00:00.000Z', actorLabel: '本人' }])])).toEqual([]);
  });
});
