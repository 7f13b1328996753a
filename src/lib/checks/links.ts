/**
 * Links between notes, data and recipes. A markdown link to a lab file that does not exist is
 * an error; a backticked reference to a missing file is a warning (the lab's history cites
 * files that were never committed, and the site shows those as plain text).
 */
import { lineAt, type Check, type Finding } from './types';

// Bounded: an unclosed "[" or "](" must not send every later one scanning to the end of the file.
const MARKDOWN_LINK = /\[[^\]\n]{0,1000}\]\(([^)\s]{1,2000})(?:\s+"[^"\n]{0,500}")?\)/g;

export const linksCheck: Check = {
	name: 'links',
	run: ({ files, inventory }) => {
		const existing = new Set(files.map((file) => file.path));
		const folders = new Set(files.flatMap((file) => file.path.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'))));
		const broken: Finding[] = files
			.filter((file) => /^(notes|repro|results|plans)\/.+\.md$/i.test(file.path) && file.text)
			.flatMap((file) =>
				[...file.text!.matchAll(MARKDOWN_LINK)].flatMap((match): Finding[] => {
					const target = match[1].split('#')[0];
					if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) return [];
					const base = file.path.split('/').slice(0, -1);
					const parts = [...base];
					for (const part of target.split('/')) {
						if (part === '..') parts.pop();
						else if (part && part !== '.') parts.push(part);
					}
					const resolved = parts.join('/');
					if (existing.has(resolved) || folders.has(resolved)) return [];
					return [{ severity: 'error', file: file.path, line: lineAt(file.text!, match.index), message: `links to ${match[1]}, which does not exist (resolved as ${resolved}).` }];
				}),
			);
		const unresolved: Finding[] = [...inventory.notes, ...inventory.writeups].flatMap((doc) =>
			doc.links.unresolved.map((target) => ({ severity: 'warning' as const, file: doc.path, message: `cites ${target}, which is not in the repository; it is shown as plain text.` })),
		);
		return [...broken, ...unresolved];
	},
};
