import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { qrMatrix } from '../qr-matrix';
import './job-fairs.scss';

/** Room for the code inside a card on a 360 px phone, quiet zone included. */
const MAX_WIDTH_PX = 264;

/**
 * The ticket's QR code drawn with plain blocks, so it looks the same on WeChat and in the browser
 * and needs no canvas. Whole pixels per module keep the edges sharp for a scanner.
 */
export function QrCode({ payload }: { payload: string }) {
  const matrix = useMemo(() => qrMatrix(payload), [payload]);
  const total = matrix.size + matrix.quietZone * 2;
  const module = Math.max(2, Math.floor(MAX_WIDTH_PX / total));
  const px = (modules: number) => `${modules * module}px`;
  return (
    <View className='jf-qr' style={{ width: px(total), height: px(total) }} aria-label='电子票二维码' data-modules={String(matrix.size)}>
      {matrix.rows.map((runs, row) =>
        runs.map((run) => (
          <View
            key={`${row}-${run.start}`}
            className='jf-qr__run'
            style={{ top: px(row + matrix.quietZone), left: px(run.start + matrix.quietZone), width: px(run.length), height: px(1) }}
          />
        )),
      )}
    </View>
  );
}
