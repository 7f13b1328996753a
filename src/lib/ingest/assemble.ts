/**
 * Builds a record from its layers, lowest precedence first:
 *   ingest defaults < recipe defaults < the artifact < --labels file < the existing record < --set
 * The existing file sits above the artifact and the standing label files so that a person's
 * edits survive a re-ingest (the same artifact always derives the same values, so a difference
 * is an edit). Only --set, typed for this run, overrides the record. Measured values that differ
 * are kept but reported, never silently replaced. A recipe default or labels file that contradicts
 * what the artifact states (engine, model, GPU, card count) refuses the run (see conflicts.ts).
 */
import type { Problem } from '../schema/explain';
import { requiredLabelPaths, validateRecord, type LabRecord } from '../schema/record';
import type { ArtifactFormat, DerivedRecord } from '../importers/types';
import { getPath, isPlainObject, mergeLabelLayers } from '../importers/label-values';
import { labelConflicts, yieldToArtifact, type LabelConflict } from './conflicts';
import { recordFileOf } from '../lab/lab-paths';

export interface LabelLayer {
	/** Where these labels came from, for messages: "repro/x/record-defaults.json", "--set". */
	source: string;
	labels: Record<string, unknown>;
	/** Typed for this run (--set): wins even over an existing record's hand edits. */
	overridesRecord?: boolean;
	/** Labels this layer gives whole (`--set speculation=off`): they replace the lower layers' fields. */
	whole?: readonly string[];
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
	/** Take the artifact's engine, model, GPU and card count over a label file that contradicts them. */
	takeArtifact?: boolean;
}

/** Where each label of a record came from: dotted path -> source ("the artifact", "--set", a file...). */
export type LabelOrigins = Record<string, string>;

export interface MeasurementDifference {
	field: string;
	kept: unknown;
	artifact: unknown;
}

export type AssembleResult =
	| { ok: true; record: LabRecord; differences: MeasurementDifference[]; origins: LabelOrigins }
	| { ok: false; missing: string[]; problems: Problem[]; conflicts: LabelConflict[]; labels: Record<string, unknown>; origins: LabelOrigins };

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

/** For each leaf label of `merged`, the last layer (highest precedence) that gave it. */
function labelOrigins(merged: Record<string, unknown>, layers: ReadonlyArray<{ source: string; labels: unknown }>): LabelOrigins {
	const origins: LabelOrigins = {};
	for (const [path] of leaves(merged)) {
		const from = layers.findLast((layer) => getPath(layer.labels, path) !== undefined);
		origins[path] = from?.source ?? 'ingest';
	}
	return origins;
}

export function assembleRecord(input: AssembleInput): AssembleResult {
	const { derived, existing, explicit } = input;
	const base = {
		status: 'candidate',
		source: { kind: 'measured', from: input.artifactPath },
		artifacts: [{ path: input.artifactPath, format: input.format }],
	};
	// The standing label files must agree with what the artifact states (--set, typed for this
	// run, and a person's edits in the existing record are deliberate and stay above it).
	const standingLayers = [input.defaults, ...explicit.filter((layer) => !layer.overridesRecord)].filter((layer): layer is LabelLayer => !!layer);
	const conflicts = labelConflicts(derived.draft, standingLayers);
	const settle = <T extends LabelLayer | undefined>(layer: T): T => (layer && input.takeArtifact ? yieldToArtifact(layer, conflicts) : layer);
	const defaults = settle(input.defaults);
	const typedNow = explicit.filter((layer) => layer.overridesRecord);
	const standing = explicit.filter((layer) => !layer.overridesRecord).map(settle);
	const layers = [
		{ source: 'ingest', labels: base },
		...(defaults ? [defaults] : []),
		{ source: 'the artifact', labels: derived.draft as Record<string, unknown> },
		...standing,
		...(existing ? [{ source: `${recordFileOf(input.id)} as it is`, labels: existing }] : []),
		...typedNow,
	];
	const merged = mergeLabelLayers(layers);
	// A title an earlier ingest made from the labels is nobody's words: it follows the labels as they
	// are now (a GPU renamed with --set renames the title too). A title someone wrote stays.
	const titleGiven = [defaults, ...standing, ...typedNow].some((layer) => layer && getPath(layer.labels, 'title') !== undefined);
	const titleMadeEarlier = !titleGiven && existing !== undefined && typeof existing.title === 'string' && existing.title === defaultTitle(existing);
	if (titleMadeEarlier) delete merged.title;
	merged.title ??= defaultTitle(merged);
	const origins = labelOrigins(merged, layers);
	if ((origins.title === 'ingest' || titleMadeEarlier) && typeof merged.title === 'string') origins.title = 'made from the labels';

	const validation = validateRecord(merged, recordFileOf(input.id));
	const unsettled = input.takeArtifact ? [] : conflicts;
	if (!validation.ok || unsettled.length) {
		const required = requiredLabelPaths();
		const problemsFound = validation.ok ? [] : validation.problems;
		// A missing group (e.g. all of hardware) is listed label by label.
		const missing = problemsFound
			.filter((problem) => problem.message.startsWith('is missing'))
			.flatMap((problem) => {
				const inside = required.filter((path) => path.startsWith(`${problem.field}.`));
				return inside.length ? inside : [problem.field];
			});
		const problems = problemsFound.filter((problem) => !problem.message.startsWith('is missing'));
		return { ok: false, missing, problems, conflicts: unsettled, labels: merged, origins };
	}
	const differences = existing ? measurementDifferences(existing.metrics, derived.draft.metrics) : [];
	return { ok: true, record: validation.data, differences, origins };
}
