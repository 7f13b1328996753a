/**
 * Builds a record from its layers, lowest precedence first:
 *   ingest defaults < recipe defaults < the artifact < --labels file < the existing record < --set
 * The existing file sits above the artifact and the standing label files so that a person's
 * edits survive a re-ingest (the same artifact always derives the same values, so a difference
 * is an edit). Only --set, typed for this run, overrides the record. Measured values that differ
 * are kept but reported, never silently replaced.
 */
import type { Problem } from '../schema/explain';
import { requiredLabelPaths, validateRecord, type LabRecord } from '../schema/record';
import type { ArtifactFormat, DerivedRecord } from '../importers/types';
import { isPlainObject, mergeLabels } from '../importers/label-values';

export interface LabelLayer {
	/** Where these labels came from, for messages: "repro/x/record-defaults.json", "--set". */
	source: string;
	labels: Record<string, unknown>;
	/** Typed for this run (--set): wins even over an existing record's hand edits. */
	overridesRecord?: boolean;
}

export interface AssembleInput {
	id: string;
	format: ArtifactFormat;
	artifactPath: string;
	derived: DerivedRecord;
	/** The recipe's record-defaults.json: below the artifact. */
	defaults?: LabelLayer;
	/** The --labels file (below the existing record), then --set (above it). */
	explicit: LabelLayer[];
	/** The record file as it is now, when re-ingesting. */
	existing?: Record<string, unknown>;
}

export interface MeasurementDifference {
	field: string;
	kept: unknown;
	artifact: unknown;
}

export type AssembleResult =
	| { ok: true; record: LabRecord; differences: MeasurementDifference[] }
	| { ok: false; missing: string[]; problems: Problem[] };

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
	if (!isPlainObject(value)) return [[prefix, value]];
	return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

function measurementDifferences(existing: unknown, derived: unknown): MeasurementDifference[] {
	const fromArtifact = new Map(leaves(derived));
	return leaves(existing)
		.filter(([field, value]) => fromArtifact.has(field) && JSON.stringify(fromArtifact.get(field)) !== JSON.stringify(value))
		.map(([field, kept]) => ({ field: `metrics.${field}`, kept, artifact: fromArtifact.get(field) }));
}

/** A title from the labels when nobody gave one: model, cards, engine and shape. */
function defaultTitle(labels: Record<string, any>): string | undefined {
	const model = typeof labels.model?.id === 'string' ? labels.model.id.split('/').at(-1) : undefined;
	if (!model) return undefined;
	const { hardware = {}, software = {}, shape = {} } = labels;
	const cards = typeof hardware.gpuCount === 'number' && typeof hardware.gpu === 'string' ? `${hardware.gpuCount}x ${hardware.gpu}` : undefined;
	const engine = typeof software.engine?.name === 'string' ? software.engine.name : undefined;
	const runShape = typeof shape.promptTokens === 'number' && typeof shape.outputTokens === 'number' ? `p${shape.promptTokens}/n${shape.outputTokens}` : undefined;
	return [cards ? `${model} on ${cards}` : model, engine, runShape].filter(Boolean).join(', ');
}

/** Labels that only an artifact may state: a measured number typed on the command line is not a measurement. */
export function refusedLabels(layer: LabelLayer): string[] {
	return 'metrics' in layer.labels ? [`${layer.source}: metrics come from the artifact; remove metrics from the labels`] : [];
}

export function assembleRecord(input: AssembleInput): AssembleResult {
	const { derived, existing, defaults, explicit } = input;
	const base = {
		status: 'candidate',
		source: { kind: 'measured', from: input.artifactPath },
		artifacts: [{ path: input.artifactPath, format: input.format }],
	};
	const typedNow = explicit.filter((layer) => layer.overridesRecord);
	const standing = explicit.filter((layer) => !layer.overridesRecord);
	const merged = mergeLabels(
		base,
		defaults?.labels,
		derived.draft as Record<string, unknown>,
		...standing.map((layer) => layer.labels),
		existing,
		...typedNow.map((layer) => layer.labels),
	);
	merged.title ??= defaultTitle(merged);

	const validation = validateRecord(merged, `data/records/${input.id}.json`);
	if (!validation.ok) {
		const required = requiredLabelPaths();
		// A missing group (e.g. all of hardware) is listed label by label.
		const missing = validation.problems
			.filter((problem) => problem.message.startsWith('is missing'))
			.flatMap((problem) => {
				const inside = required.filter((path) => path.startsWith(`${problem.field}.`));
				return inside.length ? inside : [problem.field];
			});
		const problems = validation.problems.filter((problem) => !problem.message.startsWith('is missing'));
		return { ok: false, missing, problems };
	}
	const differences = existing ? measurementDifferences(existing.metrics, derived.draft.metrics) : [];
	return { ok: true, record: validation.data, differences };
}
