import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, escapeXml, feedItems, feedTracks, xmlText } from '../../src/lib/feed/rss-items';
import type { WhatsNewDay, WhatsNewEntry } from '../../src/lib/feed/whats-new';
import { xmlProblem } from '../support/xml';

const entry = (title: string, extra: Partial<WhatsNewEntry> = {}): WhatsNewEntry => ({
	key: `lab:notes/${title.length}.md`,
	category: 'note',
	date: '2026-05-18',
	title,
	path: 'notes/x/',
	track: 'mm',
	trackLabel: 'MiniMax',
	outcome: 'negative',
	...extra,
});
const SITE = 'https://owner.github.io';
const BASE = '/b70-optimization-lab/';

async function render(days: WhatsNewDay[], track?: string) {
	const xml = await getRssString({
		title: 'Lab',
		description: 'What is new',
		site: absoluteUrl(SITE, BASE, ''),
		items: feedItems(days, { site: SITE, base: BASE, track }),
	});
	return xml;
}

describe('feeds', () => {
	const hostile = ['a < b && c > d', 'CDATA end ]]> here', 'bell\u0007 and null\u0000 and vt\u000b', 'lone \ud800 surrogate', '<script>alert(1)</script>', 'quotes "double" \'single\''];

	it('stays valid XML whatever a title holds, and keeps the readable text', async () => {
		const days = [{ date: '2026-05-18', entries: hostile.map((title, index) => entry(title, { key: `lab:notes/${index}&<x>.md`, trackLabel: `T & <${index}>` })) }];
		const xml = await render(days);
		expect(xmlProblem(xml)).toBeUndefined();
		const items = new XMLParser().parse(xml).rss.channel.item as Array<{ title: string; guid: string }>;
		expect(items.map((item) => item.title)).toEqual(['a < b && c > d', 'CDATA end ]]> here', 'bell and null and vt', 'lone  surrogate', '<script>alert(1)</script>', 'quotes "double" \'single\'']);
		expect(items[0].guid).toBe('lab:notes/0&<x>.md');
	});

	it('links entries absolutely under the base, with a guid that is not the URL', async () => {
		const xml = await render([{ date: '2026-05-18', entries: [entry('One', { key: 'localmaxxing:cmpasdq5v007nmn019elaut3s', path: 'records/one/' })] }]);
		const item = new XMLParser({ ignoreAttributes: false }).parse(xml).rss.channel.item;
		expect(item.link).toBe('https://owner.github.io/b70-optimization-lab/records/one/');
		expect(item.guid).toEqual({ '#text': 'localmaxxing:cmpasdq5v007nmn019elaut3s', '@_isPermaLink': 'false' });
		expect(item.pubDate).toBe('Mon, 18 May 2026 00:00:00 GMT');
		expect(new XMLParser().parse(xml).rss.channel.link).toBe('https://owner.github.io/b70-optimization-lab/');
	});

	it('gives each track its own feed of only its entries', async () => {
		const days = [{ date: '2026-05-18', entries: [entry('Mm one'), entry('Qwen one', { track: 'qwen fp8', trackLabel: 'Qwen FP8' }), entry('Loose', { track: undefined })] }];
		expect(feedTracks(days)).toEqual([
			{ track: 'mm', label: 'MiniMax', slug: 'mm' },
			{ track: 'qwen fp8', label: 'Qwen FP8', slug: 'qwen-fp8' },
		]);
		const items = new XMLParser().parse(await render(days, 'qwen fp8')).rss.channel.item;
		expect(items.title).toBe('Qwen one');
	});

	it('numbers tracks whose names slug alike instead of merging their feeds', () => {
		const days = [{ date: '2026-05-18', entries: [entry('a', { track: 'Qwen FP8' }), entry('b', { track: 'qwen-fp8' })] }];
		expect(feedTracks(days).map((track) => track.slug)).toEqual(['qwen-fp8', 'qwen-fp8-2']);
	});

	it('drops characters XML cannot carry and escapes markup', () => {
		expect(xmlText('a\u0000b\u001fc\td\ne\uFFFF')).toBe('abc\td\ne');
		expect(xmlText('emoji 😀 stays')).toBe('emoji 😀 stays');
		expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
	});
});
