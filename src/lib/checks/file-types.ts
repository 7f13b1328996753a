/**
 * Which files contributed folders accept. Content must stay inert: the site never executes or
 * serves as a page anything contributed except markdown and JSON. MDX runs code at build time,
 * so it is for maintainers' pages in src/content/docs only. Recipes may ship scripts (they are
 * run by people, never by the site); data/ keeps the lab's logs and blobs; photos go to
 * data/photos/ under a size limit.
 */
import type { Check, Finding } from './types';

export const IMAGE_LIMIT_BYTES = 200 * 1024;
const IMAGE = /\.(png|jpe?g|webp|gif|avif)$/i;
/** Formats a browser or the build could execute, anywhere in contributed content. */
const EXECUTABLE = /\.(mdx|astro|html?|svg|js|mjs|cjs|jsx|ts|tsx|vue|svelte|php)$/i;

const RULES: Array<{ folder: RegExp; allowed: RegExp; what: string }> = [
	{ folder: /^notes\//, allowed: /\.md$/i, what: 'notes/ accepts markdown (.md) only' },
	{ folder: /^data\/photos\//, allowed: /\.(json|png|jpe?g|webp|gif|avif)$/i, what: 'data/photos/ accepts small compressed photos and JSON' },
	{ folder: /^data\//, allowed: /\.(json|jsonl|txt|log|b64|csv)$/i, what: 'data/ accepts JSON and plain-text artifacts (.json, .jsonl, .txt, .log, .b64, .csv)' },
	{ folder: /^repro\/[^/]+\/scripts\//, allowed: /\.(sh|bash|py|txt|json|yaml|yml|toml|cfg|conf|patch|diff)$/i, what: 'repro/<slug>/scripts/ accepts scripts run by people (.sh, .py) and their config' },
	{ folder: /^repro\//, allowed: /\.(md|json)$/i, what: 'repro/ accepts markdown and JSON (scripts go in repro/<slug>/scripts/)' },
];

export const fileTypesCheck: Check = {
	name: 'file-types',
	run: ({ files }) =>
		files.flatMap((file): Finding[] => {
			const rule = RULES.find((candidate) => candidate.folder.test(file.path));
			if (!rule) return [];
			if (EXECUTABLE.test(file.path)) {
				return [{ severity: 'error', file: file.path, message: `is a file the site could execute (${file.path.split('.').at(-1)}); ${rule.what}. Maintainers' MDX pages live in src/content/docs.` }];
			}
			// Markdown is inert (never MDX): a ledger or summary kept in data/ is read and listed, with a nudge.
			if (/^data\//.test(file.path) && /\.md$/i.test(file.path)) {
				return [{ severity: 'warning', file: file.path, message: `is markdown in data/; it is listed with the data and read as a ledger when it holds one, but notes belong in notes/ (${rule.what}).` }];
			}
			if (!rule.allowed.test(file.path)) return [{ severity: 'error', file: file.path, message: `${rule.what}.` }];
			if (IMAGE.test(file.path)) {
				return file.size > IMAGE_LIMIT_BYTES
					? [{ severity: 'error', file: file.path, message: `is ${Math.round(file.size / 1024)} kB; photos committed to the repository must stay under ${IMAGE_LIMIT_BYTES / 1024} kB. Compress it, or link the public photo from data/photos.json instead.` }]
					: [{ severity: 'warning', file: file.path, message: 'prefer a link to the public photo in data/photos.json; commit a copy only when it is critical to reproducing the build.' }];
			}
			return [];
		}),
};
