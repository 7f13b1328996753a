/**
 * The hub README: a long list of findings, some of which say which results stand ("is now marked
 * suspect", "reclassified as likely quality-valid", "historical speed clues", "not quality-valid").
 * Only those verdicts are read, each about the run its sentence names by LocalMaxxing id or by a
 * throughput with its unit; a verdict naming no run is left to the notes. A date written in the
 * sentence ("The 2026-05-11 C158 recheck ...") dates the verdict; otherwise the file's Date line.
 */
import type { ReaderResult, RunObservation } from '../claims';
import { blocks, dateLine, flatten, mdLines, plain, sections } from './markdown';
import { observe, splitSentences } from './observe';
import { localmaxxingIds, statusIn, throughputs } from './statements';

/** Verdicts about whether a result stands (speed verdicts like "rejected" belong to the notes). */
const STANDING = new Set(['invalidated', 'withdrawn', 'suspect', 'valid', 'superseded']);

export function readHubReadme(path: string, text: string): ReaderResult {
	const lines = mdLines(text);
	const fileDate = dateLine(lines)?.date;
	const observations: RunObservation[] = [];
	for (const section of sections(lines, 2)) {
		const statements = [
			...blocks(section.lines).flatMap((block) => flatten(block.bullets).map((bullet) => ({ line: bullet.line, text: bullet.text }))),
		];
		for (const statement of statements) {
			for (const sentence of splitSentences(statement.text)) {
				const status = statusIn(sentence);
				if (!status || !STANDING.has(status)) continue;
				const ids = localmaxxingIds(sentence);
				const output = throughputs(sentence).find((entry) => entry.metric === 'output' && !entry.reference)?.value;
				if (!ids.length && output === undefined) continue;
				const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(plain(sentence))?.[1] ?? fileDate;
				const observation = observe([{ line: statement.line, text: sentence }], { source: path, statusDate: date, statusFromWords: true });
				// The verdict is the point; a sentence's other labels are the notes' to state.
				observation.statuses = observation.statuses.filter((entry) => STANDING.has(entry.status));
				observation.claims = observation.claims.filter((claim) => claim.field === 'metrics.outputTokPerS');
				observation.title = plain(sentence).slice(0, 100);
				delete observation.cited;
				observations.push(observation);
			}
		}
	}
	return { observations, skipped: [] };
}
