import { browser, type WebRequest } from './browser';

/**
 * webRequest with the header access cookies need, in both browsers:
 * - Chromium hides `Cookie` and `Set-Cookie` unless the listener asks for `extraHeaders`
 *   (https://developer.chrome.com/docs/extensions/reference/api/webRequest#life_cycle_footnote);
 * - Firefox has no such option and throws "Invalid enumeration value" if it is passed.
 * So the option is feature-detected through the browser's own enum, not by sniffing.
 *
 * The listeners can be detached and attached again: while any webRequest listener exists, both
 * browsers route every request of every tab through the extension machinery (Chromium proxies
 * each request through its browser process and, with extraHeaders, hands the headers over
 * synchronously), which costs time on every page even when the listener ignores the request.
 * Detached, browsing costs what it costs without the extension.
 */
const FILTER: WebRequest.RequestFilter = { urls: ['http://*/*', 'https://*/*'] };

type Enum = Record<string, string> | undefined;

function extraHeadersOption(enumObj: Enum): string[] {
  const v = enumObj?.['EXTRA_HEADERS'];
  return v ? [v] : [];
}

export type ResponseDetails = WebRequest.OnHeadersReceivedDetailsType;
export type RequestDetails = WebRequest.OnSendHeadersDetailsType;

export interface HeaderListeners {
  /** Registers both listeners (no-op when registered). */
  attach(): void;
  /** Removes both listeners: the browser stops routing requests through the extension. */
  detach(): void;
  readonly attached: boolean;
}

/**
 * Registers a response-headers and a request-headers listener at once (call it synchronously at
 * the top level of the background, so a worker woken by a request receives it).
 */
export function headerListeners(onResponse: (d: ResponseDetails) => void, onRequest: (d: RequestDetails) => void): HeaderListeners {
  const wr = browser.webRequest as unknown as { OnHeadersReceivedOptions?: Enum; OnSendHeadersOptions?: Enum };
  const responseOptions = ['responseHeaders', ...extraHeadersOption(wr.OnHeadersReceivedOptions)];
  const requestOptions = ['requestHeaders', ...extraHeadersOption(wr.OnSendHeadersOptions)];
  // Own functions, so removeListener finds exactly what addListener registered.
  const response = (d: ResponseDetails): void => {
    onResponse(d);
  };
  const request = (d: RequestDetails): void => {
    onRequest(d);
  };
  let attached = false;
  const self: HeaderListeners = {
    attach() {
      if (attached) return;
      browser.webRequest.onHeadersReceived.addListener(response, FILTER, responseOptions as WebRequest.OnHeadersReceivedOptions[]);
      browser.webRequest.onSendHeaders.addListener(request, FILTER, requestOptions as WebRequest.OnSendHeadersOptions[]);
      attached = true;
    },
    detach() {
      if (!attached) return;
      browser.webRequest.onHeadersReceived.removeListener(response);
      browser.webRequest.onSendHeaders.removeListener(request);
      attached = false;
    },
    get attached() {
      return attached;
    },
  };
  self.attach();
  return self;
}

export { headerValue, setCookieLines } from './header-lines';
