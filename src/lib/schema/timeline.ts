/**
 * data/timeline.json: the optimization timeline as annotations over records. Each step names
 * the record it produced and says what changed and why it stayed in the path; dates, results and
 * gains come from the records, never typed here.
 */
import { z } from 'astro/zod';
import { validateWith, type SchemaGuide, type Validation } from './explain';

const text = z.string().trim().min(1);

export const timelineFileSchema = z.strictObject({
	$schema: z.string().optional(),
	tracks: z.array(z.strictObject({ id: text, label: text })).min(1),
	steps: z.array(
		z.strictObject({
			track: text,
			/** The record (id in data/records/, or an imported record's id) this step produced. */
			record: text.optional(),
			/** Only for steps with no record (legacy material): when, and the result as written. */
			date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
			result: text.optional(),
			change: text,
			why: text,
			/** Notes, data, patches or URLs behind the step. */
			sources: z.array(text).default([]),
		}),
	),
});
export type TimelineFile = z.output<typeof timelineFileSchema>;
export const TIMELINE_FILE = 'data/timeline.json';

const GUIDE: SchemaGuide = {
	schema: timelineFileSchema,
	keyNoun: 'field',
	hints: {
		'steps[].record': 'the id of the record this step produced (its file name in data/records/ without .json)',
		'steps[].change': 'what was changed, e.g. "Fuse RMS_NORM + scale MUL."',
		'steps[].why': 'why the change stayed in the path',
		'steps[].track': 'the id of one of the tracks listed under tracks',
	},
};

/** Schema, then references: every step's track is listed and its record exists. */
export function validateTimeline(input: unknown, file: string, recordIds: ReadonlySet<string>): Validation<TimelineFile> {
	const result = validateWith<TimelineFile>(GUIDE, input, file, 'a timeline');
	if (!result.ok) return result;
	const tracks = new Set(result.data.tracks.map((track) => track.id));
	const problems = result.data.steps.flatMap((step, index) => [
		...(tracks.has(step.track) ? [] : [{ field: `steps.${index}.track`, message: `is "${step.track}", which is not one of the tracks (${[...tracks].join(', ')}).` }]),
		...(step.record === undefined
			? step.date && step.result
				? []
				: [{ field: `steps.${index}.record`, message: 'is missing. Write the id of the record this step produced (a step without a record needs date and result).' }]
			: recordIds.has(step.record)
				? []
				: [{ field: `steps.${index}.record`, message: `is "${step.record}", which is not a record. Write the id of a record in data/records/ (or an imported record).` }]),
	]);
	if (!problems.length) return result;
	return { ok: false, problems, message: problems.map((problem) => `${file}: ${problem.field} ${problem.message}`).join('\n') };
}
