import Taro from '@tarojs/taro';
import { loadSettings, saveSettings } from '@/lib/storage';
import { createStore, useStore } from '@/lib/store';

export type DisplayMode = {
  largeText: boolean;
  /** The resident has not chosen; the mode follows WeChat's own font size setting. */
  followsSystem: boolean;
};

/** Fields newer WeChat versions return that the Taro typings do not list yet. */
type FontInfo = { fontSizeSetting?: number; fontSizeScaleFactor?: number };

/** WeChat's standard size is 16-17 px; anything the resident raised above that counts as large. */
const LARGE_FONT_SETTING_PX = 18;
const LARGE_SCALE_FACTOR = 1.15;

function readSystemFont(): FontInfo {
  try {
    const taro = Taro as unknown as { getAppBaseInfo?: () => FontInfo };
    const info: FontInfo = taro.getAppBaseInfo?.() ?? {};
    if (info.fontSizeSetting !== undefined || info.fontSizeScaleFactor !== undefined) return info;
    return Taro.getSystemInfoSync() as FontInfo;
  } catch {
    return {};
  }
}

function systemPrefersLargeText(info: FontInfo = readSystemFont()): boolean {
  return (
    (info.fontSizeSetting ?? 0) >= LARGE_FONT_SETTING_PX || (info.fontSizeScaleFactor ?? 1) >= LARGE_SCALE_FACTOR
  );
}

function initialMode(): DisplayMode {
  const { largeText } = loadSettings();
  return largeText === null
    ? { largeText: systemPrefersLargeText(), followsSystem: true }
    : { largeText, followsSystem: false };
}

const displayStore = createStore<DisplayMode>(initialMode());

/**
 * The H5 build draws the tab bar, dialogs and pickers outside any page, where `.aq-page--large`
 * does not reach: the same mode goes on the document root (styles in app.scss). On WeChat these are
 * native and follow WeChat's own font setting.
 */
function markDocument(mode: DisplayMode): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.documentElement.classList.toggle('aq-large', mode.largeText);
}
markDocument(displayStore.get());
displayStore.subscribe(() => markDocument(displayStore.get()));

export function useDisplayMode(): DisplayMode {
  return useStore(displayStore);
}

export function setLargeText(largeText: boolean): void {
  saveSettings({ ...loadSettings(), largeText });
  displayStore.set({ largeText, followsSystem: false });
}
