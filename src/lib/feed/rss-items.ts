/**
 * The what's-new entries as RSS items (rendered by @astrojs/rss): absolute links under the site's
 * `base`, a guid that survives rebuilds (the entry's lab path or LocalMaxxing id, not its URL) and
 * text that stays valid XML whatever a lab title holds.
 */
import { slugify } from '../text/slug';
import { withBase } from '../site/paths';
import { CATEGORY_LABELS, entrySummary, type WhatsNewDay, type WhatsNewEntry } from './whats-new';

/** How many entries a feed carries: a few days of a busy lab. */
export const FEED_SIZE = 100;

export interface FeedItem {
	title: string;
	link: string;
	pubDate: Date;
	description: string;
	categories: string[];
	/** Raw XML for the item: the stable guid. */
	customData: string;
}

/**
 * Characters XML 1.0 cannot carry at all (escaping does not help): C0 controls other than tab,
 * newline and carriage return, lone surrogates, U+FFFE and U+FFFF. Dropped, since a title is text.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
	return text.replace(NOT_XML, '');
}

/** Escapes text for raw XML (customData is parsed as XML by @astrojs/rss). */
export function escapeXml(text: string): string {
	return xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The absolute URL of a site path, e.g. https://owner.github.io/repo/notes/x/. */
export function absoluteUrl(site: string, base: string, path: string): string {
	return new URL(withBase(base, path), site).href;
}

/** Feed file name of a track: feed/<slug>.xml. */
export function trackFeedSlug(track: string): string {
	return slugify(track) || 'unnamed-track';
}

export function feedItem(entry: WhatsNewEntry, site: string, base: string): FeedItem {
	const prefix = entry.category === 'note' ? '' : `${CATEGORY_LABELS[entry.category]}: `;
	const title = entry.figure ? `${prefix}${entry.title} (${entry.figure})` : `${prefix}${entry.title}`;
	return {
		title: xmlText(title),
		link: absoluteUrl(site, base, entry.path),
		pubDate: new Date(`${entry.date}T00:00:00Z`),
		description: xmlText(entrySummary(entry)),
		categories: [xmlText(entry.trackLabel), CATEGORY_LABELS[entry.category]],
		customData: `<guid isPermaLink="false">${escapeXml(entry.key)}</guid>`,
	};
}

/** The newest entries (optionally of one track) as feed items. */
export function feedItems(days: readonly WhatsNewDay[], options: { site: string; base: string; track?: string; size?: number }): FeedItem[] {
	return days
		.flatMap((day) => day.entries)
		.filter((entry) => options.track === undefined || entry.track === options.track)
		.slice(0, options.size ?? FEED_SIZE)
		.map((entry) => feedItem(entry, options.site, options.base));
}

/**
 * Every track that has entries, with its feed slug. Two tracks whose names slug alike (an override
 * "Qwen FP8" beside "qwen-fp8") get numbered files rather than one feed silently holding both.
 */
export function feedTracks(days: readonly WhatsNewDay[]): Array<{ track: string; label: string; slug: string }> {
	const tracks = new Map<string, string>();
	for (const entry of days.flatMap((day) => day.entries)) if (entry.track && !tracks.has(entry.track)) tracks.set(entry.track, entry.trackLabel);
	const taken = new Set<string>();
	return [...tracks]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([track, label]) => {
			const wanted = trackFeedSlug(track);
			let slug = wanted;
			for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
			taken.add(slug);
			return { track, label, slug };
		});
}
