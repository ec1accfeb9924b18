import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex } from 'antd';

/** Chromium's shape-detection API (not yet in TypeScript's DOM types). */
type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;

/** True where the browser can read QR codes from the camera itself (Chromium on Android, macOS, ChromeOS). */
export const canScanQr = Detector !== undefined && typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

/** The same ticket held in front of the camera is read again and again: ignore repeats for this long. */
const REPEAT_MS = 4000;

/**
 * The camera view: reads QR codes with the browser's BarcodeDetector and hands each new payload
 * to `onScan`. Where the API or a camera is missing, the page offers typing the short code.
 */
export function QrScanner({ onScan, paused }: { onScan: (payload: string) => void; paused: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const last = useRef<{ value: string; at: number } | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  useEffect(() => {
    if (!running || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    const tick = async () => {
      if (stopped) return;
      const element = video.current;
      if (element && element.readyState >= 2 && !pausedRef.current) {
        try {
          const [code] = await detector.detect(element);
          const now = Date.now();
          if (code && !(last.current?.value === code.rawValue && now - last.current.at < REPEAT_MS)) {
            last.current = { value: code.rawValue, at: now };
            onScanRef.current(code.rawValue);
          }
        } catch {
          // A frame the detector could not read; the next one may do.
        }
      }
      timer = window.setTimeout(() => void tick(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((media) => {
        if (stopped) return media.getTracks().forEach((track) => track.stop());
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          void video.current.play();
        }
        void tick();
      })
      .catch(() => {
        setError('无法打开摄像头：请在浏览器地址栏允许使用摄像头，或直接输入票号');
        setRunning(false);
      });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [running]);

  return (
    <Flex vertical gap={8}>
      {error && <Alert type="warning" showIcon message={error} />}
      {running ? (
        <>
          <video ref={video} muted playsInline aria-label="摄像头画面" style={{ width: '100%', maxWidth: 420, borderRadius: 8, background: '#000' }} />
          <Button onClick={() => setRunning(false)}>关闭摄像头</Button>
        </>
      ) : (
        <Button type="primary" ghost onClick={() => { setError(null); setRunning(true); }}>
          打开摄像头扫码
        </Button>
      )}
    </Flex>
  );
}
