/**
 * What ingesting a batch of artifacts would do, computed without touching the disk: for each
 * artifact, the records to write (with their bytes), those unchanged, or why it is refused.
 */
import { importArtifact, importProblemText, type ArtifactInput } from '../importers';
import { assembleRecord, refusedLabels, type LabelLayer, type LabelOrigins, type MeasurementDifference } from './assemble';
import { describeConflict } from './conflicts';
import { formatRecordJson } from './canonical-json';
import { recordId } from './record-id';
import { recordFileOf } from '../lab/lab-paths';

export interface PlannedRecord {
	id: string;
	/** The file's new content. */
	json: string;
	status: 'new' | 'changed' | 'unchanged';
	differences: MeasurementDifference[];
	/** The record's labels and where each came from, for --dry-run. */
	preview: RecordPreview;
}

/** What a record would say (or says so far), for a person to read before anything is written. */
export interface RecordPreview {
	id: string;
	labels: Record<string, unknown>;
	origins: LabelOrigins;
	/** Labels no layer gave. */
	missing: string[];
}

export type ArtifactPlan =
	| { path: string; ok: true; records: PlannedRecord[] }
	| { path: string; ok: false; errors: string[]; previews?: RecordPreview[] };

export interface PlanOptions {
	defaults?: LabelLayer;
	explicit: LabelLayer[];
	/** The current text of data/records/<id>.json, if the record exists. */
	existingRecord(id: string): string | undefined;
	/** How to tell a person to give a missing label, e.g. "--set warmth=..." plus the defaults file. */
	howToGive: string;
	/** Take the artifact's engine, model, GPU and card count over contradicting label files. */
	takeArtifact?: boolean;
}

function shapeLabels(layers: Array<LabelLayer | undefined>): Record<string, unknown> {
	const shape: Record<string, unknown> = {};
	for (const layer of layers) Object.assign(shape, (layer?.labels.shape as Record<string, unknown>) ?? {});
	return shape;
}

/**
 * Who gave a refused label, when it was not the artifact: a bad value in a labels file or typed
 * with --set is fixed there, not in the artifact the message starts with.
 */
function givenBy(field: string, origins: LabelOrigins): string {
	const sources = new Set(Object.entries(origins).filter(([path]) => path === field || path.startsWith(`${field}.`)).map(([, source]) => source));
	const named = [...sources].filter((source) => source !== 'the artifact' && source !== 'ingest');
	return named.length ? ` (given by ${named.join(' and ')})` : '';
}

export function planArtifact(artifact: ArtifactInput, options: PlanOptions): ArtifactPlan {
	const layers = [options.defaults, ...options.explicit];
	const refused = layers.flatMap((layer) => (layer ? refusedLabels(layer) : []));
	if (refused.length) return { path: artifact.path, ok: false, errors: refused };

	const outcome = importArtifact({ ...artifact, shape: artifact.shape ?? shapeLabels(layers) });
	if (!outcome.ok) return { path: artifact.path, ok: false, errors: outcome.problems.map(importProblemText) };

	const records: PlannedRecord[] = [];
	const errors: string[] = [];
	const previews: RecordPreview[] = [];
	for (const derived of outcome.records) {
		const id = recordId(outcome.format, derived);
		const where = `${artifact.path}${derived.key ? ` (${derived.key})` : ''}`;
		const existingText = options.existingRecord(id);
		let existing: Record<string, unknown> | undefined;
		if (existingText !== undefined) {
			try {
				existing = JSON.parse(existingText);
			} catch {
				errors.push(`${where}: ${recordFileOf(id)} exists but is not valid JSON; fix or delete it before re-ingesting`);
				continue;
			}
		}
		const result = assembleRecord({
			id,
			format: outcome.format,
			artifactPath: artifact.recordedPath ?? artifact.path,
			derived,
			defaults: options.defaults,
			explicit: options.explicit,
			existing,
			takeArtifact: options.takeArtifact,
		});
		if (!result.ok) {
			previews.push({ id, labels: result.labels, origins: result.origins, missing: result.missing });
			for (const conflict of result.conflicts) {
				errors.push(`${where}: ${describeConflict(conflict)}. Correct ${conflict.source}, or pass --take-artifact to use the artifact's value.`);
			}
			if (result.missing.length) {
				errors.push(`${where}: missing labels ${result.missing.join(', ')}. Give them ${options.howToGive}, e.g. --set ${result.missing[0]}=...`);
			}
			errors.push(...result.problems.map((problem) => `${where}: ${problem.field} ${problem.message}${givenBy(problem.field, result.origins)}`));
			continue;
		}
		const json = formatRecordJson(result.record);
		records.push({
			id,
			json,
			status: existingText === undefined ? 'new' : existingText === json ? 'unchanged' : 'changed',
			differences: result.differences,
			preview: { id, labels: result.record as unknown as Record<string, unknown>, origins: result.origins, missing: [] },
		});
	}
	return errors.length ? { path: artifact.path, ok: false, errors, previews } : { path: artifact.path, ok: true, records };
}
