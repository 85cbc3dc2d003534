// The least an extension that records cookie changes can do: be woken for every change and return.
const ext = globalThis.browser ?? globalThis.chrome;
ext.cookies.onChanged.addListener(() => undefined);
