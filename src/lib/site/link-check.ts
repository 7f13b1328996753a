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

export function findBrokenLinks(pages: readonly BuiltPage[], files: ReadonlySet<string>, base: string): BrokenLink[] {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const broken: BrokenLink[] = [];
	for (const page of pages) {
		const pageUrl = `${prefix}${page.path.replace(/index\.html$/, '')}`;
		for (const match of page.html.matchAll(ATTRIBUTE)) {
			const raw = match[1].replace(/&amp;/g, '&');
			if (!raw || raw.startsWith('#') || EXTERNAL.test(raw)) continue;
			const url = new URL(raw, `http://site${pageUrl}`);
			const path = decodeURIComponent(url.pathname);
			if (!path.startsWith(prefix) && path !== prefix.slice(0, -1)) {
				broken.push({ page: page.path, href: raw, reason: `is outside the base path ${prefix}` });
				continue;
			}
			const inside = path.slice(prefix.length);
			const candidates = inside === '' || inside.endsWith('/') ? [`${inside}index.html`] : [inside, `${inside}/index.html`];
			if (!candidates.some((candidate) => files.has(candidate))) broken.push({ page: page.path, href: raw, reason: 'leads to no file in the built site' });
		}
	}
	return broken;
}
