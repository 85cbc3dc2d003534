import { browser, type WebRequest } from './browser';

/**
 * webRequest with the header access cookies need, in both browsers:
 * - Chromium hides `Cookie` and `Set-Cookie` unless the listener asks for `extraHeaders`
 *   (https://developer.chrome.com/docs/extensions/reference/api/webRequest#life_cycle_footnote);
 * - Firefox has no such option and throws "Invalid enumeration value" if it is passed.
 * So the option is feature-detected through the browser's own enum, not by sniffing.
 */
const FILTER: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

type Enum = Record<string, string> | undefined;

function extraHeadersOption(enumObj: Enum): string[] {
  const v = enumObj?.['EXTRA_HEADERS'];
  return v ? [v] : [];
}

export type ResponseDetails = WebRequest.OnHeadersReceivedDetailsType;
export type RequestDetails = WebRequest.OnSendHeadersDetailsType;

export function onResponseHeaders(listener: (d: ResponseDetails) => void): void {
  const wr = browser.webRequest as unknown as { OnHeadersReceivedOptions?: Enum };
  const options = ['responseHeaders', ...extraHeadersOption(wr.OnHeadersReceivedOptions)];
  browser.webRequest.onHeadersReceived.addListener(
    (d) => {
      listener(d);
    },
    FILTER,
    options as WebRequest.OnHeadersReceivedOptions[],
  );
}

export function onRequestHeaders(listener: (d: RequestDetails) => void): void {
  const wr = browser.webRequest as unknown as { OnSendHeadersOptions?: Enum };
  const options = ['requestHeaders', ...extraHeadersOption(wr.OnSendHeadersOptions)];
  browser.webRequest.onSendHeaders.addListener(
    (d) => {
      listener(d);
    },
    FILTER,
    options as WebRequest.OnSendHeadersOptions[],
  );
}

export { headerValue, setCookieLines } from './header-lines';
