/**
 * A hand-written stand-in for the two `browser.runtime` members the protocol uses (tests only):
 * `sendMessage` delivers to the registered `onMessage` listeners the way the polyfill does — the first
 * listener to return a promise answers; none answering rejects as the browser does.
 */
import type { Runtime } from 'webextension-polyfill';
import type { SendingRuntime } from './client';
import type { MessageListener, ReceivingRuntime } from './server';

export class FakeRuntime implements ReceivingRuntime, SendingRuntime {
  readonly listeners = new Set<MessageListener>();
  /** Who `sendMessage` claims to be. */
  sender: Runtime.MessageSender & { origin?: string };

  constructor(sender: Runtime.MessageSender & { origin?: string }) {
    this.sender = sender;
  }

  onMessage = {
    addListener: (l: MessageListener): void => void this.listeners.add(l),
    removeListener: (l: MessageListener): void => void this.listeners.delete(l),
  };

  async sendMessage(message: unknown): Promise<unknown> {
    // Messages are serialized between contexts.
    const copy: unknown = JSON.parse(JSON.stringify(message));
    for (const listener of this.listeners) {
      const answer = listener(copy, this.sender);
      if (answer !== undefined) return JSON.parse(JSON.stringify(await answer)) as unknown;
    }
    throw new Error('Could not establish connection. Receiving end does not exist.');
  }
}
