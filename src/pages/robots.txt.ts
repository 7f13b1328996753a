/** robots.txt: everything may be crawled; the sitemap lives under the site's base. */
import type { APIContext } from 'astro';
import { absoluteUrl } from '../lib/feed/rss-items';

export function GET(context: APIContext) {
	const sitemap = absoluteUrl(context.site!.href, import.meta.env.BASE_URL, 'sitemap-index.xml');
	return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
