/**
 * A note (`notes/*.md`): its headline run, read from the sections where the lab states results
 * (Summary, Result, Performance, Comparison, Quality, Decision), and one run per row of its result
 * tables. The Decision (or Conclusion / Outcome) section gives the status in the lab's words
 * ("Promote as the current ...", "Reject", "do not promote", quality failure, "blocked"); a
 * sentence that invalidates a run it names by number or id makes a separate observation for that
 * run. Warmth is claimed only where a sentence states it; a note silent about it claims nothing.
 */
import { type ReaderResult, type RunObservation } from '../claims';
import { blocks, dateLine, flatten, mdLines, plain, sections, tables, type MdLine } from './markdown';
import { hasSubstance, observe, splitSentences, withCited, type Sentence } from './observe';
import { labFiles } from './statements';
import { isResultTable, tableObservations } from './tables';

const RESULT_SECTION = /\b(?:summary|results?|performance|benchmarks?|comparison|quality|decision|conclusions?|outcome|verdict|status|headline|numbers|measurements?|tl;?dr)\b/i;
const DECISION_SECTION = /\b(?:decision|conclusions?|outcome|verdict|status)\b/i;
const DOUBT_WORDS = /\b(?:not\s+quality[- ]valid|invalid|token\s+0|historical\s+speed\s+clues?|withdrawn|erratum|suspect)\b/i;
const ARTIFACT_SECTION = /\b(?:artifacts?|files|data)\b/i;

/** Statement lines of a section: bullets (with continuations) and paragraph lines. */
function statementLines(lines: MdLine[]): Sentence[] {
	const bulletLines = new Set<number>();
	const out: Sentence[] = [];
	for (const block of blocks(lines)) {
		if (block.lead) out.push({ line: block.lead.line, text: block.lead.text });
		for (const bullet of flatten(block.bullets)) {
			bulletLines.add(bullet.line);
			out.push({ line: bullet.line, text: bullet.text });
		}
	}
	for (const entry of lines) {
		const text = entry.text.trim();
		if (!text || /^[-*+]\s|^\||^#/.test(text) || /^\s/.test(entry.text)) continue;
		if (out.some((sentence) => sentence.line === entry.line)) continue;
		out.push({ line: entry.line, text });
	}
	return out.sort((a, b) => a.line - b.line);
}

/** Mean lines first: "Mean: 88.1 output tok/s" is the run's number, "Run 1: 87.5" is a repeat. */
const meanFirst = (sentences: Sentence[]): Sentence[] => {
	const rank = (sentence: Sentence) => (/\b(?:mean|average|avg)\b/i.test(sentence.text) && /tok\/s/i.test(sentence.text) ? 0 : /^run\s+\d+\b/i.test(plain(sentence.text)) ? 2 : 1);
	return [...sentences].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
};

export const noteDate = (path: string, lines: MdLine[]): string | undefined =>
	dateLine(lines)?.date ?? /(\d{4}-\d{2}-\d{2})/.exec(path.split('/').at(-1) ?? '')?.[1];

export function readNote(path: string, text: string, track?: string): ReaderResult {
	const lines = mdLines(text);
	const date = noteDate(path, lines);
	const title = plain(lines.find((entry) => /^#\s/.test(entry.text))?.text.replace(/^#\s+/, '') ?? '').trim() || undefined;
	const result: ReaderResult = { observations: [], skipped: [] };
	const all = sections(lines, 2);
	const resultSections = all.filter((section) => section.level === 2 && RESULT_SECTION.test(section.heading));
	// A note without such headings states its result in its opening text.
	const reading = resultSections.length ? resultSections : all.filter((section) => section.level <= 1);
	let decisions = all.filter((section) => section.level === 2 && DECISION_SECTION.test(section.heading));
	// Without a Decision, the verdict is written where the note discusses its result.
	if (!decisions.length) decisions = all.filter((section) => section.level === 2 && /\b(?:observations?|summary|results?|discussion|interpretation)\b/i.test(section.heading));
	// A sentence that doubts a run speaks of that run, never of the note's headline.
	const bySentence = (list: Sentence[]) => list.flatMap((entry) => splitSentences(entry.text).map((text) => ({ line: entry.line, text })));
	const facts = meanFirst(bySentence(reading.filter((section) => !decisions.includes(section)).flatMap((section) => statementLines(section.lines))).filter((sentence) => !DOUBT_WORDS.test(sentence.text)));
	const decisionLines = decisions.flatMap((section) => statementLines(section.lines));
	const headline = observe([...facts, ...decisionLines], { source: path, title, date, track });
	// Status from the Decision only (results sections also mention other runs' statuses).
	const verdict = observe(decisionLines, { source: path, date, track, statusFromWords: true });
	headline.statuses.push(...verdict.statuses);
	headline.cited = [...(headline.cited ?? []), ...(verdict.cited ?? [])];
	// Invalidations stated anywhere in the note (an erratum section, a caveat).
	// Each doubting sentence: about the run it names (number or id), else about the note's run.
	for (const sentence of bySentence(statementLines(lines)).filter((entry) => DOUBT_WORDS.test(entry.text))) {
		const doubt = observe([sentence], { source: path, date, track, statusFromWords: true });
		if (!doubt.statuses.length) continue;
		if (doubt.keys.outputTokPerS !== undefined || doubt.keys.localmaxxingId) {
			doubt.title = plain(sentence.text).slice(0, 100);
			headline.cited.push(doubt);
		} else for (const status of doubt.statuses) if (!headline.statuses.some((entry) => entry.status === status.status)) headline.statuses.push(status);
	}
	// The note itself and the data files it names are records of this run.
	const files = new Set([path, ...(headline.keys.files ?? [])]);
	for (const section of all.filter((entry) => ARTIFACT_SECTION.test(entry.heading))) {
		for (const entry of section.lines) for (const file of labFiles(entry.text)) files.add(file);
	}
	headline.keys.files = [...files];
	// "passed the strict quality gate:" over a list of hashes: the list says which method.
	const quality = headline.claims.find((claim) => claim.field === 'quality');
	const qualityText = all.filter((section) => /quality/i.test(section.heading)).flatMap((section) => section.lines.map((entry) => entry.text)).join(' ');
	if (quality && !(quality.value as { method?: string }).method && /\b(?:exact|hash)/i.test(qualityText)) {
		quality.value = { ...(quality.value as object), method: 'exact-token-hashes' };
	}
	if (hasSubstance(headline)) result.observations.push(...withCited(headline));
	else result.observations.push(...withCited(headline).slice(1));
	for (const table of tables(lines)) {
		if (!isResultTable(table)) continue;
		const rows: RunObservation[] = tableObservations(table, { source: path, track, statusDate: date });
		for (const row of rows) if (date) row.date ??= date;
		result.observations.push(...rows);
	}
	if (!result.observations.length) result.skipped.push({ path, reason: 'states no throughput with its unit, LocalMaxxing id or decision in its result sections or tables' });
	return result;
}
