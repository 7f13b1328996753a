/**
 * data/tracks.json: the lab's lines of work, declared as data beside its lanes. Each track says
 * how to recognise its notes (lists of case-insensitive regular expressions, every list needing one
 * hit in the note's name, title or opening text); the order of the file is the precedence. A lab
 * that declares none gets the project's own data/tracks.json.
 */
import { z } from 'astro/zod';
import { validateWith, type SchemaGuide, type Validation } from './explain';

export const TRACKS_FILE = 'data/tracks.json';

const text = z.string().trim().min(1);
const pattern = text.refine(
	(source) => {
		try {
			new RegExp(source, 'i');
			return true;
		} catch {
			return false;
		}
	},
	{ error: 'is not a valid regular expression' },
);

export const trackSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes'),
	label: text,
	/** Every group must have one pattern that matches; e.g. [["qwen"], ["fp8", "vllm"]]. */
	match: z.array(z.array(pattern).min(1)).min(1),
	/** Patterns that rule the track out when found in the name or title. */
	unless: z.array(pattern).optional(),
	/** Shown with the track; what the lab runs on it. */
	model: text.optional(),
	engine: text.optional(),
	quantization: text.optional(),
});
export type Track = z.output<typeof trackSchema>;

export const tracksFileSchema = z
	.strictObject({ $schema: z.string().optional(), tracks: z.array(trackSchema) })
	.superRefine((file, context) => {
		const seen = new Set<string>();
		file.tracks.forEach((track, index) => {
			if (seen.has(track.id)) context.addIssue({ code: 'custom', path: ['tracks', index, 'id'], message: `"${track.id}" is declared twice; track ids must be unique` });
			seen.add(track.id);
		});
	});
export type TracksFile = z.output<typeof tracksFileSchema>;

const GUIDE: SchemaGuide = {
	schema: tracksFileSchema,
	keyNoun: 'field',
	hints: {
		'tracks[].id': 'a short id in lowercase letters, digits and dashes, e.g. "qwen-fp8-vllm"',
		'tracks[].label': 'the name readers see, e.g. "Qwen3.6 27B FP8, vLLM/XPU"',
		'tracks[].match': 'lists of regular expressions, every list needing one hit, e.g. [["qwen"], ["fp8", "vllm"]]',
		'tracks[].unless': 'regular expressions that rule the track out, e.g. ["minimax"]',
	},
};

export function validateTracks(input: unknown, file: string = TRACKS_FILE): Validation<TracksFile> {
	return validateWith(GUIDE, input, file, 'a track list');
}
