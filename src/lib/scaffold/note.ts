/** A new lab note: dated file name, H1 title, the sections lab notes use. */
import type { NoteOutcome } from '../schema/note';
import { slugify } from '../text/slug';

export interface NoteAnswers {
	title: string;
	date: string;
	track?: string;
	outcome?: NoteOutcome;
}

/** File-name slugs for new notes, records and recipes: short enough to read in a listing. */
export const scaffoldSlug = (text: string) => slugify(text, 60);

/**
 * What the template says in each section until the author replaces it. Exported so that a note
 * still holding it is recognised (src/lib/notes/template.ts): template words never decide anything.
 */
export const NOTE_PLACEHOLDERS = {
	Summary: 'What was tried, on which model, engine and cards, and what came of it.',
	Setup: [
		'Model and quantization, hardware, engine version, the command or recipe, and the labels of every',
		'number below (output or total tok/s, prompt/output/context, batch, concurrency, warm or cold).',
	].join('\n'),
	Decision: 'Keep, reject, or investigate further, and why.',
} as const;

export function noteFile(answers: NoteAnswers): { path: string; text: string } {
	const frontmatter = [answers.track && `track: ${answers.track}`, answers.outcome && `outcome: ${answers.outcome}`].filter(Boolean);
	const text = [
		...(frontmatter.length ? ['---', ...frontmatter, '---', ''] : []),
		`# ${answers.title}`,
		'',
		`Date: ${answers.date}`,
		'',
		'## Summary',
		'',
		NOTE_PLACEHOLDERS.Summary,
		'',
		'## Setup',
		'',
		NOTE_PLACEHOLDERS.Setup,
		'',
		'## Results',
		'',
		'| Run | Output tok/s | Total tok/s | Notes |',
		'| --- | ---: | ---: | --- |',
		'',
		'## Decision',
		'',
		NOTE_PLACEHOLDERS.Decision,
		'',
	].join('\n');
	return { path: `notes/${answers.date}-${scaffoldSlug(answers.title)}.md`, text };
}
