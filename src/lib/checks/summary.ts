/**
 * What a terminal shows of a check: every error, and warnings of one kind ("mentions the local path
 * ...") up to a limit, with a count of the rest. On the real lab one kind of warning is 1,850 lines,
 * which buried the errors and the summary. `npm run check -- --all` and GitHub Actions list every one.
 */
import type { Finding } from '../findings/finding';

/**
 * A warning's kind: the first words of its message, which name the rule, with the paths, quotes and
 * numbers that differ from file to file left out ("mentions the local path …", "cites … which is not").
 */
export const warningKind = (finding: Finding) =>
	finding.message
		.replace(/"[^"]*"|`[^`]*`|\S*[/\\]\S*|\d[\d.,:]*/g, '…')
		.split(/\s+/)
		.slice(0, 5)
		.join(' ');

export interface ShownFindings {
	shown: Finding[];
	/** Warnings left out, by kind, in the order their kind first appeared. */
	hidden: Array<{ kind: string; count: number }>;
}

export function findingsToShow(findings: readonly Finding[], perKind: number): ShownFindings {
	const errors = findings.filter((finding) => finding.severity === 'error');
	const warnings = findings.filter((finding) => finding.severity === 'warning');
	const seen = new Map<string, number>();
	const shown: Finding[] = [...errors];
	for (const warning of warnings) {
		const kind = warningKind(warning);
		const count = (seen.get(kind) ?? 0) + 1;
		seen.set(kind, count);
		if (count <= perKind) shown.push(warning);
	}
	const hidden = [...seen].filter(([, count]) => count > perKind).map(([kind, count]) => ({ kind, count: count - perKind }));
	return { shown, hidden };
}
