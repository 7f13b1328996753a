/**
 * How a record's labels read on the page. A throughput is never shown alone: every figure
 * carries what it counts (output, total, prefill, accepted) and the run's shape, warmth,
 * speculation and quality travel with it.
 */
import { isRecorded, missingLabels, NOT_RECORDED, type LabelEvidence, type LabRecord, type NotRecorded } from '../schema/record';
import { resultFormatLines } from './result-format-text';

type Labeled<T> = T | NotRecorded | undefined;

/** A label as text: its value (rendered), or "not recorded". */
export const labelText = <T>(value: Labeled<T>, render: (value: T) => string = String): string =>
	isRecorded(value) ? render(value) : NOT_RECORDED;
const show = labelText;

/** Throughputs keep up to 3 decimals (the lab reports 6; 3 is enough to tell runs apart). */
export function formatRate(value: number): string {
	return Number(value.toFixed(3)).toString();
}

export const THROUGHPUT_LABELS = {
	outputTokPerS: 'output tok/s',
	totalTokPerS: 'total tok/s',
	prefillTokPerS: 'prefill tok/s',
	acceptedTokPerS: 'accepted tok/s',
} as const;

export interface LabeledFigure {
	value: number;
	/** The unit with what it counts, e.g. "output tok/s". */
	unit: string;
	/** Set for accepted tok/s: speculative-accepted or quality-accepted-after-retries. */
	meaning?: string;
}

/** Every throughput the record states, each with its label, in a fixed order. */
export function throughputs(record: LabRecord): LabeledFigure[] {
	const { metrics } = record;
	const figures: LabeledFigure[] = [];
	if (metrics.outputTokPerS !== undefined) figures.push({ value: metrics.outputTokPerS, unit: THROUGHPUT_LABELS.outputTokPerS });
	if (metrics.totalTokPerS !== undefined) figures.push({ value: metrics.totalTokPerS, unit: THROUGHPUT_LABELS.totalTokPerS });
	if (metrics.prefillTokPerS !== undefined) figures.push({ value: metrics.prefillTokPerS, unit: THROUGHPUT_LABELS.prefillTokPerS });
	if (metrics.acceptedTokPerS !== undefined)
		figures.push({ value: metrics.acceptedTokPerS.value, unit: THROUGHPUT_LABELS.acceptedTokPerS, meaning: metrics.acceptedTokPerS.meaning });
	return figures;
}

/** The figure a list shows first: output tok/s when measured, else total, prefill, accepted. */
export function headlineFigure(record: LabRecord): LabeledFigure {
	// The schema guarantees at least one throughput.
	return throughputs(record)[0]!;
}

export const formatFigure = (figure: LabeledFigure) =>
	`${formatRate(figure.value)} ${figure.unit}${figure.meaning ? ` (${figure.meaning})` : ''}`;

/** "p512/n1536, ctx 2048"; a length not recorded is named in words ("p512, output not recorded, ctx 2048"). */
export function shapeLabel(record: LabRecord): string {
	const { promptTokens, outputTokens, contextLength } = record.shape;
	if (![promptTokens, outputTokens, contextLength].some(isRecorded)) return 'shape not recorded';
	const context = isRecorded(contextLength) ? `ctx ${contextLength}` : `context ${NOT_RECORDED}`;
	if (isRecorded(promptTokens) && isRecorded(outputTokens)) return `p${promptTokens}/n${outputTokens}, ${context}`;
	const prompt = isRecorded(promptTokens) ? `p${promptTokens}` : `prompt ${NOT_RECORDED}`;
	const output = isRecorded(outputTokens) ? `n${outputTokens}` : `output ${NOT_RECORDED}`;
	return `${prompt}, ${output}, ${context}`;
}

/** "512 / 1536 / 2048": prompt, output and context lengths, for table cells. */
export function shapeLengths(record: LabRecord): string {
	const { promptTokens, outputTokens, contextLength } = record.shape;
	return `${show(promptTokens)} / ${show(outputTokens)} / ${show(contextLength)}`;
}

/** "512 / 1536 / 2048 tokens"; plain "not recorded" when none of the three is ("not recorded tokens" says nothing). */
function shapeTokens(record: LabRecord): string {
	const { promptTokens, outputTokens, contextLength } = record.shape;
	return [promptTokens, outputTokens, contextLength].some(isRecorded) ? `${shapeLengths(record)} tokens` : NOT_RECORDED;
}

/** "1 / 1": batch size and concurrency. */
export function batchLabel(record: LabRecord): string {
	return `${show(record.shape.batchSize)} / ${show(record.shape.concurrency)}`;
}

/** "4x Intel Arc Pro B70" (no VRAM), for table cells; "card count not recorded" rather than "not recordedx". */
export function cardsLabel(record: LabRecord): string {
	const { gpuCount, gpu } = record.hardware;
	if (!isRecorded(gpuCount) && !isRecorded(gpu)) return NOT_RECORDED;
	if (!isRecorded(gpuCount)) return `${gpu} (card count ${NOT_RECORDED})`;
	return isRecorded(gpu) ? `${gpuCount}x ${gpu}` : `${gpuCount}x (GPU ${NOT_RECORDED})`;
}

/** "4x Intel Arc Pro B70 32GB (32 GB each)" */
export function hardwareLabel(record: LabRecord): string {
	const { vramGbPerGpu } = record.hardware;
	const vram = isRecorded(vramGbPerGpu) ? ` (${vramGbPerGpu} GB each)` : '';
	return `${cardsLabel(record)}${vram}`;
}

export function interconnectLabel(record: LabRecord): string {
	return show(record.hardware.interconnect, (link) => {
		switch (link.kind) {
			case 'pcie':
				return `PCIe ${link.generation} x${link.lanes}${link.detail ? ` (${link.detail})` : ''}`;
			case 'none-single-gpu':
				return 'none (single GPU)';
			case 'xe-link':
				return `Xe Link${link.detail ? ` (${link.detail})` : ''}`;
			case 'nvlink':
				return `NVLink${link.detail ? ` (${link.detail})` : ''}`;
			default:
				return link.detail ?? 'other';
		}
	});
}

export function qualityLabel(record: LabRecord): string {
	return show(record.quality, (quality) => {
		// A detail that only repeats the method ("not checked (not checked)") says nothing more.
		const detail = (said: string) => (quality.detail.trim().toLowerCase().replace(/[-\s]+/g, ' ') === said ? '' : ` (${quality.detail})`);
		if (quality.method === 'not-checked') return `not checked${detail('not checked')}`;
		if (quality.method === 'guardrails') return `no gate result recorded; guardrails only${detail('guardrails only')}`;
		if (quality.method === 'gates-not-named') return `${quality.passed ? 'passed' : 'FAILED'}, gates not named${detail(quality.passed ? 'passed' : 'failed')}`;
		return `${quality.passed ? 'passed' : 'FAILED'}: ${quality.method}${detail(quality.method.replace(/-/g, ' '))}`;
	});
}

/** Short form for tables: "passed", "failed", "not checked", "guardrails only", "not recorded". */
export function qualityVerdict(record: LabRecord): string {
	return show(record.quality, (quality) =>
		quality.method === 'not-checked' ? 'not checked' : quality.method === 'guardrails' ? 'guardrails only' : quality.passed ? 'passed' : 'failed',
	);
}

/** Short form for tables and filters: "on", "off", "not recorded". */
export function speculationVerdict(record: LabRecord): string {
	return show(record.speculation, (speculation) => (speculation.enabled ? 'on' : 'off'));
}

export function speculationLabel(record: LabRecord): string {
	return show(record.speculation, (speculation) => {
		if (!speculation.enabled) return 'off';
		const parts = [speculation.method, speculation.draftModel && `draft ${speculation.draftModel}`];
		if (speculation.acceptancePercent !== undefined) parts.push(`${speculation.acceptancePercent}% accepted`);
		return `on: ${parts.filter(Boolean).join(', ')}`;
	});
}

export function tuningLabel(record: LabRecord): string {
	return show(record.tuning, (tuning) => (tuning.changed ? `changed: ${tuning.detail}` : 'none (stock power, clocks and cooling)'));
}

export function engineLabel(record: LabRecord): string {
	const { name, version } = record.software.engine;
	return `${show(name)} ${show(version)}`;
}

export function provenanceLabel(record: LabRecord): string {
	const { recipe, commit } = record.software;
	return [isRecorded(recipe) ? recipe : undefined, isRecorded(commit) ? `commit ${commit}` : undefined]
		.filter(Boolean)
		.join(', ') || NOT_RECORDED;
}

/**
 * The one-line context that travels with a number in lists:
 * "p512/n1536, ctx 2048 · batch 1 · concurrency 1 · warm · spec off · quality passed".
 */
export function runContextLabel(record: LabRecord): string {
	return [
		shapeLabel(record),
		`batch ${show(record.shape.batchSize)}`,
		// One user or 32 at once changes what a throughput means as much as the batch does.
		`concurrency ${show(record.shape.concurrency)}`,
		isRecorded(record.warmth) ? record.warmth : `warmth ${NOT_RECORDED}`,
		`spec ${speculationVerdict(record)}`,
		`quality ${qualityVerdict(record)}`,
	].join(' · ');
}

/** Where in its file a label was read: "data/x.json (quality.passed)", "notes/x.md:12". */
export function evidenceWhere(evidence: LabelEvidence): string {
	if (evidence.basis === 'recorded') return `${evidence.file}${evidence.jsonPath ? ` (${evidence.jsonPath})` : ''}`;
	return `${evidence.file}${evidence.line ? `:${evidence.line}` : ''}`;
}

/** Where in its file a label was read: the JSON path ("results[2].output_tok_s") or the line ("line 46"). */
export function placeInFile(evidence: LabelEvidence): string | undefined {
	if (evidence.basis === 'lane') return undefined;
	return evidence.jsonPath ?? (evidence.line ? `line ${evidence.line}` : undefined);
}

/** How a label's source reads: "recorded in data/x.json (quality.passed)", "stated in notes/x.md:12", "from lane strict". */
export function evidenceLabel(evidence: LabelEvidence): string {
	if (evidence.basis === 'lane') return `from lane ${evidence.lane ?? evidence.file}`;
	return `${evidence.basis === 'recorded' ? 'recorded in' : 'stated in'} ${evidenceWhere(evidence)}`;
}

export interface ResultFormatRow {
	label: string;
	value: string;
	/** True when the value is (or contains) a label that was never recorded. */
	incomplete: boolean;
	/** Where the labels of this row came from (imported records), one per distinct source. */
	sources: LabelEvidence[];
}

/**
 * The record in the community result format, in its order (Model ... Artifacts), followed by
 * the labels the format leaves implicit (warmth, speculation, interconnect, tuning) and the other
 * measurements a record may carry (TTFT, TPOT, ITL, memory, power).
 */
export function resultFormatRows(record: LabRecord): ResultFormatRow[] {
	const missing = new Set(missingLabels(record));
	const isMissing = (...paths: string[]) => paths.some((path) => [...missing].some((label) => label === path || label.startsWith(`${path}.`)));
	const { metrics } = record;
	const rate = (value: number | undefined, unit: string) => (value === undefined ? 'not measured' : `${formatRate(value)} ${unit}`);
	const rows: Array<[string, string, string[]]> = [
		['Model', show(record.model.id), ['model.id']],
		['Quantization', show(record.model.quantization), ['model.quantization']],
		[
			'Hardware',
			`${hardwareLabel(record)}; CPU ${show(record.hardware.cpu)}; RAM ${show(record.hardware.ramGb, (gb) => `${gb} GB`)}`,
			['hardware.gpu', 'hardware.gpuCount', 'hardware.vramGbPerGpu', 'hardware.cpu', 'hardware.ramGb'],
		],
		['OS/kernel', `${show(record.software.os)} / ${show(record.software.kernel)}`, ['software.os', 'software.kernel']],
		['Engine/backend', `${engineLabel(record)}; ${show(record.software.driver)}`, ['software.engine', 'software.driver']],
		['Recipe or commit', provenanceLabel(record), ['software.recipe', 'software.commit']],
		['Prompt/output/context', shapeTokens(record), ['shape.promptTokens', 'shape.outputTokens', 'shape.contextLength']],
		['Batch/concurrency', batchLabel(record), ['shape.batchSize', 'shape.concurrency']],
		['Quality check', qualityLabel(record), ['quality']],
		['Output tok/s', rate(metrics.outputTokPerS, 'output tok/s (generated tokens only)'), []],
		['Total tok/s', rate(metrics.totalTokPerS, 'total tok/s (prompt + generated)'), []],
		['Notes', record.notes?.trim() || 'none', []],
		['Artifacts', record.artifacts.length ? record.artifacts.map((artifact) => artifact.path).join(', ') : 'none', []],
		['Warm/cold', show(record.warmth), ['warmth']],
		['Speculative decoding', speculationLabel(record), ['speculation']],
		['Interconnect', interconnectLabel(record), ['hardware.interconnect']],
		['Power/clock/cooling changes', tuningLabel(record), ['tuning']],
	];
	if (metrics.prefillTokPerS !== undefined) rows.push(['Prefill tok/s', rate(metrics.prefillTokPerS, 'prefill tok/s (prompt tokens only)'), []]);
	if (metrics.acceptedTokPerS !== undefined)
		rows.push(['Accepted tok/s', `${formatRate(metrics.acceptedTokPerS.value)} accepted tok/s (${metrics.acceptedTokPerS.meaning})`, []]);
	if (metrics.ttftMs !== undefined) rows.push(['TTFT', `${formatRate(metrics.ttftMs)} ms (time to first token)`, []]);
	if (metrics.tpotMs !== undefined) rows.push(['TPOT', `${formatRate(metrics.tpotMs)} ms (time per output token, after the first)`, []]);
	if (metrics.itlMs !== undefined) rows.push(['ITL', `${formatRate(metrics.itlMs)} ms (inter-token latency)`, []]);
	if (metrics.peakVramGb !== undefined) rows.push(['Peak VRAM', `${formatRate(metrics.peakVramGb)} GB`, []]);
	if (metrics.watts !== undefined) rows.push(['Power', `${formatRate(metrics.watts)} W`, []]);
	if (metrics.tokensPerJoule !== undefined) rows.push(['Tokens per joule', formatRate(metrics.tokensPerJoule), []]);
	const sourceOf = (paths: string[]) => {
		const found = Object.entries(record.labelSources ?? {})
			.filter(([path]) => paths.some((wanted) => path === wanted || path.startsWith(`${wanted}.`)))
			.map(([, evidence]) => evidence);
		return found.filter((evidence, index) => found.findIndex((other) => JSON.stringify(other) === JSON.stringify(evidence)) === index);
	};
	const figurePaths: Record<string, string[]> = {
		'Output tok/s': ['metrics.outputTokPerS'],
		'Total tok/s': ['metrics.totalTokPerS'],
		'Prefill tok/s': ['metrics.prefillTokPerS'],
		'Accepted tok/s': ['metrics.acceptedTokPerS'],
		TTFT: ['metrics.ttftMs'],
		TPOT: ['metrics.tpotMs'],
		ITL: ['metrics.itlMs'],
		'Peak VRAM': ['metrics.peakVramGb'],
		Power: ['metrics.watts'],
		'Tokens per joule': ['metrics.tokensPerJoule'],
	};
	return rows.map(([label, value, paths]) => ({ label, value, incomplete: isMissing(...paths), sources: sourceOf(paths.length ? paths : (figurePaths[label] ?? [])) }));
}

/** The result format as plain text, ready to paste into a discussion or a pull request. */
export function resultFormatText(record: LabRecord): string {
	return resultFormatLines(resultFormatRows(record));
}
