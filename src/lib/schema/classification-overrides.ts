/**
 * data/classification-overrides.json: the track or outcome of a lab file, set by hand where the
 * inference rules get it wrong. Keys are lab paths; a typo in a value is an error, not ignored.
 */
import { z } from 'astro/zod';
import { validateWith, type SchemaGuide, type Validation } from './explain';
import { NOTE_OUTCOMES } from './note';
import { findingsFromProblems, type Finding } from '../findings/finding';
import { lineOfJsonPath, parseJsonFile } from '../findings/json-lines';

export const OVERRIDES_FILE = 'data/classification-overrides.json';

export const overridesFileSchema = z.record(
	z.string(),
	z.strictObject({
		track: z.string().trim().min(1).optional(),
		outcome: z.enum(NOTE_OUTCOMES).optional(),
	}),
);
export type ClassificationOverrides = z.output<typeof overridesFileSchema>;

const GUIDE: SchemaGuide = { schema: overridesFileSchema, keyNoun: 'override field', hints: {} };

export function validateOverrides(input: unknown): Validation<ClassificationOverrides> {
	return validateWith(GUIDE, input, OVERRIDES_FILE, 'an object of lab path -> { track, outcome }');
}

/** The overrides file's text, read: the overrides, or the findings that say what is wrong (lines included). */
export function readOverrides(text: string | undefined): { overrides: ClassificationOverrides; findings: Finding[] } {
	if (text === undefined) return { overrides: {}, findings: [] };
	const parsed = parseJsonFile({ path: OVERRIDES_FILE, text });
	if (!parsed.ok) return { overrides: {}, findings: [parsed.finding] };
	const result = validateOverrides(parsed.json);
	if (result.ok) return { overrides: result.data, findings: [] };
	// Keys are paths with dots ("notes/x.md"): find the entry by its last part.
	return { overrides: {}, findings: findingsFromProblems(OVERRIDES_FILE, result.problems, (field) => lineOfJsonPath(text, field.split('.').at(-1) ?? '')) };
}
