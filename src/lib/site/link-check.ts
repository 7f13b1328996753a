/**
 * Finds broken internal links in a built site: every href and src that points inside the site
 * (under its base path) must lead to a file in dist/. External links are not fetched.
 */
export interface BuiltPage {
	/** Path inside dist/, e.g. "notes/x/index.html". */
	path: string;
	html: string;
}

export interface BrokenLink {
	page: string;
	href: string;
	reason: string;
}

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const ID = /\sid="([^"]*)"/g;

/**
 * `anchorsOn` picks the pages whose #anchors must also exist on the page they lead to (the
 * project's guides; lab notes are legacy material and only warned about elsewhere).
 */
export function findBrokenLinks(pages: readonly BuiltPage[], files: ReadonlySet<string>, base: string, anchorsOn: (path: string) => boolean = () => false): BrokenLink[] {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const broken: BrokenLink[] = [];
	const byPath = new Map(pages.map((page) => [page.path, page]));
	const idsCache = new Map<string, Set<string>>();
	const idsOf = (path: string) => {
		let ids = idsCache.get(path);
		if (!ids) idsCache.set(path, (ids = new Set([...(byPath.get(path)?.html ?? '').matchAll(ID)].map((match) => match[1].replace(/&amp;/g, '&')))));
		return ids;
	};
	for (const page of pages) {
		const checkAnchors = anchorsOn(page.path);
		const pageUrl = `${prefix}${page.path.replace(/index\.html$/, '')}`;
		for (const match of page.html.matchAll(ATTRIBUTE)) {
			const raw = match[1].replace(/&amp;/g, '&');
			if (!raw || EXTERNAL.test(raw) || (raw.startsWith('#') && !checkAnchors)) continue;
			const url = new URL(raw, `http://site${pageUrl}`);
			const path = decodeURIComponent(url.pathname);
			if (!path.startsWith(prefix) && path !== prefix.slice(0, -1)) {
				broken.push({ page: page.path, href: raw, reason: `is outside the base path ${prefix}` });
				continue;
			}
			const inside = path.slice(prefix.length);
			const candidates = inside === '' || inside.endsWith('/') ? [`${inside}index.html`] : [inside, `${inside}/index.html`];
			const target = candidates.find((candidate) => files.has(candidate));
			if (!target) broken.push({ page: page.path, href: raw, reason: 'leads to no file in the built site' });
			else if (checkAnchors && url.hash.length > 1 && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
				broken.push({ page: page.path, href: raw, reason: `leads to no heading or element #${decodeURIComponent(url.hash.slice(1))} on ${target}` });
			}
		}
	}
	return broken;
}
