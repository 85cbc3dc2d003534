// Temporary foundation shell; replaced by the recorder wiring.
import { browser } from '../platform/browser';

let ready = false;
browser.runtime.onMessage.addListener((msg: unknown) => {
  const m = msg as { type?: string; name?: string };
  if (m?.type === 'cookie-monitor' && m.name === 'ping') return Promise.resolve({ ready, version: '0' });
  return undefined;
});
ready = true;
