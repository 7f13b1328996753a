/**
 * Claims: what one place in the lab says about one run, with where it says it.
 *
 * The lab writes its labels in many places (data JSON fields, LocalMaxxing payloads and responses,
 * CURRENT.md bullets, ledger tables, note sections). Each reader (src/lib/lab/readers/, one per
 * kind of file, pure: text in, observations out) turns what a file states into claims; one
 * reconciliation step (src/lib/lab/reconcile.ts) joins the observations of the same run into one
 * imported record and keeps every source. Nothing here guesses: a label the text does not state
 * is simply not claimed, and the record then says "not recorded".
 */

/** Where a claim was read: a structured field (file + JSON path) or a sentence (file + line + quote). */
export type Evidence =
	| { kind: 'field'; file: string; jsonPath: string }
	| { kind: 'sentence'; file: string; line: number; quote: string };

/**
 * recorded: a structured field states it (data JSON, payload, response).
 * stated: a sentence, bullet or table cell states it (notes, CURRENT.md, ledgers).
 */
export type ClaimBasis = 'recorded' | 'stated';

/**
 * One label or measured value. `field` is the record path it fills, as in the record schema:
 * `metrics.outputTokPerS`, `metrics.totalTokPerS`, `metrics.prefillTokPerS`, `metrics.repeats`
 * (an array of repeat objects), `shape.promptTokens`, `shape.outputTokens`, `shape.contextLength`,
 * `shape.batchSize`, `shape.concurrency`, `hardware.gpu`, `hardware.gpuCount`,
 * `hardware.vramGbPerGpu`, `hardware.cpu`, `hardware.ramGb`, `model.id`, `model.quantization`,
 * `software.os`, `software.kernel`, `software.engine.name`, `software.engine.version`,
 * `quality` ({ method, detail, passed }), `warmth`, `speculation`, `title`, `date`.
 *
 * Fields that are not record labels but that reconciliation and the timeline use (see
 * CLAIM_FIELDS): `metrics.repeatCount` (a stated number of repeats without their values),
 * `statedDelta` (a StatedDelta), `comparedWith` (a ComparedWith), `runtime.tensorParallel`,
 * `runtime.maxNumSeqs`, `runtime.maxNumBatchedTokens`, `benchmarkedAfterQuality` (true when the
 * source says benchmarks ran only after the quality gates passed).
 */
export interface Claim {
	field: string;
	value: unknown;
	basis: ClaimBasis;
	evidence: Evidence;
}

/** What became of a run, in the lab's own words, on a date. */
export type RunStatus =
	| 'candidate'
	| 'promoted'
	| 'accepted'
	| 'rejected'
	| 'negative'
	| 'blocked'
	| 'superseded'
	| 'invalidated'
	| 'withdrawn'
	| 'historical'
	/** Doubted by a later source (e.g. "now marked suspect"), not yet invalidated. */
	| 'suspect'
	/** Cleared again after a doubt (e.g. "reclassified as likely quality-valid"). */
	| 'valid';

export interface StatusClaim {
	status: RunStatus;
	/** When the source says it (the file's date when the sentence gives none). */
	date?: string;
	basis: ClaimBasis;
	evidence: Evidence;
}

/**
 * Keys that identify a run across files. Two observations are the same run when they share a
 * LocalMaxxing id, or a data file / payload path one of them cites, or (last resort, within one
 * track) the same output throughput to six significant digits.
 */
export interface RunKeys {
	localmaxxingId?: string;
	/** Lab paths of files that record this run (data JSON, payload, response, note). */
	files?: string[];
	/** Output tok/s as the source prints it (e.g. "88.748424"), for matching prose to data. */
	outputTokPerS?: number;
	/**
	 * A family of earlier runs named only by a rough figure ("the old invalid ~73 tok/s results",
	 * "the 70-73 tok/s graph results"): every run of the source's track up to its date whose output
	 * figure lies in [low, high). Such an observation carries a doubt, never a figure of its own.
	 */
	outputRange?: { low: number; high: number };
	/**
	 * Raw result files of this run, named with a timestamp (".../vllm-...-20260510T034709Z.log"):
	 * each benchmark writes its own, so two sources naming one are speaking of one run.
	 */
	artifacts?: string[];
}

/** One source's view of one run. */
export interface RunObservation {
	/** The file the observation was read from (its claims may cite other lines of it). */
	source: string;
	keys: RunKeys;
	/** Readable name of the run in the source's words (a note title, a bullet's lead). */
	title?: string;
	/** Date of the run as the source states it (YYYY-MM-DD). */
	date?: string;
	/** Track as the source states or implies it (a CURRENT.md section, a note's track). */
	track?: string;
	claims: Claim[];
	statuses: StatusClaim[];
}

/** Claim fields outside the record schema (see Claim). */
export const CLAIM_FIELDS = {
	repeatCount: 'metrics.repeatCount',
	statedDelta: 'statedDelta',
	comparedWith: 'comparedWith',
	tensorParallel: 'runtime.tensorParallel',
	maxNumSeqs: 'runtime.maxNumSeqs',
	maxNumBatchedTokens: 'runtime.maxNumBatchedTokens',
	benchmarkedAfterQuality: 'benchmarkedAfterQuality',
} as const;

/**
 * A gain the source states ("+1.53% output tok/s over the previous ... result"), so the timeline
 * can check its own gains. `against` is the reference's number when the sentence prints one,
 * else the reference in the sentence's words.
 */
export interface StatedDelta {
	percent: number;
	against: number | string;
	metric?: 'output' | 'total';
}

/** The reference a candidate was measured against ("87.1 vs 88.7 baseline"). */
export interface ComparedWith {
	outputTokPerS?: number;
	totalTokPerS?: number;
	/** The reference in the source's words ("baseline", "the promoted logits-WS result"). */
	label?: string;
	localmaxxingId?: string;
}

/** What a reader returns: observations, and parts of the file it could not use (for the report). */
export interface ReaderResult {
	observations: RunObservation[];
	skipped: Array<{ path: string; reason: string }>;
}

export const fieldEvidence = (file: string, jsonPath: string): Evidence => ({ kind: 'field', file, jsonPath });

/** A quote kept short enough to show beside a label (whole words, ellipsis when cut). */
export function sentenceEvidence(file: string, line: number, text: string, max = 160): Evidence {
	const quote = text.trim().replace(/\s+/g, ' ');
	if (quote.length <= max) return { kind: 'sentence', file, line, quote };
	const cut = quote.slice(0, max);
	return { kind: 'sentence', file, line, quote: `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…` };
}

/** A quality claim that gives guardrails only, no gate verdict: any verdict stated about the run outranks it. */
export const isGuardrailsOnly = (claim: Claim): boolean =>
	claim.field === 'quality' && (claim.value as { method?: string } | undefined)?.method === 'guardrails';

/** A quality verdict that names no gate ("quality_passed"): a verdict naming its gates says more. */
export const namesNoGates = (claim: Claim): boolean =>
	claim.field === 'quality' && (claim.value as { method?: string } | undefined)?.method === 'gates-not-named';
