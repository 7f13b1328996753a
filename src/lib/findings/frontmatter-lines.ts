/** Where a field sits in a markdown file's YAML frontmatter, for messages that point at it. */
import type { Problem } from '../schema/explain';
import { lineAt, type Finding } from './finding';

/**
 * The line of a frontmatter field in the README: the key ("failureModes:"), or for an item
 * ("versions.0.version") the line of that list item; 1 when the key is absent.
 */
export function frontmatterLine(text: string, field: string): number {
	const [key, index] = field.split('.');
	const match = new RegExp(`^${key}\\s*:`, 'm').exec(text);
	if (!match) return 1;
	const keyLine = lineAt(text, match.index);
	if (index === undefined || !/^\d+$/.test(index)) return keyLine;
	const lines = text.split('\n');
	let item = -1;
	for (let line = keyLine; line < lines.length; line++) {
		if (/^\S/.test(lines[line])) break; // the next top-level key
		if (/^\s*-\s/.test(lines[line]) && ++item === Number(index)) return line + 1;
	}
	return keyLine;
}

/** Schema problems of a markdown file's frontmatter as findings, each at its field's line. */
export function frontmatterFindings(file: string, text: string, problems: readonly Problem[]): Finding[] {
	return problems.map((problem) => ({
		severity: 'error',
		file,
		line: frontmatterLine(text, problem.field),
		field: problem.field || undefined,
		message: problem.message,
	}));
}
