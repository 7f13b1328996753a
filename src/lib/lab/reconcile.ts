/**
 * Reconciliation: the one place that decides which observations are the same run, which value of
 * a label wins, and what the run's status is. Readers (src/lib/lab/readers/) say what each file
 * states; this module joins them into imported records that keep every source:
 *
 * - Same run: see run-groups.ts (a shared LocalMaxxing id, cited files, a timestamped log, a
 *   precise figure). Doubts about a family of runs named by a rough figure: family-doubts.ts.
 * - Labels: a structured field beats a sentence; among equals, data JSON beats a payload, a
 *   response, a note, CURRENT.md and ledgers. Sources that disagree are kept as conflicts.
 * - Status: a dated history; the last entry is the status (a LocalMaxxing acceptance never hides
 *   a promotion or a rejection). Lanes fill what their protocol fixes, marked "from lane".
 */
import { getPath, setPath } from '../importers/label-values';
import { slugify } from '../text/slug';
import {
	CLAIM_FIELDS,
	isGuardrailsOnly,
	namesNoGates,
	type Claim,
	type ComparedWith,
	type Evidence,
	type RunObservation,
	type RunStatus,
	type StatedDelta,
	type StatusClaim,
} from './claims';
import { withLane } from './lanes';
import { NOT_STANDING } from './status';
import { labelValuesAgree } from './label-agreement';
import { groupRuns } from './run-groups';
import { doubtsOf, familyDoubts, type FamilyDoubt } from './family-doubts';
import type { Lane } from '../schema/lanes';
import {
	NOT_RECORDED,
	recordSchema,
	requiredLabelPaths,
	type LabelEvidence,
	type LabRecord,
	type StatusEntry,
} from '../schema/record';
import type { LegacyRecord } from './legacy-records';
import { dateInName } from './data-files';

export interface ReconcileContext {
	lanes: readonly Lane[];
	/** The title of the note a file is, or is paired with (data files share their note's experiment). */
	noteTitleOf?(path: string): string | undefined;
	/** The classified track of the note a file is, or is paired with. */
	noteTrackOf?(path: string): string | undefined;
	/** The note a data file is paired with (the same experiment written up), if any. */
	pairedNoteOf?(path: string): string | undefined;
	/** The declared track whose words match this text (titles, model ids, section names). */
	trackOf(text: string): string | undefined;
	/** The same, among the tracks of a model (a run is always a model's; a platform track is not a run's). */
	modelTrackOf?(text: string): string | undefined;
}

export type ReconciledRun = LegacyRecord;

export interface Reconciliation {
	records: ReconciledRun[];
	skipped: Array<{ path: string; reason: string }>;
}

/** Which kind of file speaks first when two sources state a label on the same basis. */
export function sourceRank(path: string): number {
	if (/^data\/.+\.payload\.json$/.test(path)) return 1;
	if (/\.response\.json$/.test(path) || path.includes('localmaxxing-responses/')) return 2;
	if (/^data\/.+\.json$/.test(path)) return 0;
	if (/^notes\//.test(path)) return 3;
	if (path === 'CURRENT.md') return 4;
	return 5;
}

/** Claim fields that are not record labels; reconciliation reads them, records do not carry them. */
const EXTRA_FIELDS = new Set<string>(Object.values(CLAIM_FIELDS));
const LABEL_PATHS = new Set(requiredLabelPaths());
const isRecordField = (field: string) =>
	!EXTRA_FIELDS.has(field) &&
	(LABEL_PATHS.has(field) || field.startsWith('metrics.') || [...LABEL_PATHS].some((path) => field.startsWith(`${path}.`)));

export function toLabelEvidence(evidence: Evidence, basis: LabelEvidence['basis']): LabelEvidence {
	return evidence.kind === 'field'
		? { basis, file: evidence.file, jsonPath: evidence.jsonPath }
		: { basis, file: evidence.file, line: evidence.line, quote: evidence.quote };
}

// ---- One run's labels and status ----

interface RankedClaim {
	claim: Claim;
	rank: number;
	order: number;
}

function rankClaims(group: readonly RunObservation[]): Map<string, RankedClaim[]> {
	const byField = new Map<string, RankedClaim[]>();
	let order = 0;
	for (const observation of group) {
		for (const claim of observation.claims) {
			// Guardrails say what a change kept fixed; a gate's verdict about the same run says more.
			// and a verdict that names its gates says more than one that does not ("quality_passed").
			const rank = (isGuardrailsOnly(claim) ? 100 : namesNoGates(claim) ? 20 : 0) + (claim.basis === 'recorded' ? 0 : 10) + sourceRank(claim.evidence.file);
			byField.set(claim.field, [...(byField.get(claim.field) ?? []), { claim, rank, order: order++ }]);
		}
	}
	for (const claims of byField.values()) claims.sort((a, b) => a.rank - b.rank || a.order - b.order);
	return byField;
}

/** Later words about a run win; on the same day a doubt comes after a promotion. */
const STATUS_ORDER: Record<RunStatus, number> = {
	historical: 0,
	candidate: 1,
	accepted: 2,
	promoted: 3,
	rejected: 4,
	negative: 4,
	blocked: 4,
	superseded: 5,
	suspect: 6,
	valid: 6.5,
	invalidated: 7,
	withdrawn: 7,
};

/**
 * A run's statuses in the order they were said. Words about a run cannot be older than the run: a
 * running summary keeps the Date line it was started with while listing later runs ("Date:
 * 2026-05-04" above a 2026-05-07 result), so a status dated before its run is dated the run's day.
 */
export function statusHistory(statuses: readonly StatusClaim[], runDate: string | undefined): StatusEntry[] {
	const notBefore = (date: string | undefined) => (date !== undefined && runDate !== undefined && date < runDate ? runDate : date);
	return [...statuses]
		.map((status) => ({ status, date: notBefore(status.date) ?? runDate ?? '' }))
		.sort((a, b) => a.date.localeCompare(b.date) || STATUS_ORDER[a.status.status] - STATUS_ORDER[b.status.status])
		// A status the run already has, said again by another file the same day, is not a new step.
		.filter((entry, index, sorted) => index === 0 || sorted[index - 1].status.status !== entry.status.status || sorted[index - 1].date !== entry.date)
		.map(({ status, date }) => ({
			status: status.status,
			...(status.date ? { date } : {}),
			source: toLabelEvidence(status.evidence, status.basis),
		}));
}

/**
 * The status now: the last entry, except that a LocalMaxxing acceptance never hides what the lab
 * decided, and "valid" (cleared after a doubt) gives back the status the run had before the doubt.
 */
export function currentStatus(history: readonly StatusEntry[]): LabRecord['status'] | undefined {
	const decided = history.filter((entry) => entry.status !== 'accepted');
	const last = decided.at(-1) ?? history.at(-1);
	if (last?.status !== 'valid') return last?.status as LabRecord['status'] | undefined;
	const DOUBTS = new Set(['suspect', 'invalidated', 'withdrawn', 'valid']);
	const before = [...history].reverse().find((entry) => !DOUBTS.has(entry.status));
	return (before?.status as LabRecord['status'] | undefined) ?? 'candidate';
}

const stem = (path: string) => (path.split('/').at(-1) ?? path).replace(/\.(payload\.json|response\.json|queue\.json|json|md)$/, '');

/** An observation of its own file's run (not a baseline or reference the file cites). */
const ownsItsFile = (observation: RunObservation) => observation.keys.files?.includes(observation.source) ?? false;

/** The run's own files first (a data file's baseline block names another run), then by source rank. */
const primaryOrder = (a: RunObservation, b: RunObservation) =>
	Number(ownsItsFile(b)) - Number(ownsItsFile(a)) || sourceRank(a.source) - sourceRank(b.source) || a.source.localeCompare(b.source);

function runId(ordered: readonly RunObservation[], title: string): string {
	const primary = ordered[0].source;
	const group = ordered;
	const sameFile = group.filter((observation) => observation.source === primary).length;
	if (sourceRank(primary) <= 3 && sameFile === 1) return slugify(stem(primary));
	return slugify(`${stem(primary)}-${title}`).slice(0, 90);
}

/** A title that reads as words, not a file-name slug ("p512_n128_pidfd_hybrid_moe_config"). */
const readsAsWords = (title: string | undefined): title is string => !!title && /\s/.test(title.trim()) && !/^[\w./-]+$/.test(title.trim());

/**
 * The run's title in the lab's words: the note that is about it; else the note its data file is
 * paired with; a row or block of a note or file under its note's title; a source's own title when it
 * reads as words; the file name last.
 */
function runTitle(ordered: readonly RunObservation[], context: ReconcileContext): string {
	const owningNote = ordered.find((observation) => observation.source.startsWith('notes/') && ownsItsFile(observation));
	if (owningNote?.title) return owningNote.title;
	const primary = ordered[0];
	const noteTitle = context.noteTitleOf?.(primary.source);
	const own = primary.title;
	if (noteTitle && own && own !== noteTitle && !ownsItsFile(primary)) return `${noteTitle}: ${own}`;
	if (noteTitle) return noteTitle;
	const worded = ordered.map((observation) => observation.title).find(readsAsWords);
	return worded ?? own ?? stem(primary.source);
}

function reconcileRun(group: readonly RunObservation[], context: ReconcileContext, doubts: readonly FamilyDoubt[]): { run?: ReconciledRun; reason?: string } {
	const ordered = [...group].sort(primaryOrder);
	const claims = rankClaims(group);
	const draft: Record<string, unknown> = {};
	const labelSources: Record<string, LabelEvidence> = {};
	const conflicts: NonNullable<LabRecord['conflicts']> = [];
	for (const [field, ranked] of claims) {
		if (!isRecordField(field)) continue;
		const winner = ranked[0].claim;
		setPath(draft, field, winner.value);
		labelSources[field] = toLabelEvidence(winner.evidence, winner.basis);
		const distinct: RankedClaim[] = [];
		for (const candidate of ranked) {
			// Guardrails beside a verdict do not disagree with it: they are a weaker statement, not another value.
			if (isGuardrailsOnly(candidate.claim) && !isGuardrailsOnly(winner)) continue;
			if (!distinct.some((kept) => labelValuesAgree(kept.claim.value, candidate.claim.value))) distinct.push(candidate);
		}
		if (distinct.length > 1) {
			conflicts.push({ label: field, values: distinct.map(({ claim }) => ({ value: claim.value, source: toLabelEvidence(claim.evidence, claim.basis) })) });
		}
	}
	const metrics = (draft.metrics ?? {}) as Record<string, unknown>;
	if (!['outputTokPerS', 'totalTokPerS', 'prefillTokPerS'].some((key) => typeof metrics[key] === 'number')) {
		return { reason: 'no labeled throughput (output, total or prefill tok/s)' };
	}

	// The run's date as a source states it, else the date in a source's file name ("...-20260517.json").
	const date = ordered.map((observation) => observation.date).find(Boolean) ?? ordered.map((observation) => dateInName(observation.source)).find(Boolean);
	if (!date) return { reason: 'no date in the sources or their names' };
	const title = runTitle(ordered, context);
	// The run's track, the most specific source first: the model its sources state, read with its own
	// label ("llamacpp-qwen36-27b-q4_0-..." in a ledger filed under another model; the model first, so
	// "vllm-int4-..." of an INT4 model is not FP8's); then the classified track of a note that reports
	// it, of the note its data file is paired with, and last the words of its sources.
	const statedModel = ['model.id', 'model.quantization'].map((path) => getPath(draft, path)).filter((value): value is string => typeof value === 'string' && value !== NOT_RECORDED);
	const modelTrack = statedModel.length ? context.modelTrackOf?.([...statedModel, ...ordered.map((observation) => observation.title)].filter(Boolean).join(' ')) : undefined;
	const noteTrack = ordered.map((observation) => (observation.source.startsWith('notes/') ? observation.track : undefined)).find(Boolean);
	const pairedNoteTrack = ordered.map((observation) => context.noteTrackOf?.(observation.source)).find(Boolean);
	const trackWords = [
		...ordered.map((observation) => observation.track),
		// Row labels and block names often say the engine and format ("llamacpp-...-iq4_xs-rpc").
		...ordered.map((observation) => observation.title),
		title,
		...['model.id', 'model.quantization', 'software.engine.name'].map((path) => getPath(draft, path)).filter((value): value is string => typeof value === 'string'),
	].filter(Boolean).join(' ');
	const track = modelTrack ?? noteTrack ?? pairedNoteTrack ?? ordered.map((observation) => observation.track && context.trackOf(observation.track)).find(Boolean) ?? context.trackOf(trackWords) ?? 'unclassified';
	const output = getPath(draft, 'metrics.outputTokPerS') as number | undefined;
	const own = group.flatMap((observation) => observation.statuses);
	const history = statusHistory([...own, ...doubtsOf(track, date, output, doubts, own.some((status) => status.status === 'promoted'))], date);
	const sources = [...new Set(group.flatMap((observation) => [observation.source, ...(observation.keys.files ?? [])]))].sort();
	const localmaxxingId = ordered.map((observation) => observation.keys.localmaxxingId).find(Boolean);
	const extras = (field: string) => [...(claims.get(field) ?? [])].map(({ claim }) => claim);
	const statedGains = extras(CLAIM_FIELDS.statedDelta).map((claim) => ({ ...(claim.value as StatedDelta), source: toLabelEvidence(claim.evidence, claim.basis) }));
	const reference = extras(CLAIM_FIELDS.comparedWith)[0];

	const filled: Record<string, unknown> = {
		...draft,
		title,
		date,
		track,
		status: currentStatus(history) ?? 'candidate',
		source: { kind: 'imported', from: ordered[0].source },
		artifacts: sources.filter((path) => !path.startsWith('notes/') && path !== 'CURRENT.md').map((path) => ({ path })),
		...(localmaxxingId ? { localmaxxingId } : {}),
		labelSources,
		statusHistory: history,
		...(conflicts.length ? { conflicts } : {}),
		sources,
		...(statedGains.length ? { statedGains } : {}),
		...(reference ? { comparedWith: { ...(reference.value as ComparedWith), source: toLabelEvidence(reference.evidence, reference.basis) } } : {}),
	};
	for (const path of requiredLabelPaths()) if (getPath(filled, path) === undefined) setPath(filled, path, NOT_RECORDED);
	const software = filled.software as Record<string, unknown>;
	if (software.recipe === undefined && software.commit === undefined) software.commit = NOT_RECORDED;

	// A claim the schema refuses (a malformed quality object, say) becomes "not recorded", not a lost run.
	let parsed = recordSchema.safeParse(filled);
	for (let attempt = 0; !parsed.success && attempt < 16; attempt++) {
		const issue = parsed.error.issues[0];
		const label = [...LABEL_PATHS].find((path) => issue.path.join('.').startsWith(path));
		const extra = String(issue.path[0]);
		if (!label && ['statedGains', 'comparedWith', 'conflicts', 'localmaxxingId'].includes(extra)) {
			delete filled[extra];
			parsed = recordSchema.safeParse(filled);
			continue;
		}
		if (!label || getPath(filled, label) === NOT_RECORDED) return { reason: `${issue.path.join('.') || 'record'}: ${issue.message}` };
		// The next source's value for the label, if another states it; else "not recorded".
		const candidates = claims.get(label) ?? [];
		const refused = candidates.findIndex(({ claim }) => claim.value === getPath(filled, label));
		const next = candidates.slice(refused + 1).find(({ claim }) => claim.value !== undefined);
		if (refused >= 0) candidates.splice(refused, 1);
		if (next) {
			setPath(filled, label, next.claim.value);
			labelSources[label] = toLabelEvidence(next.claim.evidence, next.claim.basis);
		} else {
			setPath(filled, label, NOT_RECORDED);
			delete labelSources[label];
		}
		parsed = recordSchema.safeParse(filled);
	}
	if (!parsed.success) return { reason: parsed.error.issues[0].message };
	// The lab promotes only after the quality gates, and a source may say so outright; a run the
	// lab rejected or doubted may have failed them, so the lane does not vouch for its quality.
	const gated =
		history.some((entry) => entry.status === 'promoted') ||
		extras(CLAIM_FIELDS.benchmarkedAfterQuality).some((claim) => claim.value === true) ||
		!NOT_STANDING.has(parsed.data.status);
	return { run: { id: `imported/${runId(ordered, title)}`, record: withLane(parsed.data, context.lanes, { gated }) } };
}

/**
 * Promoted runs that a later promotion replaced get a dated "superseded" entry; the newest stays
 * promoted. A lane's run is replaced only by a later one of its lane (a track may have several
 * lanes); a run outside lanes by a later promotion of its track on as many cards (the lab promotes
 * a best four-card run beside its best three-card one), or by any when either does not say.
 */
export function markSuperseded(runs: readonly ReconciledRun[]): ReconciledRun[] {
	const promotedOn = (run: ReconciledRun) => run.record.statusHistory?.filter((entry) => entry.status === 'promoted').at(-1)?.date ?? run.record.date;
	const order = (a: ReconciledRun, b: ReconciledRun) => promotedOn(a).localeCompare(promotedOn(b)) || (a.record.metrics.outputTokPerS ?? 0) - (b.record.metrics.outputTokPerS ?? 0);
	const cards = (run: ReconciledRun) => (typeof run.record.hardware.gpuCount === 'number' ? run.record.hardware.gpuCount : undefined);
	const promoted = runs.filter((run) => run.record.status === 'promoted').sort(order);
	const superseded = new Map<string, StatusEntry>();
	promoted.forEach((run, index) => {
		const sameCards = (later: ReconciledRun) => cards(run) === undefined || cards(later) === undefined || cards(run) === cards(later);
		const replacing = promoted
			.slice(index + 1)
			.filter((later) => later.record.track === run.record.track && (run.record.lane ? later.record.lane === run.record.lane : sameCards(later)));
		const newest = replacing.at(-1);
		if (!newest) return;
		const promotion = newest.record.statusHistory?.filter((entry) => entry.status === 'promoted').at(-1);
		superseded.set(run.id, { status: 'superseded', date: promotedOn(newest), source: promotion?.source ?? { basis: 'stated', file: newest.record.source.from } });
	});
	return runs.map((run) => {
		const entry = superseded.get(run.id);
		if (!entry) return run;
		return { ...run, record: { ...run.record, status: 'superseded', statusHistory: [...(run.record.statusHistory ?? []), entry] } };
	});
}

export function reconcile(observations: readonly RunObservation[], context: ReconcileContext): Reconciliation {
	const records: ReconciledRun[] = [];
	const skipped: Reconciliation['skipped'] = [];
	const doubts = familyDoubts(observations, context);
	const runs = observations.filter((observation) => !observation.keys.outputRange);
	for (const group of groupRuns(runs, context.pairedNoteOf)) {
		const { run, reason } = reconcileRun(group, context, doubts);
		if (run) records.push(run);
		// Prose without a number is the normal case for notes; every other source's loss is reported.
		else if (reason && group.some((observation) => !observation.source.startsWith('notes/'))) {
			const title = group.map((observation) => observation.title).find(Boolean);
			skipped.push({ path: `${[...new Set(group.map((observation) => observation.source))].join(', ')}${title ? ` (${title})` : ''}`, reason });
		}
	}
	// Ids come from file names; two runs from one file get the run's title in theirs, and any
	// remaining clash a suffix, so no record replaces another.
	const seen = new Map<string, number>();
	const unique = records.map((run) => {
		const count = (seen.get(run.id) ?? 0) + 1;
		seen.set(run.id, count);
		return count === 1 ? run : { ...run, id: `${run.id}-${count}` };
	});
	return { records: markSuperseded(unique), skipped };
}
