// Nothing: the floor popup needs no background. Present so both browsers load the add-on alike.
const ext = globalThis.browser ?? globalThis.chrome;
ext.runtime.onInstalled.addListener(() => undefined);
