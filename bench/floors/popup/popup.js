// The least a popup showing a site's cookies can do: read the target tab, ask the cookies API for
// its URL (and for each extra host the bench puts in scope), render the names as text.
const ext = globalThis.browser ?? globalThis.chrome;
(async () => {
  const query = new URLSearchParams(location.search);
  const tab = await ext.tabs.get(Number(query.get('tabId')));
  const hosts = (query.get('hosts') || '').split(',').filter(Boolean);
  const lists = await Promise.all([tab.url, ...hosts.map((h) => `https://${h}/`)].map((url) => ext.cookies.getAll({ url })));
  const list = document.getElementById('names');
  const fragment = document.createDocumentFragment();
  for (const cookie of lists.flat()) {
    const item = document.createElement('li');
    item.textContent = cookie.name;
    fragment.append(item);
  }
  list.append(fragment);
})();
