// The onchanged floor plus the least header recording can do: blocking-free listeners that see
// Cookie and Set-Cookie (Chromium only shows them with extraHeaders; Firefox rejects the value).
const ext = globalThis.browser ?? globalThis.chrome;
ext.cookies.onChanged.addListener(() => undefined);
const filter = { urls: ['<all_urls>'] };
const extra = (values) => (values && 'EXTRA_HEADERS' in values ? ['extraHeaders'] : []);
const api = ext.webRequest;
api.onBeforeSendHeaders.addListener(() => undefined, filter, ['requestHeaders', ...extra(api.OnBeforeSendHeadersOptions)]);
api.onHeadersReceived.addListener(() => undefined, filter, ['responseHeaders', ...extra(api.OnHeadersReceivedOptions)]);
// The least a background can do to answer a page: the hostile bench pings it while it is flooded.
ext.runtime.onMessage.addListener((message, sender, respond) => {
  respond({ ready: true });
});
