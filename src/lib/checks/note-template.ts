/**
 * Notes still holding the text `npm run new -- note` wrote: the note is a draft. Template text never
 * decides an outcome (the note stays unclassified and off /negative-results/), so say where it is.
 */
import { NOTE_PLACEHOLDERS } from '../scaffold/note';
import { templateLeftovers } from '../notes/template';
import { splitFrontmatter } from '../text/frontmatter';
import { lineAt, type Check, type Finding } from './types';

const WHAT_TO_WRITE: Record<keyof typeof NOTE_PLACEHOLDERS, string> = {
	Summary: 'say what was tried and what came of it',
	Setup: 'give the model, hardware, engine and the labels of every number',
	Decision: 'say what was decided (promote, keep, reject, investigate) and why',
};

export const noteTemplateCheck: Check = {
	name: 'note-template',
	run: ({ files }) =>
		files
			.filter((file) => /^notes\/.+\.md$/i.test(file.path) && file.text !== undefined)
			.flatMap((file): Finding[] => {
				// `npm run new -- note --outcome negative` writes the outcome in the frontmatter, which the site shows.
				const { frontmatter } = splitFrontmatter(file.text!);
				const declared = (frontmatter as { outcome?: unknown } | null)?.outcome;
				const until = typeof declared === 'string' ? `Until then its outcome (${declared}) rests on the frontmatter alone.` : 'Until then the note has no outcome.';
				return templateLeftovers(file.text!).map((section) => {
					const firstWords = NOTE_PLACEHOLDERS[section].split(/\s+/).slice(0, 4).join(' ');
					const at = file.text!.indexOf(firstWords);
					return {
						severity: 'warning',
						file: file.path,
						line: at >= 0 ? lineAt(file.text!, at) : undefined,
						message: `still has the template's ${section} text; ${WHAT_TO_WRITE[section]}. ${until}`,
					};
				});
			}),
};
