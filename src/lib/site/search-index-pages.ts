/**
 * The address Pagefind files a page under: its path within the site, without the base path, as
 * Pagefind gives a page read from the built folder (`notes/x/index.html` is `/notes/x/`). The
 * search page adds the base back (its `baseUrl`). Undefined for a path outside the base.
 */
export function indexedPagePath(pathname: string, base: string): string | undefined {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	if (pathname === base || pathname === prefix.slice(0, -1)) return '/';
	if (!pathname.startsWith(prefix)) return undefined;
	return `/${pathname.slice(prefix.length)}`;
}

/**
 * What Pagefind needs of a page marked for search: the document's head (its language and title)
 * and the marked element, without the header, sidebar and footer Starlight draws around it. Those
 * are half of a page's bytes, and every byte is encoded, sent and parsed again. When anything left
 * out carries a Pagefind attribute (a filter, meta or sort Pagefind would read there), the whole
 * page is sent. On the real lab every fragment and the whole index are identical either way.
 * Undefined when the page has no marked element.
 */
export function searchablePart(html: string): string | undefined {
	const mark = html.indexOf('data-pagefind-body');
	if (mark < 0) return undefined;
	const open = html.lastIndexOf('<', mark);
	const tag = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(open, mark))?.[1];
	const bodyOpen = html.indexOf('<body');
	const close = tag ? html.lastIndexOf(`</${tag}>`) : -1;
	if (!tag || bodyOpen < 0 || bodyOpen > open || close < open) return html;
	const bodyTag = html.slice(bodyOpen, html.indexOf('>', bodyOpen) + 1);
	const end = close + tag.length + 3;
	const leftOut = [html.slice(bodyTag.length + bodyOpen, open), html.slice(end)];
	if (leftOut.some((part) => part.includes('data-pagefind-'))) return html;
	return `${html.slice(0, bodyOpen)}${bodyTag}${html.slice(open, end)}</body></html>`;
}
