import { browser } from './browser';
import type { SendingRuntime } from '../messaging/client';

/**
 * The runtime the UIs' message client sends through (`createClient(messageRuntime())`); a named
 * helper so pages never touch `browser.runtime` themselves.
 */
export function messageRuntime(): SendingRuntime {
  return { sendMessage: (message: unknown) => browser.runtime.sendMessage(message) };
}
