import Taro from '@tarojs/taro';

/** The platform's default confirm colour (a light green) is below 4.5:1 on white; ours is 6.5:1. */
const CONFIRM_COLOR = '#0052D9';
const CANCEL_COLOR = '#1F1F1F';

/** A yes/no question in the platform dialog; resolves false when dismissed or unavailable. */
export async function confirmDialog(options: { title: string; content: string; confirmText: string }): Promise<boolean> {
  try {
    const { confirm } = await Taro.showModal({
      ...options,
      cancelText: '取消',
      confirmColor: CONFIRM_COLOR,
      cancelColor: CANCEL_COLOR,
    });
    return confirm;
  } catch {
    return false;
  }
}
