/**
 * data/lanes.json: the lab's benchmark lanes. A lane is a declared, versioned measurement protocol
 * (the "strict lane": p512/n1536 at context 2048, batch 1, 4x B70, quality gates before the
 * benchmark, mean of repeats after warm-up). Records are ranked only within one lane. A lab
 * declares its own; the project's file is the default for a lab that declares none.
 */
import { z } from 'astro/zod';
import { validateWith, type SchemaGuide, type Validation } from './explain';
import { findingsFromProblems, type Finding } from '../findings/finding';
import { lineOfJsonPath, parseJsonFile } from '../findings/json-lines';
import { labelPathProblem, schemaAt } from '../importers/label-typing';

export const LANES_FILE = 'data/lanes.json';

const text = z.string().trim().min(1);
/** Label path -> value, e.g. { "shape.promptTokens": 512, "speculation": { "enabled": false } }. */
const labelValues = z.record(z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/, 'is not a label path (e.g. shape.promptTokens)'), z.unknown());

export const laneSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'write the id in lowercase words joined by hyphens, e.g. "minimax-strict-p512n1536"'),
	version: z.number().int().positive(),
	label: text,
	/** The track (data/tracks.json) whose runs this lane ranks. */
	track: text,
	description: text,
	/** Labels a record must state, with these values, to join the lane (what makes it this protocol's run). */
	match: labelValues.refine((value) => Object.keys(value).length > 0, 'needs at least one label a record must state to join'),
	/** Labels the protocol fixes: a record that states another value is not in the lane; one silent on them takes these. */
	fixed: labelValues.default({}),
	/** The quality gates a run passes before it is benchmarked in this lane, in words. */
	qualityGates: z.array(text).default([]),
	/**
	 * The first day the lab ran these gates before every benchmark. The lane vouches for the quality
	 * of runs dated that day or later; an earlier run in the lane's shape keeps only the verdict its
	 * own sources state.
	 */
	qualityGatesSince: z.iso.date('not a calendar day: write it as YYYY-MM-DD, e.g. 2026-05-14').optional(),
	/** Where the protocol is written down (notes, CURRENT.md, recipes). */
	sources: z.array(text).default([]),
});

export const lanesFileSchema = z.strictObject({
	$schema: z.string().optional(),
	lanes: z.array(laneSchema),
});

export type Lane = z.output<typeof laneSchema>;
export type LanesFile = z.output<typeof lanesFileSchema>;

const GUIDE: SchemaGuide = {
	schema: lanesFileSchema,
	keyNoun: 'lane field',
	hints: {
		lanes: 'a list of lanes: { id, version, label, track, description, match, fixed, qualityGates, sources }',
		'lanes[].id': 'the lane id, e.g. "minimax-strict-p512n1536"',
		'lanes[].version': 'the protocol version as a whole number; raise it when the protocol changes',
		'lanes[].track': 'the id of the track this lane ranks (data/tracks.json)',
		'lanes[].match': 'labels a record must state to join, e.g. { "shape.promptTokens": 512, "shape.outputTokens": 1536 }',
		'lanes[].fixed': 'labels the protocol fixes, e.g. { "shape.contextLength": 2048, "warmth": "warm" }',
		'lanes[].qualityGatesSince': 'the first day the gates ran before every benchmark, e.g. "2026-05-14"',
	},
};

export function validateLanes(input: unknown, file = LANES_FILE): Validation<LanesFile> {
	return validateWith(GUIDE, input, file, 'an object with a lanes list');
}

/** The lanes file's text, read: its lanes, or findings naming file, line and field. */
export function readLanes(file: { path: string; text: string } | undefined): { lanes: Lane[]; findings: Finding[] } {
	if (!file) return { lanes: [], findings: [] };
	const parsed = parseJsonFile(file);
	if (!parsed.ok) return { lanes: [], findings: [parsed.finding] };
	const result = validateLanes(parsed.json, file.path);
	if (!result.ok) return { lanes: [], findings: findingsFromProblems(file.path, result.problems, (field) => lineOfJsonPath(file.text, field)) };
	const seen = new Set<string>();
	const findings: Finding[] = [];
	result.data.lanes.forEach((lane, index) => {
		if (seen.has(lane.id)) findings.push({ severity: 'error', file: file.path, line: lineOfJsonPath(file.text, `lanes.${index}.id`), field: `lanes.${index}.id`, message: `is "${lane.id}", which another lane already uses. Give each lane its own id.` });
		seen.add(lane.id);
		for (const part of ['match', 'fixed'] as const) {
			for (const [path, value] of Object.entries(lane[part])) {
				const problem = labelValueProblem(path, value);
				// The label path holds dots: the line is the one of the lane's match or fixed object.
				if (problem) findings.push({ severity: 'error', file: file.path, line: lineOfJsonPath(file.text, `lanes.${index}.${part}`), field: `lanes.${index}.${part}["${path}"]`, message: problem });
			}
		}
	});
	return { lanes: findings.length ? [] : result.data.lanes, findings };
}

/**
 * Why a lane cannot fix or match this label to this value: a lane fills what it fixes into the
 * records that join it, so the value must be one a record can hold there.
 */
function labelValueProblem(path: string, value: unknown): string | undefined {
	const pathProblem = labelPathProblem(path);
	if (pathProblem) return `${pathProblem}. A lane names record labels, e.g. "shape.contextLength".`;
	const checked = z.safeParse(schemaAt(path)!, value);
	if (checked.success) return undefined;
	return `is ${JSON.stringify(value)}, which a record cannot hold at ${path} (${checked.error.issues[0]?.message ?? 'invalid'}). Write the value as a record states it, e.g. "shape.batchSize": 1.`;
}
