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
