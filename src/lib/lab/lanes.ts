/**
 * Which benchmark lane a record is in, and what the lane supplies. A record joins a lane when it
 * states every `match` label with the lane's value and states nothing that contradicts a `fixed`
 * label; the lane then fills the fixed labels the record is silent on, each marked "from lane".
 * Records are compared, ranked and given gains only within one lane.
 */
import { getPath, setPath } from '../importers/label-values';
import { isRecorded, recordSchema, type LabRecord, type LabelEvidence } from '../schema/record';
import { LANES_FILE, type Lane } from '../schema/lanes';
import { labelValuesAgree } from './label-agreement';

export type LaneVerdict = { lane: Lane; joins: true } | { lane: Lane; joins: false; reason: string };

/** Whether the record joins the lane, and if not, the first label that keeps it out. */
export function laneVerdict(record: LabRecord, lane: Lane): LaneVerdict {
	if (record.track !== lane.track) return { lane, joins: false, reason: `track is ${record.track}, the lane's is ${lane.track}` };
	for (const [path, expected] of Object.entries(lane.match)) {
		const stated = getPath(record, path);
		if (!isRecorded(stated)) return { lane, joins: false, reason: `${path} is not recorded` };
		if (!labelValuesAgree(stated, expected)) return { lane, joins: false, reason: `${path} is ${JSON.stringify(stated)}, the lane's is ${JSON.stringify(expected)}` };
	}
	for (const [path, expected] of Object.entries(lane.fixed)) {
		const stated = getPath(record, path);
		// Guardrails without a gate verdict neither meet nor break the lane's gates.
		if (path === 'quality' && isRecorded(record.quality) && record.quality.method === 'guardrails') continue;
		if (isRecorded(stated) && !labelValuesAgree(stated, expected)) {
			return { lane, joins: false, reason: `${path} is ${JSON.stringify(stated)}, the lane fixes ${JSON.stringify(expected)}` };
		}
	}
	return { lane, joins: true };
}

/** The first lane (in the file's order) the record joins. A lane the record names must exist and match. */
export function laneOf(record: LabRecord, lanes: readonly Lane[]): Lane | undefined {
	const candidates = record.lane ? lanes.filter((lane) => lane.id === record.lane) : lanes;
	return candidates.find((lane) => laneVerdict(record, lane).joins);
}

/**
 * The record in its lane: `lane` set, and every fixed label it did not state filled from the lane
 * with a "from lane" source. A record in no lane comes back as it was.
 *
 * The lane's quality verdict is a gate, not a shape: it is given only to a run that stands under
 * the protocol (`gated`: promoted, said to be benchmarked after quality passed, or a candidate
 * nobody rejected or doubted), never to a rejected, negative, blocked, suspect or invalidated run,
 * which may have failed the gates, nor to a run dated before the lane's `qualityGatesSince`.
 */
export function withLane(record: LabRecord, lanes: readonly Lane[], { gated = false }: { gated?: boolean } = {}): LabRecord {
	const lane = laneOf(record, lanes);
	if (!lane) return record;
	const result = structuredClone(record) as LabRecord & Record<string, unknown>;
	const sources: Record<string, LabelEvidence> = { ...(record.labelSources ?? {}) };
	for (const [path, value] of Object.entries(lane.fixed)) {
		if (isRecorded(getPath(record, path))) continue;
		// Before the lab ran the gates on every benchmark, a run in the lane's shape may not have passed them.
		if (path === 'quality' && (!gated || (lane.qualityGatesSince !== undefined && record.date < lane.qualityGatesSince))) continue;
		setPath(result, path, structuredClone(value));
		sources[path] = { basis: 'lane', file: LANES_FILE, lane: lane.id };
	}
	result.lane = lane.id;
	if (record.source.kind === 'imported') result.labelSources = sources;
	// Parsed again for the schema's key order: the labels filled here would otherwise come last,
	// and records.json would read differently from one record to the next.
	return recordSchema.parse(result);
}
