/** One RSS feed per track: the newest what's-new entries of that line of work. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { labWhatsNew } from '../../build/whats-new';
import { absoluteUrl, feedItems, feedTracks, xmlText } from '../../lib/feed/rss-items';

export async function getStaticPaths() {
	const { days } = await labWhatsNew();
	return feedTracks(days).map(({ track, label, slug }) => ({ params: { track: slug }, props: { track, label } }));
}

export async function GET(context: APIContext) {
	const { track, label } = context.props as { track: string; label: string };
	const site = context.site!.href;
	const base = import.meta.env.BASE_URL;
	const { days } = await labWhatsNew();
	return rss({
		title: xmlText(`B70 Optimization Lab: ${label}`),
		description: xmlText(`Notes, records, promotions and negative results of the track ${label}, newest first.`),
		site: absoluteUrl(site, base, ''),
		items: feedItems(days, { site, base, track }),
		trailingSlash: true,
	});
}
