/**
 * Which observations are one run: the same LocalMaxxing id (unless a figure says otherwise), files
 * that cite each other, the same timestamped raw log, the same precise figure, or a note printing
 * its paired data file's figure rounded. Grouping only; reconcile.ts decides what a group says.
 */
import type { RunObservation } from './claims';
import { labelValuesAgree } from './label-agreement';

/**
 * Two figures of one run differ by rounding or by a typo, not by more than this: 0.5%. Beyond it,
 * a note quoting a run's id beside its own number measured something else.
 */
const SAME_RUN_TOLERANCE = 0.005;

/** The output figure each LocalMaxxing id was submitted with: its payload's, else the first stated. */
function idFigures(observations: readonly RunObservation[]): Map<string, number> {
	const figures = new Map<string, { value: number; structured: boolean }>();
	for (const observation of observations) {
		const { localmaxxingId: id, outputTokPerS: value } = observation.keys;
		if (!id || value === undefined) continue;
		const structured = /\.(?:payload|response)\.json$/.test(observation.source);
		const known = figures.get(id);
		if (!known || (structured && !known.structured)) figures.set(id, { value, structured });
	}
	return new Map([...figures].map(([id, { value }]) => [id, value]));
}

/** Both print an output figure, and one is the other to the printed digits. */
function outputsAgree(a: RunObservation, b: RunObservation): boolean {
	const [x, y] = [a.keys.outputTokPerS, b.keys.outputTokPerS];
	return x !== undefined && y !== undefined && (sameToPrintedDigits(x, y) || sameToPrintedDigits(y, x) || labelValuesAgree(x, y));
}

/** "36.616" is 36.61648... printed to three places; two places at least, so "37" names no run. */
function sameToPrintedDigits(printed: number, precise: number): boolean {
	const places = String(printed).split('.')[1]?.length ?? 0;
	return places >= 2 && Math.abs(precise - printed) <= 0.5 / 10 ** places + 1e-9;
}

export function groupRuns(observations: readonly RunObservation[], pairedNoteOf?: (path: string) => string | undefined): RunObservation[][] {
	const parent = observations.map((_, index) => index);
	const ids = observations.map((observation) => new Set(observation.keys.localmaxxingId ? [observation.keys.localmaxxingId] : []));
	const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
	const union = (a: number, b: number, guarded: boolean) => {
		const [ra, rb] = [find(a), find(b)];
		if (ra === rb) return;
		// Two different LocalMaxxing ids are two runs, whatever else they share.
		if (guarded && ids[ra].size && ids[rb].size && ![...ids[ra]].some((id) => ids[rb].has(id))) return;
		parent[rb] = ra;
		for (const id of ids[rb]) ids[ra].add(id);
	};

	const byId = new Map<string, number>();
	const bySource = new Map<string, number[]>();
	const idNumbers = idFigures(observations);
	observations.forEach((observation, index) => {
		const id = observation.keys.localmaxxingId;
		// "Baseline confirmation: 60.64 output tok/s, a lower repeat of cmp9x..." names the submitted
		// run (61.40) but measured another: a clearly different number under the same id is not that run.
		const own = observation.keys.outputTokPerS;
		const submitted = id ? idNumbers.get(id) : undefined;
		if (id && !(own !== undefined && submitted !== undefined && Math.abs(own - submitted) > SAME_RUN_TOLERANCE * submitted)) {
			if (byId.has(id)) union(byId.get(id)!, index, false);
			else byId.set(id, index);
		}
		bySource.set(observation.source, [...(bySource.get(observation.source) ?? []), index]);
	});
	observations.forEach((observation, index) => {
		for (const file of observation.keys.files ?? []) {
			if (file === observation.source) continue;
			const candidates = bySource.get(file) ?? [];
			const own = observation.keys.outputTokPerS;
			const sameNumber = (other: number) => own !== undefined && labelValuesAgree(own, observations[other].keys.outputTokPerS);
			// A file with several runs (a ledger, CURRENT.md) joins only the one with the same number. A
			// file with one run joins unless both state different numbers: a negative note cites the
			// baseline it lost to, and its rejection is not the baseline's.
			const matching =
				candidates.length === 1
					? candidates.filter((other) => own === undefined || observations[other].keys.outputTokPerS === undefined || sameNumber(other))
					: candidates.filter(sameNumber);
			for (const other of matching) union(index, other, true);
		}
	});
	// A note's table prints its data file's figures rounded ("36.616" for 36.61648...): within the
	// pair, a figure that matches one run of the data file to the note's printed digits is that run.
	{
		// The note's files: the data file paired with it, and every file it cites.
		const filesOfNote = new Map<string, Set<string>>();
		const addFile = (note: string, file: string) => filesOfNote.set(note, new Set([...(filesOfNote.get(note) ?? []), file]));
		for (const observation of observations) {
			if (!observation.source.startsWith('notes/')) continue;
			for (const file of observation.keys.files ?? []) if (file !== observation.source) addFile(observation.source, file);
		}
		for (const source of bySource.keys()) {
			const note = source.startsWith('notes/') ? undefined : pairedNoteOf?.(source);
			if (note) addFile(note, source);
		}
		const dataRuns = new Map<string, number[]>();
		for (const [note, files] of filesOfNote) {
			dataRuns.set(note, [...files].flatMap((file) => (bySource.get(file) ?? []).filter((index) => observations[index].keys.outputTokPerS !== undefined)));
		}
		observations.forEach((observation, index) => {
			const printed = observation.keys.outputTokPerS;
			if (printed === undefined || !observation.source.startsWith('notes/')) return;
			const matching = (dataRuns.get(observation.source) ?? []).filter((other) => {
				const run = observations[other];
				return (!observation.date || !run.date || observation.date === run.date) && sameToPrintedDigits(printed, run.keys.outputTokPerS!);
			});
			// Two runs of the file that round alike: which one the note means is not known.
			if (new Set(matching.map(find)).size === 1) union(index, matching[0], true);
		});
	}
	// One benchmark writes one timestamped log: sources naming the same one speak of one run.
	const byArtifact = new Map<string, number>();
	observations.forEach((observation, index) => {
		for (const artifact of observation.keys.artifacts ?? []) {
			if (byArtifact.has(artifact)) union(byArtifact.get(artifact)!, index, true);
			else byArtifact.set(artifact, index);
		}
	});
	const byValue = new Map<string, number>();
	observations.forEach((observation, index) => {
		// Only precise figures identify a run: "41.5" may be two runs, "88.748424" is one. A note
		// may print the output rounded ("37.17") beside the total in full ("49.557786").
		const total = observation.claims.find((claim) => claim.field === 'metrics.totalTokPerS')?.value;
		for (const [metric, value] of [['output', observation.keys.outputTokPerS], ['total', total]] as const) {
			if (typeof value !== 'number' || String(value).replace(/^\d+\.?/, '').length < 4) continue;
			const key = `${metric} ${value.toFixed(4)}`;
			const other = byValue.get(key);
			if (other === undefined) byValue.set(key, index);
			// A total alone may be a reference a note quotes in full: it names the run only when the
			// output figures agree too.
			else if (metric === 'output' || outputsAgree(observations[other], observation)) union(other, index, true);
		}
	});
	const groups = new Map<number, RunObservation[]>();
	observations.forEach((observation, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), observation]));
	return [...groups.values()];
}

