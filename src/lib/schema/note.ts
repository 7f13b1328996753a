/**
 * Lab notes: frontmatter is optional (the lab's 316 notes have none), so everything here can be
 * inferred from the text; a field written in frontmatter overrides the inference. Unknown
 * frontmatter keys are refused so a typo is an error, not a silently ignored override.
 */
import { z } from 'astro/zod';
import { validateWith, type SchemaGuide, type Validation } from './explain';

export const NOTE_OUTCOMES = ['positive', 'negative', 'diagnostic', 'blocker', 'neutral'] as const;
export type NoteOutcome = (typeof NOTE_OUTCOMES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** YAML turns `date: 2026-05-06` into a Date; contributors should not have to quote it. */
const isoDateLike = z.union([
	z.string().regex(ISO_DATE, 'write the date as YYYY-MM-DD'),
	z.date().transform((date) => date.toISOString().slice(0, 10)),
]);
const names = z.array(z.string().trim().min(1));

export const noteFrontmatterSchema = z.strictObject({
	title: z.string().trim().min(1).optional(),
	date: isoDateLike.optional(),
	track: z.string().trim().min(1).optional(),
	outcome: z.enum(NOTE_OUTCOMES).optional(),
	models: names.optional(),
	engines: names.optional(),
	tags: names.optional(),
	related: names.optional(),
});
export type NoteFrontmatter = z.output<typeof noteFrontmatterSchema>;

export const NOTE_GUIDE: SchemaGuide = {
	schema: noteFrontmatterSchema,
	keyNoun: 'frontmatter field',
	hints: {
		title: 'the note title (by default the first # heading)',
		date: 'the date as YYYY-MM-DD',
		outcome: `one of: ${NOTE_OUTCOMES.join(', ')}`,
		track: 'the line of work, e.g. "minimax-m27-vllm-xpu"',
	},
};

export function validateNoteFrontmatter(input: unknown, file: string): Validation<NoteFrontmatter> {
	return validateWith(NOTE_GUIDE, input ?? {}, file, 'frontmatter fields');
}

/** Where a note's date came from, so pages can say how sure it is. */
export const DATE_SOURCES = ['frontmatter', 'filename', 'date-line', 'title'] as const;

/** The metadata every note has after inference: what the site stores and renders. */
export const noteDataSchema = z.strictObject({
	title: z.string(),
	date: z.string().regex(ISO_DATE).optional(),
	dateSource: z.enum(DATE_SOURCES).optional(),
	track: z.string().optional(),
	outcome: z.enum(NOTE_OUTCOMES).optional(),
	models: names,
	engines: names,
	tags: names,
	related: names,
	/** Path relative to the lab root, e.g. notes/2026-05-06-fp8-tp4-ngram-sweep.md. */
	sourcePath: z.string(),
});
export type NoteData = z.output<typeof noteDataSchema>;
