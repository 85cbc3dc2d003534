/**
 * The UIs' typed client for the background. `runtime` is `browser.runtime` (webextension-polyfill),
 * passed in so the client is tested without a browser.
 */
import { ENVELOPE_TYPE, type Empty, type Envelope, isReply, type MessageName, type RequestOf, type ResponseOf } from './protocol';

/** The one method of `browser.runtime` the client uses. */
export interface SendingRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Commands without fields may be sent without a request object. */
export type RequestArgs<K extends MessageName> = RequestOf<K> extends Empty ? [request?: RequestOf<K>] : [request: RequestOf<K>];

export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    readonly command: MessageName,
    message: string,
    /** The error's name on the background side, when it answered with one. */
    readonly remoteName?: string,
    options?: ErrorOptions,
  ) {
    super(`cookie-monitor "${command}": ${message}`, options);
  }
}

export interface Client {
  send<K extends MessageName>(name: K, ...args: RequestArgs<K>): Promise<ResponseOf<K>>;
}

export function createClient(runtime: SendingRuntime): Client {
  return {
    async send<K extends MessageName>(name: K, ...args: RequestArgs<K>): Promise<ResponseOf<K>> {
      const envelope: Envelope<K> = { type: ENVELOPE_TYPE, name, request: (args[0] ?? {}) as RequestOf<K> };
      let reply: unknown;
      try {
        reply = await runtime.sendMessage(envelope);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new MessageError(name, `could not reach the background: ${reason}`, undefined, { cause: err });
      }
      if (!isReply(reply)) {
        // No listener answered: the background is starting, or a different version is installed.
        throw new MessageError(name, 'the background did not answer');
      }
      if (!reply.ok) throw new MessageError(name, reply.error.message, reply.error.name);
      return reply.response as ResponseOf<K>;
    },
  };
}
