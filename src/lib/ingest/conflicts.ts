/**
 * Defaults never contradict the artifact. A recipe's record-defaults.json or a --labels file
 * describes a machine and a setup; when the artifact itself states the engine, model, GPU or card
 * count and a label file says otherwise, the record would carry a wrong label, which is worse than
 * a missing one. Such a run is refused with both values, unless the contributor asks to take the
 * artifact's values.
 */
import { NOT_RECORDED } from '../schema/not-recorded';
import { getPath } from '../importers/label-values';

/** The labels an artifact can state and a label file can contradict. */
export const ARTIFACT_STATED_LABELS = ['software.engine.name', 'model.id', 'hardware.gpu', 'hardware.gpuCount'] as const;
type StatedLabel = (typeof ARTIFACT_STATED_LABELS)[number];

export interface LabelConflict {
	label: StatedLabel;
	artifact: unknown;
	given: unknown;
	/** Where the contradicting value came from, e.g. "repro/x/record-defaults.json". */
	source: string;
}

const alphanumeric = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** "Qwen/Qwen3.6-27B" and "Qwen3.6-27B-Q4_0.gguf" name one model: one name contains the other. */
function sameModel(a: string, b: string): boolean {
	const base = (id: string) => alphanumeric((id.split(/[\\/]/).at(-1) ?? id).replace(/(-\d{5}-of-\d{5})?\.gguf$/i, ''));
	const [left, right] = [base(a), base(b)];
	return left.includes(right) || right.includes(left);
}

const VENDORS = ['intel', 'amd', 'nvidia', 'apple'] as const;
const vendorOf = (gpu: string) => {
	const lower = gpu.toLowerCase();
	if (/\b(arc|xe|iris)\b/.test(lower)) return 'intel';
	if (/\b(radeon|instinct)\b/.test(lower)) return 'amd';
	if (/\b(geforce|rtx|gtx|tesla|quadro)\b/.test(lower)) return 'nvidia';
	return VENDORS.find((vendor) => lower.includes(vendor));
};
/** Model-number words ("b70", "4090", "mi300x"), without PCI ids (0xe223) or memory sizes (32gb). */
const modelNumbers = (gpu: string) =>
	new Set(
		gpu
			.toLowerCase()
			.split(/[^a-z0-9]+/)
			.filter((word) => /\d/.test(word) && !/^0x/.test(word) && !/^\d+(gb|g|mb)$/.test(word)),
	);

/**
 * Two GPU names contradict each other when they name different vendors or different model
 * numbers. A generic name ("Intel(R) Graphics [0xe223]", as llama.cpp's SYCL backend reports a
 * B70) names no model number, so a label file may say which card it is.
 */
function sameGpu(a: string, b: string): boolean {
	const [vendorA, vendorB] = [vendorOf(a), vendorOf(b)];
	if (vendorA && vendorB && vendorA !== vendorB) return false;
	const [numbersA, numbersB] = [modelNumbers(a), modelNumbers(b)];
	if (!numbersA.size || !numbersB.size) return true;
	return [...numbersA].some((number) => numbersB.has(number));
}

export function sameLabelValue(label: StatedLabel, artifact: unknown, given: unknown): boolean {
	if (typeof artifact === 'string' && typeof given === 'string') {
		if (label === 'model.id') return sameModel(artifact, given);
		if (label === 'hardware.gpu') return sameGpu(artifact, given);
		return alphanumeric(artifact) === alphanumeric(given);
	}
	return JSON.stringify(artifact) === JSON.stringify(given);
}

/** Every label the artifact states that a label layer contradicts. */
export function labelConflicts(draft: unknown, layers: ReadonlyArray<{ source: string; labels: Record<string, unknown> }>): LabelConflict[] {
	return ARTIFACT_STATED_LABELS.flatMap((label) => {
		const artifact = getPath(draft, label);
		if (artifact === undefined || artifact === NOT_RECORDED) return [];
		return layers.flatMap((layer) => {
			const given = getPath(layer.labels, label);
			if (given === undefined || given === NOT_RECORDED || sameLabelValue(label, artifact, given)) return [];
			return [{ label, artifact, given, source: layer.source }];
		});
	});
}

/** "software.engine.name is "vllm" in repro/x/record-defaults.json but "llama.cpp" in the artifact" */
export function describeConflict(conflict: LabelConflict): string {
	return `${conflict.label} is ${JSON.stringify(conflict.given)} in ${conflict.source} but ${JSON.stringify(conflict.artifact)} in the artifact`;
}

function without(labels: Record<string, unknown>, dottedPath: string): Record<string, unknown> {
	const [head, ...rest] = dottedPath.split('.');
	if (!(head in labels)) return labels;
	const { [head]: child, ...others } = labels;
	if (!rest.length) return others;
	if (child === null || typeof child !== 'object' || Array.isArray(child)) return labels;
	return { ...others, [head]: without(child as Record<string, unknown>, rest.join('.')) };
}

/**
 * A layer with the artifact's values taken over its own (--take-artifact): the contradicting
 * labels are dropped. A layer written for another model or engine says nothing about this run's
 * track, quantization, engine version or driver stack either, so those go too: they must come
 * from elsewhere.
 */
export function yieldToArtifact<T extends { source: string; labels: Record<string, unknown> }>(layer: T, conflicts: readonly LabelConflict[]): T {
	const mine = conflicts.filter((conflict) => conflict.source === layer.source);
	if (!mine.length) return layer;
	const dropped = new Set<string>(mine.map((conflict) => conflict.label));
	if (dropped.has('model.id')) ['model', 'track'].forEach((path) => dropped.add(path));
	// The driver/runtime stack goes with the engine (PyTorch XPU for vLLM, plain Level Zero for llama.cpp).
	if (dropped.has('software.engine.name')) ['software.engine', 'software.driver', 'track'].forEach((path) => dropped.add(path));
	return { ...layer, labels: [...dropped].reduce(without, layer.labels) };
}
