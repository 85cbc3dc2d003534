/**
 * The background's side of the protocol: one `runtime.onMessage` listener that answers our envelopes
 * from this extension's own pages only, and stays silent for everything else (other listeners may
 * answer messages that are not ours).
 */
import type { Runtime } from 'webextension-polyfill';
import { ENVELOPE_TYPE, type Envelope, isEnvelope, type MessageName, type Reply, type RequestOf, type ResponseOf } from './protocol';

/** Chrome adds `origin` (not in the polyfill's types); Firefox leaves it out. */
export type Sender = Runtime.MessageSender & { origin?: string };

export type Handlers = {
  [K in MessageName]: (request: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ResponseOf<K>>;
};

/** The listener shape: returning a promise answers the message; returning undefined leaves it to others. */
export type MessageListener = (message: unknown, sender: Runtime.MessageSender) => Promise<Reply> | undefined;

/** The part of `browser.runtime` the server uses; a tiny fake of it is enough in tests. */
export interface ReceivingRuntime {
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}

export interface ServerOptions {
  /** `browser.runtime.id`. */
  extensionId: string;
  /** `browser.runtime.getURL('')`, e.g. `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  /** Told about every envelope refused because of its sender (for logging). */
  onRejected?: (sender: Runtime.MessageSender, name: string) => void;
}

export interface Server {
  dispose(): void;
}

/**
 * Our own pages only: the popup, panel, report and options pages all load from the extension origin.
 * A content script also carries our id but the URL of the page it runs in, so the URL check is what
 * keeps web pages (through a compromised or confused content script) from driving the background.
 */
export function isOwnExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  // The trailing slash keeps `chrome-extension://abc` from matching `chrome-extension://abcd/…`.
  const prefix = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  if (sender.id !== extensionId) return false;
  if (typeof sender.url !== 'string' || !sender.url.startsWith(prefix)) return false;
  // Chrome also reports the origin; when present it must agree.
  if (sender.origin !== undefined && sender.origin !== prefix.slice(0, -1)) return false;
  return true;
}

function failure(name: string, message: string): Reply {
  return { type: ENVELOPE_TYPE, ok: false, error: { name, message } };
}

async function dispatch(handlers: Handlers, message: Envelope, sender: Runtime.MessageSender): Promise<Reply> {
  if (!Object.hasOwn(handlers, message.name)) return failure('UnknownMessage', `unknown message "${message.name}"`);
  const handler = handlers[message.name] as (request: unknown, sender: Runtime.MessageSender) => Promise<unknown>;
  try {
    return { type: ENVELOPE_TYPE, ok: true, response: await handler(message.request, sender) } as Reply;
  } catch (err) {
    const e = err as { name?: unknown; message?: unknown } | null;
    return failure(typeof e?.name === 'string' ? e.name : 'Error', typeof e?.message === 'string' ? e.message : String(err));
  }
}

/** Registers the listener. Call it at the top level of the background so a waking worker sees the message. */
export function createServer(runtime: ReceivingRuntime, handlers: Handlers, options: ServerOptions): Server {
  const listener: MessageListener = (message, sender) => {
    if (!isEnvelope(message)) return undefined;
    if (!isOwnExtensionPage(sender, options.extensionId, options.extensionOrigin)) {
      options.onRejected?.(sender, message.name);
      return undefined;
    }
    return dispatch(handlers, message, sender);
  };
  runtime.onMessage.addListener(listener);
  return { dispose: () => runtime.onMessage.removeListener(listener) };
}
