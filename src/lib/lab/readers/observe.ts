/**
 * Building one observation from the sentences a prose reader assigns to one run: claims from
 * each sentence (first stated value per label wins, so a later "confirmation repeat" line does
 * not overwrite the headline), keys from the ids, files and output number they cite.
 */
import { CLAIM_FIELDS, isGuardrailsOnly, sentenceEvidence, type Claim, type RunObservation, type RunStatus, type StatedDelta } from '../claims';
import { plain } from './markdown';
import { familyDoubtIn, labFiles, localmaxxingIds, ownLocalmaxxingIds, sentenceClaims, statusIn, throughputs } from './statements';

/** Fields a run may carry several of (each is a separate statement). */
const MANY = new Set<string>([CLAIM_FIELDS.statedDelta, CLAIM_FIELDS.comparedWith]);

export interface Sentence {
	line: number;
	text: string;
}

export interface ObserveOptions {
	source: string;
	title?: string;
	date?: string;
	track?: string;
	/** A status the context gives every run of the block ("Previous promoted baselines"). */
	statuses?: Array<{ status: RunStatus; date?: string; line: number; text: string }>;
	/** Date of the statuses read from words (the file's date); defaults to `date`. */
	statusDate?: string;
	/** Read status words from the sentences themselves (rejection lists, decisions). */
	statusFromWords?: boolean;
}

export function addClaim(claims: Claim[], claim: Claim): void {
	const guardrails = claims.findIndex(isGuardrailsOnly);
	if (claim.field === 'quality' && guardrails >= 0 && !isGuardrailsOnly(claim)) claims.splice(guardrails, 1);
	if (!MANY.has(claim.field) && claims.some((existing) => existing.field === claim.field)) return;
	if (claim.field === CLAIM_FIELDS.statedDelta) {
		const value = claim.value as StatedDelta;
		if (claims.some((existing) => existing.field === claim.field && (existing.value as StatedDelta).percent === value.percent)) return;
	}
	claims.push(claim);
}

/** An observation and, while being built, the other runs its sentences invalidate. */
export type Observed = RunObservation & { cited?: RunObservation[] };

export function observe(sentences: Sentence[], options: ObserveOptions): Observed {
	const { source } = options;
	const claims: Claim[] = [];
	const ids: string[] = [];
	const files = new Set<string>();
	// "Current strict baseline remains 61.40 output tok/s. LocalMaxxing result: cmp9x...": an id in
	// the paragraph of a reference figure, with no figure of its own, is the reference's id.
	let referenceParagraph: number | undefined;
	for (const sentence of sentences) {
		// "The old invalid ~73 tok/s results ..." speaks of other runs: its figures are not this run's.
		if (familyDoubtIn(sentence.text)) continue;
		for (const claim of sentenceClaims(source, sentence.line, sentence.text)) addClaim(claims, claim);
		const figures = throughputs(sentence.text).filter((figure) => figure.metric === 'output');
		if (figures.length) referenceParagraph = figures.every((figure) => figure.reference) ? sentence.line : undefined;
		const referenceId = !figures.length && referenceParagraph === sentence.line;
		// The run's own id comes before any id of a reference ("versus ... cmxxxx").
		if (!referenceId) for (const id of ownLocalmaxxingIds(sentence.text)) if (!ids.includes(id)) ids.push(id);
		for (const file of labFiles(sentence.text)) files.add(file);
	}
	const statuses: RunObservation['statuses'] = (options.statuses ?? []).map((entry) => ({
		status: entry.status,
		...(entry.date ? { date: entry.date } : {}),
		basis: 'stated' as const,
		evidence: sentenceEvidence(source, entry.line, plain(entry.text)),
	}));
	const output = claims.find((claim) => claim.field === 'metrics.outputTokPerS')?.value as number | undefined;
	const cited: RunObservation[] = [];
	const statusDate = options.statusDate ?? options.date;
	if (options.statusFromWords) {
		for (const sentence of sentences) {
			for (const part of splitSentences(sentence.text)) {
				const family = familyDoubtIn(part);
				if (family) {
					cited.push(...family.ranges.map((range) => familyRun(source, sentence.line, part, family.status, range, options)));
					continue;
				}
				const status = statusIn(part);
				if (!status) continue;
				const other = otherRun(part, output, ids[0]);
				if (other && DOUBT.has(status)) {
					// "Erratum: the earlier 77.3 output tok/s run ..." speaks of another run, not this one.
					cited.push(citedRun(source, sentence.line, part, status, other, options));
					continue;
				}
				if (!statuses.some((entry) => entry.status === status)) {
					statuses.push({ status, ...(statusDate ? { date: statusDate } : {}), basis: 'stated', evidence: sentenceEvidence(source, sentence.line, plain(part)) });
				}
			}
		}
	}
	const observation: Observed = {
		source,
		keys: {
			...(ids.length ? { localmaxxingId: ids[0] } : {}),
			...(files.size ? { files: [...files] } : {}),
			...(output !== undefined ? { outputTokPerS: output } : {}),
		},
		claims,
		statuses,
	};
	if (options.title) observation.title = options.title;
	if (options.date) observation.date = options.date;
	if (options.track) observation.track = options.track;
	if (cited.length) observation.cited = cited;
	return observation;
}

/** Statuses that doubt a run; when the sentence names another run, they are that run's. */
const DOUBT = new Set<RunStatus>(['invalidated', 'withdrawn', 'suspect']);

/** Sentences of a bullet or paragraph (a status word belongs to its own sentence). */
export const splitSentences = (text: string): string[] =>
	text.split(/(?<=[.!?])\s+(?=[A-Z`(])/).map((part) => part.trim()).filter(Boolean);

/** The run a sentence names when it is not `output` / `id`: a number with a unit, an id or a file. */
function otherRun(text: string, output: number | undefined, id: string | undefined): RunObservation['keys'] | undefined {
	const number = throughputs(text).find((entry) => entry.metric === 'output')?.value;
	if (number !== undefined && number !== output) return { outputTokPerS: number };
	const otherId = localmaxxingIds(text).find((candidate) => candidate !== id);
	if (otherId) return { localmaxxingId: otherId };
	return undefined;
}

function citedRun(source: string, line: number, text: string, status: RunStatus, keys: RunObservation['keys'], options: ObserveOptions): RunObservation {
	const evidence = sentenceEvidence(source, line, plain(text));
	const claims = keys.outputTokPerS !== undefined ? [{ field: 'metrics.outputTokPerS', value: keys.outputTokPerS, basis: 'stated' as const, evidence }] : [];
	return {
		source,
		keys,
		title: plain(text).slice(0, 100),
		...(options.track ? { track: options.track } : {}),
		claims,
		statuses: [{ status, ...((options.statusDate ?? options.date) ? { date: options.statusDate ?? options.date } : {}), basis: 'stated', evidence }],
	};
}

/** A doubt about every earlier run of the track whose figure lies in `range` (see RunKeys.outputRange). */
function familyRun(source: string, line: number, text: string, status: RunStatus, range: { low: number; high: number }, options: ObserveOptions): RunObservation {
	const evidence = sentenceEvidence(source, line, plain(text));
	const date = options.statusDate ?? options.date;
	return {
		source,
		keys: { outputRange: range },
		title: plain(text).slice(0, 100),
		...(options.track ? { track: options.track } : {}),
		...(options.date ? { date: options.date } : {}),
		claims: [],
		statuses: [{ status, ...(date ? { date } : {}), basis: 'stated', evidence }],
	};
}

/** An observation and the runs its sentences doubt, as one list. */
export const withCited = (observation: Observed): RunObservation[] => {
	const { cited, ...own } = observation;
	return [own, ...(cited ?? [])];
};

/** True when an observation says anything worth reconciling (a number, an id, a status). */
export const hasSubstance = (observation: RunObservation): boolean =>
	observation.claims.length > 0 || observation.statuses.length > 0 || observation.keys.localmaxxingId !== undefined;
