/**
 * Findings: problems with lab material, kept as objects (file, line, field, message, fix) from
 * where they are found until the output step, which alone decides how they read: a CLI line, a
 * GitHub annotation, a build error or a row of the import report.
 */
import type { Problem } from '../schema/explain';
import { lineOf, lineStarts } from '../text/lines';
import { redactSecrets } from '../text/secrets';

export type Severity = 'error' | 'warning';

export interface Finding {
	severity: Severity;
	/** Path relative to the lab root. */
	file: string;
	line?: number;
	/** Dotted path of the field (`metrics.outputTokPerS`), when the problem is one field's. */
	field?: string;
	/** What is wrong, and usually what to write instead, without the file name. */
	message: string;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
	return lineOf(lineStartsOf(text), offset);
}

// Checks ask for the lines of many matches in one file in turn: its line starts are found once.
let lastText: string | undefined;
let lastStarts: number[] = [];
function lineStartsOf(text: string): number[] {
	if (text !== lastText) {
		lastStarts = lineStarts(text);
		lastText = text;
	}
	return lastStarts;
}

/** Schema problems of one file as findings; `lineOf` places each field when the text is known. */
export function findingsFromProblems(
	file: string,
	problems: readonly Problem[],
	lineOf: (field: string) => number | undefined = () => undefined,
	severity: Severity = 'error',
): Finding[] {
	return problems.map((problem) => ({
		severity,
		file,
		line: lineOf(problem.field),
		field: problem.field || undefined,
		message: problem.message,
	}));
}

/** Printed findings never show a secret, not even one quoted from the file or in its name. */
const withoutSecrets = (text: string) => redactSecrets(text, '').text;

/** `file:line: field: message`, as `npm run check` prints it. */
export function formatFinding(finding: Finding): string {
	const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
	return withoutSecrets(`${where}: ${finding.field ? `${finding.field}: ` : ''}${finding.message}`);
}

/** `file: field message`, the sentence form the build prints (schema messages read on from the field). */
export function findingSentence(finding: Finding): string {
	return withoutSecrets(`${finding.file}: ${finding.field ? `${finding.field} ` : ''}${finding.message}`);
}

/** The text of a build error: a title line, then one sentence per finding. */
export function contentErrorText(title: string, findings: readonly Finding[]): string {
	return [title, ...findings.map(findingSentence)].join('\n');
}

/** A GitHub Actions workflow command, so the finding shows on the pull request's diff. */
export function githubAnnotation(finding: Finding): string {
	const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const property = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
	const location = [`file=${property(withoutSecrets(finding.file))}`, finding.line ? `line=${finding.line}` : undefined].filter(Boolean).join(',');
	return `::${finding.severity} ${location}::${escape(withoutSecrets(`${finding.field ? `${finding.field}: ` : ''}${finding.message}`))}`;
}
