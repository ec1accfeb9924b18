import Taro from '@tarojs/taro';

/** The township the resident chose for 离家近, remembered on the phone for the next visit. */
const KEY = 'aq.jobs-home-township.v1';

export type HomeTownship = { code: string; name: string };

export function loadHomeTownship(): HomeTownship | null {
  try {
    const value: unknown = Taro.getStorageSync(KEY);
    if (value && typeof value === 'object' && typeof (value as HomeTownship).code === 'string') return value as HomeTownship;
  } catch {
    // Storage unavailable: the resident chooses again.
  }
  return null;
}

export function saveHomeTownship(township: HomeTownship): void {
  try {
    Taro.setStorageSync(KEY, township);
  } catch {
    // Storage full: the choice still holds for this visit.
  }
}
