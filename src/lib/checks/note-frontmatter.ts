/** Frontmatter of notes: optional, but what is there must be right (read once, by the inventory). */
import { isNoteFile } from '../lab/lab-paths';
import type { Check } from './types';

export const noteFrontmatterCheck: Check = {
	name: 'note-frontmatter',
	run: ({ inventory }) => inventory.findings.filter((finding) => isNoteFile(finding.file)),
};
