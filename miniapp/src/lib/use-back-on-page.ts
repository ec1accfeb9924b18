import { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `refresh` when the resident comes back to this page from another one (a resume saved, a
 * sign-up cancelled). Keyed on a hide first, so it also works in parts that mount after the page
 * was first shown, such as a card that waits for its data.
 */
export function useBackOnPage(refresh: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    refresh();
  });
}
