/**
 * The sitemap lists pages to index, not the redirect pages a static build leaves at the addresses
 * of runs shown in their file's table (`Astro.redirect` in src/pages/records/[...id].astro): the
 * sitemap integration cannot tell them apart, so the filter reads the built page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A page that only sends the reader elsewhere (Astro's static redirect: a refresh meta in its head). */
export const isRedirectPage = (html: string): boolean => /<meta\s+http-equiv="refresh"/i.test(html.slice(0, 2000));

/** The sitemap's filter for a site built into `outDir` under `base`: every page except redirect pages. */
export function sitemapPageFilter({ outDir, base }: { outDir: string; base: string }): (page: string) => boolean {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return (page) => {
		const path = decodeURIComponent(new URL(page).pathname);
		const inSite = path.startsWith(prefix) ? path.slice(prefix.length) : path.replace(/^\//, '');
		try {
			return !isRedirectPage(readFileSync(join(outDir, inSite.endsWith('/') || inSite === '' ? `${inSite}index.html` : inSite), 'utf8'));
		} catch {
			// Not a file we wrote as a page (an endpoint, a file of another name): listed as the integration would.
			return true;
		}
	};
}
