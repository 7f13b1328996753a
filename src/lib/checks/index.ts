/** All checks of `npm run check`, in the order their findings are reported. */
import { crossReferencesCheck } from './cross-references';
import { fileTypesCheck } from './file-types';
import { lanesCheck } from './lanes';
import { linksCheck } from './links';
import { localPathsCheck } from './local-paths';
import { noteFrontmatterCheck } from './note-frontmatter';
import { noteTemplateCheck } from './note-template';
import { overridesCheck } from './overrides';
import { recipeDefaultsCheck } from './recipe-defaults';
import { recipesCheck } from './recipes';
import { recordPathsCheck } from './record-paths';
import { recordsCheck } from './records';
import { secretsCheck } from './secrets';
import { siteDataCheck } from './site-data';
import { timelineCheck } from './timeline';
import { tracksCheck } from './tracks';
import type { Check, CheckContext, Finding } from './types';
import { unsafeMarkdownCheck } from './unsafe-markdown';

export const CHECKS: Check[] = [
	recordsCheck,
	recordPathsCheck,
	crossReferencesCheck,
	recipesCheck,
	recipeDefaultsCheck,
	noteFrontmatterCheck,
	noteTemplateCheck,
	siteDataCheck,
	overridesCheck,
	tracksCheck,
	lanesCheck,
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

export { formatFinding, githubAnnotation } from '../findings/finding';
