import type { PropsWithChildren } from 'react';
import { useDidShow } from '@tarojs/taro';
import { registerPlatformPrivacy } from '@/features/privacy/platform-privacy';
import { refreshResident, startSession } from '@/lib/auth';
import './app.scss';

// Before the first page renders: restore the saved session and listen for WeChat privacy prompts.
startSession();
registerPlatformPrivacy();

function App({ children }: PropsWithChildren) {
  // Consent or phone may have changed elsewhere (another device, staff action): re-read quietly.
  useDidShow(() => {
    void refreshResident();
  });
  return children;
}

export default App;
