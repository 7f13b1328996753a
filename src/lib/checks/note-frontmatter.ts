/** Frontmatter of notes: optional, but what is there must be right. */
import { splitFrontmatter } from '../lab/inventory';
import { validateNoteFrontmatter } from '../schema/note';
import { frontmatterFindings } from './frontmatter-lines';
import type { Check, Finding } from './types';

export const noteFrontmatterCheck: Check = {
	name: 'note-frontmatter',
	run: ({ files }) =>
		files
			.filter((file) => /^notes\/.+\.md$/i.test(file.path) && file.text?.startsWith('---'))
			.flatMap((file): Finding[] => {
				const { frontmatter, error } = splitFrontmatter(file.text ?? '', file.path);
				if (error) return [{ severity: 'error', file: file.path, line: 1, message: error.slice(file.path.length + 2) }];
				const result = validateNoteFrontmatter(frontmatter, file.path);
				if (result.ok) return [];
				return frontmatterFindings(file.path, file.text ?? '', result.problems);
			}),
};
