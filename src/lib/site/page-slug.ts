/**
 * Page slugs for lab files whatever their names. A page id must survive the trip through a URL
 * and a file system unchanged, or Astro cannot match it to its static path and the build stops
 * (NoMatchingStaticPathFound): backslashes, `%2e%2e`, `..`, spaces, accents in either Unicode
 * form, and names that differ only by case (dup.md, dup.MD, which also clash on case-insensitive
 * disks) all have to become distinct, plain slugs. Ordinary lab names (lowercase, digits, dashes,
 * dots) keep their id as it is, so existing URLs do not move.
 */

import { secretRanges } from '../text/secrets';
import { memoizeByText } from '../text/memo';

/** What a lab file's page is called, and why it differs from its name when it does. */
export interface PageSlug {
	slug: string;
	/** Set when the slug is not the file's own name: for the import report. */
	renamed?: string;
}

const SAFE_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;

/** FNV-1a, 32 bits: a short, stable tag for one name (pure, no platform hash needed). */
function nameTag(text: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0').slice(0, 6);
}

function segmentSlug(segment: string): string {
	const plain = segment
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '');
	// Nothing readable left (only symbols, dots, or another script): a tag of the original.
	return plain || `x-${nameTag(segment)}`;
}

/** A token pasted into a file name must not reach the page's address. */
function withoutSecrets(id: string): string {
	let clean = id;
	for (const range of secretRanges(id, id).reverse()) clean = `${clean.slice(0, range.start)}secret-removed${clean.slice(range.end)}`;
	return clean;
}

/** The slug of one id (a lab path without its extension), before collisions are settled. */
export const pageSlug: (id: string) => string = memoizeByText((id) => {
	const segments = withoutSecrets(id).split(/[/\\]+/).filter((segment) => segment !== '');
	return segments.length ? segments.map(segmentSlug).join('/') : `x-${nameTag(id)}`;
});

const isOwnName = (id: string, slug: string) => id === slug && id.split('/').every((segment) => SAFE_SEGMENT.test(segment));

/**
 * Distinct slugs for a set of ids. When several ids share a slug, the one already spelled as
 * the slug keeps it (else the first in code-unit order) and each other gets a tag of its own
 * name, so adding a file never moves another file's page. `reserved` are slugs taken by the
 * site's own pages (e.g. `by-track` beside the notes).
 */
export function pageSlugs(ids: readonly string[], reserved: Iterable<string> = []): Map<string, PageSlug> {
	const taken = new Set(reserved);
	const groups = new Map<string, string[]>();
	for (const id of new Set(ids)) {
		const slug = pageSlug(id);
		groups.set(slug, [...(groups.get(slug) ?? []), id]);
	}
	const result = new Map<string, PageSlug>();
	const byName = (a: string, b: string) => Number(!isOwnName(a, pageSlug(a))) - Number(!isOwnName(b, pageSlug(b))) || (a < b ? -1 : a > b ? 1 : 0);
	for (const [slug, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		members.sort(byName);
		members.forEach((id, index) => {
			let chosen = index === 0 && !taken.has(slug) ? slug : `${slug}-${nameTag(id)}`;
			for (let extra = 2; taken.has(chosen) || (chosen !== slug && groups.has(chosen)); extra++) chosen = `${slug}-${nameTag(id)}-${extra}`;
			taken.add(chosen);
			const renamed =
				chosen === id
					? undefined
					: chosen !== slug
						? `shares its page name with ${members.filter((other) => other !== id).join(', ') || 'a page of the site'}; its page is ${chosen}`
						: `is not a plain page name (lowercase letters, digits, dots and dashes); its page is ${chosen}`;
			result.set(id, renamed ? { slug: chosen, renamed } : { slug: chosen });
		});
	}
	return result;
}
