/** All checks of `npm run check`, in the order their findings are reported. */
import { fileTypesCheck } from './file-types';
import { linksCheck } from './links';
import { localPathsCheck } from './local-paths';
import { noteFrontmatterCheck } from './note-frontmatter';
import { overridesCheck } from './overrides';
import { recipesCheck } from './recipes';
import { recordsCheck } from './records';
import { secretsCheck } from './secrets';
import { siteDataCheck } from './site-data';
import { timelineCheck } from './timeline';
import { redactSecrets } from '../text/secrets';
import type { Check, CheckContext, Finding } from './types';
import { unsafeMarkdownCheck } from './unsafe-markdown';

export const CHECKS: Check[] = [
	recordsCheck,
	recipesCheck,
	noteFrontmatterCheck,
	siteDataCheck,
	overridesCheck,
	timelineCheck,
	fileTypesCheck,
	secretsCheck,
	unsafeMarkdownCheck,
	linksCheck,
	localPathsCheck,
];

export function runChecks(context: CheckContext, checks: Check[] = CHECKS): Finding[] {
	return checks
		.flatMap((check) => check.run(context))
		.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** A finding never prints a secret, not even one quoted from the file or in its name. */
const withoutSecrets = (text: string) => redactSecrets(text, '').text;

/** `file:line: field: message` */
export function formatFinding(finding: Finding): string {
	const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
	return withoutSecrets(`${where}: ${finding.field ? `${finding.field}: ` : ''}${finding.message}`);
}

/** A GitHub Actions workflow command, so the finding shows on the pull request's diff. */
export function githubAnnotation(finding: Finding): string {
	const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const property = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
	const location = [`file=${property(withoutSecrets(finding.file))}`, finding.line ? `line=${finding.line}` : undefined].filter(Boolean).join(',');
	return `::${finding.severity} ${location}::${escape(withoutSecrets(`${finding.field ? `${finding.field}: ` : ''}${finding.message}`))}`;
}
