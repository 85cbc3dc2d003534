// The short documented paths (report.html, panel.html, options.html, popup.html) lead to the built
// pages; a script file rather than inline code because the extension's CSP allows only 'self'.
// The query string and hash go along: the pages take their target from `?tabId=N`.
const page = location.pathname.replace(/^.*\//, '').replace(/\.html$/, '');
if (/^(report|panel|options|popup)$/.test(page)) {
  location.replace(`src/pages/${page}/index.html${location.search}${location.hash}`);
}
