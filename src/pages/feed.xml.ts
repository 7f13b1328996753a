/** The site-wide RSS feed: the newest what's-new entries. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { labWhatsNew } from '../build/whats-new';
import { absoluteUrl, feedItems } from '../lib/feed/rss-items';

export async function GET(context: APIContext) {
	const site = context.site!.href;
	const base = import.meta.env.BASE_URL;
	const { days } = await labWhatsNew();
	return rss({
		title: 'B70 Optimization Lab: what is new',
		description: 'Notes, records, promotions and negative results, newest first.',
		site: absoluteUrl(site, base, ''),
		items: feedItems(days, { site, base }),
		trailingSlash: true,
	});
}
