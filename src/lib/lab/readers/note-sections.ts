/**
 * A note (`notes/*.md`): its headline run, read from the sections where the lab states results
 * (Summary, Result, Performance, Comparison, Quality, Decision), and one run per row of its result
 * tables. The Decision (or Conclusion / Outcome) section gives the status in the lab's words
 * ("Promote as the current ...", "Reject", "do not promote", quality failure, "blocked"); a
 * sentence that invalidates a run it names by number or id makes a separate observation for that
 * run. Warmth is claimed only where a sentence states it; a note silent about it claims nothing.
 */
import { CLAIM_FIELDS, isGuardrailsOnly, namesNoGates, sentenceEvidence, type Claim, type ComparedWith, type ReaderResult, type RunObservation } from '../claims';
import { blocks, dateLine, flatten, mdLines, plain, sections, tables, type MdLine } from './markdown';
import { hasSubstance, observe, splitSentences, withCited, type Sentence } from './observe';
import { familyDoubtIn, labFiles, localmaxxingIds, qualityIn, throughputs } from './statements';
import { labelValuesAgree } from '../label-agreement';
import { isResultTable, tableObservations } from './tables';

const RESULT_SECTION = /\b(?:summary|setup|results?|performance|benchmarks?|comparison|quality|decision|conclusions?|outcome|verdict|status|headline|numbers|measurements?|tl;?dr)\b/i;
const DECISION_SECTION = /\b(?:decision|conclusions?|outcome|verdict|status)\b/i;
const DOUBT_WORDS = /\b(?:not\s+quality[- ]valid|invalid|token\s+0|historical\s+speed\s+clues?|withdrawn|erratum|suspect)\b/i;
/**
 * A line that calls its own run the current one, as a running list of results does ("3x B70 current
 * quality-cleared no-root Q4_0 stack ...: 50.130 tok/s, LocalMaxxing <id>", "Current promoted
 * LocalMaxxing result: <id>"): "current" within its first few words, before any verb, and no
 * comparison with another run.
 */
const CURRENT_RUN_LINE = /^(?:[\w/.-]+\s+){0,3}?current\s+(?:[\w-]+\s+){0,2}?(?:quality[- ]cleared|best|promoted|validated)\b/i;
const NOTHING_SUBMITTED = /\bno\s+(?:new\s+)?(?:localmaxxing\s+)?submissions?\b|\b(?:not|never)\s+(?:yet\s+)?submitted\b|\b(?:did|do)\s+not\s+submit\b/i;
const COMPARISON_WORDS = /\b(?:than|versus|vs\.?|against|below|above|over|instead)\b/i;
const ARTIFACT_SECTION = /\b(?:artifacts?|files|data)\b/i;

/** A statement and, for a bullet, the lead line it stands under ("Current promoted baseline:"). */
interface Statement extends Sentence {
	lead?: string;
}

/** Statements of a section: paragraphs (wrapped lines joined, cited by their first line) and bullets. */
function statementLines(lines: MdLine[]): Statement[] {
	const out: Statement[] = [];
	const bulletLines = new Set<number>();
	for (const block of blocks(lines)) {
		for (const bullet of flatten(block.bullets)) {
			bulletLines.add(bullet.line);
			out.push({ line: bullet.line, text: bullet.text, ...(block.lead ? { lead: block.lead.text } : {}) });
		}
	}
	let paragraph: Statement | undefined;
	let inBullet = false;
	for (const entry of lines) {
		const text = entry.text.trim();
		if (bulletLines.has(entry.line)) {
			paragraph = undefined;
			inBullet = true;
			continue;
		}
		if (!text || /^\||^#/.test(text)) {
			paragraph = undefined;
			inBullet = false;
			continue;
		}
		// Indented lines after a bullet continue it (blocks() joined them already).
		if (inBullet && /^\s/.test(entry.text)) continue;
		inBullet = false;
		if (paragraph) paragraph.text += ` ${text}`;
		else {
			paragraph = { line: entry.line, text };
			out.push(paragraph);
		}
	}
	return out.sort((a, b) => a.line - b.line);
}

/** Sections of plans and open work, not of what was measured. */
const PLAN_SECTION = /\b(?:next(?:\s+steps?|\s+work)?|follow[- ]?ups?|todo|plans?|ideas|open\s+questions|remaining\s+work)\b/i;

/** A table row that names another run than the experiment's own ("previous promoted", "baseline"). */
const REFERENCE_ROW = /\b(?:baseline|previous|prior|promoted|reference|control|anchor|old|older|earlier)\b/i;

/** A lead that introduces someone else's numbers: the bullets under it are the reference. */
// "The currently shareable result remains the already submitted TP4 run:" names a result that stands.
const REFERENCE_LEAD = /\b(?:baseline|promoted|previous|prior|reference|control|anchor|remains|already\s+submitted)\b/i;
const CANDIDATE_LEAD = /\b(?:candidate|new|this|retest|result\s+of\s+this|on\s+top|slower|faster|than|versus|vs)\b/i;
const isReferenceLead = (lead: string | undefined) => lead !== undefined && REFERENCE_LEAD.test(lead) && !CANDIDATE_LEAD.test(lead);

/** Mean lines first: "Mean: 88.1 output tok/s" is the run's number, "Run 1: 87.5" is a repeat. */
const meanFirst = (sentences: Sentence[]): Sentence[] => {
	const rank = (sentence: Sentence) => (/\b(?:mean|average|avg)\b/i.test(sentence.text) && /tok\/s/i.test(sentence.text) ? 0 : /^run\s+\d+\b/i.test(plain(sentence.text)) ? 2 : 1);
	return [...sentences].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
};

export const noteDate = (path: string, lines: MdLine[]): string | undefined =>
	dateLine(lines)?.date ?? /(\d{4}-\d{2}-\d{2})/.exec(path.split('/').at(-1) ?? '')?.[1];

/** The clause of a sentence that gives its quality verdict ("This is quality-safe" of "..., but slower than ..."). */
function verdictClause(text: string): string | undefined {
	const clauses = text.split(/;\s*|,\s*(?=(?:but|while|whereas|so|although|and)\b)|\s+but\s+/i);
	return clauses.find((clause) => qualityIn(clause) !== undefined);
}

/**
 * "| Baseline (promoted) | 24.25 |" above "| Fused router | 23.10 |", then "Reject: slower than the
 * baseline": when the note's own statement of its run gives no figure, a results table with baseline
 * rows and exactly one other row says which run the decision is about. That row takes the decision,
 * and the baseline row is what it was compared with; the baseline keeps no verdict of this note's.
 */
function decideTheCandidateRow(headline: RunObservation, rows: RunObservation[]): void {
	const ownFigure = headline.keys.outputTokPerS !== undefined || headline.claims.some((claim) => claim.field === 'metrics.totalTokPerS');
	if (ownFigure || !headline.statuses.length) return;
	const references = rows.filter((row) => REFERENCE_ROW.test(row.title ?? ''));
	const candidates = rows.filter((row) => !references.includes(row));
	if (!references.length || candidates.length !== 1) return;
	const [candidate] = candidates;
	if (!candidate.statuses.length) candidate.statuses.push(...headline.statuses);
	const reference = references[0];
	const figure = (field: string) => reference.claims.find((claim) => claim.field === field)?.value as number | undefined;
	const output = figure('metrics.outputTokPerS');
	const total = figure('metrics.totalTokPerS');
	if ((output !== undefined || total !== undefined) && !candidate.claims.some((claim) => claim.field === CLAIM_FIELDS.comparedWith)) {
		const evidence = reference.claims.find((claim) => claim.field.startsWith('metrics.'))!.evidence;
		candidate.claims.push({ field: CLAIM_FIELDS.comparedWith, value: { ...(output !== undefined ? { outputTokPerS: output } : {}), ...(total !== undefined ? { totalTokPerS: total } : {}), ...(reference.title ? { label: reference.title } : {}) }, basis: 'stated', evidence });
	}
}

/** Names of quality gates as the lab writes them (raw145 hashes, the semantic suite, canaries). */
const QUALITY_GATE_NAME = /raw\d*|exact|hash|semantic|arithmetic|sixpack|canar|quality|\bnul\b|degenera|gate/i;

/** A table of quality gates and their verdicts -> one quality claim (failed when any gate failed). */
function gateTable(lines: MdLine[], path: string): Claim | undefined {
	for (const table of tables(lines)) {
		const gateColumn = table.header.findIndex((header) => /^(?:gate|check|quality\s+gate|test)s?$/i.test(plain(header).trim()));
		const verdictColumn = table.header.findIndex((header) => /^(?:result|status|outcome|verdict|passed)$/i.test(plain(header).trim()));
		if (gateColumn < 0 || verdictColumn < 0) continue;
		const verdicts = table.rows
			.map((row) => ({ gate: plain(row.cells[gateColumn] ?? '').trim(), verdict: plain(row.cells[verdictColumn] ?? '').trim().toLowerCase(), line: row.line }))
			.filter((row) => /^(?:pass(?:ed)?|ok|yes|true|fail(?:ed)?|no|false)\b/.test(row.verdict));
		if (!verdicts.length) continue;
		// A "Test | ... | Outcome" table of benchmark variants ("compile [1,512] | Failed in Inductor") is not a gate table.
		if (!/^(?:gate|check|quality\s+gate)s?$/i.test(plain(table.header[gateColumn]).trim()) && !verdicts.some((row) => QUALITY_GATE_NAME.test(row.gate))) continue;
		const failed = verdicts.find((row) => /^(?:fail|no|false)/.test(row.verdict));
		const names = verdicts.map((row) => row.gate).join(', ');
		return {
			field: 'quality',
			value: { method: /exact|hash/i.test(names) ? 'exact-token-hashes' : /semantic/i.test(names) ? 'semantic-suite' : 'gates-not-named', detail: `${failed ? `failed ${failed.gate}; ` : ''}gates: ${names}`.slice(0, 200), passed: !failed },
			basis: 'stated',
			evidence: sentenceEvidence(path, (failed ?? verdicts[0]).line, `| ${(failed ?? verdicts[0]).gate} | ${(failed ?? verdicts[0]).verdict} |`),
		};
	}
	return undefined;
}

const REPEAT_LABEL = /^(?:run|repeat|r|#)?\s*\d{1,2}$/i;
const MEAN_LABEL = /^(?:mean|average|avg)\b/i;

/** The text just above a table (its lead: "MoE-delay retest on top of logits-WS:"). */
const leadAbove = (lines: MdLine[], tableLine: number): string | undefined =>
	[...lines].reverse().find((entry) => entry.line < tableLine && entry.text.trim())?.text;

/**
 * A table of repeats ("1", "2", "mean" rows): its mean row is the run's number and its other rows
 * are the repeats. Under a reference lead ("Current promoted baseline:") they are the reference's.
 */
function repeatTables(lines: MdLine[], path: string) {
	const runs: Claim[] = [];
	const references: Array<{ value: ComparedWith; line: number }> = [];
	const consumed = new Set<number>();
	for (const table of tables(lines)) {
		if (!isResultTable(table)) continue;
		const rows = tableObservations(table, { source: path, keepRepeats: true });
		const mean = rows.find((row) => MEAN_LABEL.test(row.title ?? ''));
		const repeats = rows.filter((row) => REPEAT_LABEL.test(row.title ?? ''));
		// A table headed "repeat" whose rows are all numbered repeats holds one run's repeats, not runs.
		const onlyRepeats = !mean && repeats.length >= 2 && rows.length === repeats.length && /^(?:repeat|rep|run|trial|#)s?$/i.test(plain(table.header[0] ?? '').trim());
		if (onlyRepeats) consumed.add(table.line);
		if (!mean || !repeats.length || rows.length !== repeats.length + 1) continue;
		consumed.add(table.line);
		const metric = (row: RunObservation, field: string) => row.claims.find((claim) => claim.field === field);
		if (isReferenceLead(leadAbove(lines, table.line))) {
			const output = metric(mean, 'metrics.outputTokPerS')?.value as number | undefined;
			const total = metric(mean, 'metrics.totalTokPerS')?.value as number | undefined;
			const label = plain(leadAbove(lines, table.line) ?? '').replace(/:\s*$/, '').trim();
			references.push({ value: { ...(output !== undefined ? { outputTokPerS: output } : {}), ...(total !== undefined ? { totalTokPerS: total } : {}), label }, line: mean.claims[0]?.evidence.kind === 'sentence' ? mean.claims[0].evidence.line : table.line });
			continue;
		}
		if (runs.some((claim) => claim.field === 'metrics.outputTokPerS')) continue;
		for (const field of ['metrics.outputTokPerS', 'metrics.totalTokPerS']) {
			const claim = metric(mean, field);
			if (claim) runs.push(claim);
		}
		const values = repeats.map((row) => ({
			...(metric(row, 'metrics.outputTokPerS') ? { outputTokPerS: metric(row, 'metrics.outputTokPerS')!.value as number } : {}),
			...(metric(row, 'metrics.totalTokPerS') ? { totalTokPerS: metric(row, 'metrics.totalTokPerS')!.value as number } : {}),
		}));
		if (values.every((value) => Object.keys(value).length)) runs.push({ field: 'metrics.repeats', value: values, basis: 'stated', evidence: sentenceEvidence(path, table.line, plain(`| ${table.header.join(' | ')} |`)) });
	}
	return { runs, references, consumed };
}

/** "Decision: ...", "**Status:** ...": a line that gives a verdict. */
const VERDICT_LINE = /^(?:\*\*)?(?:status|outcome|verdict|decision)(?:\*\*)?:\s/i;

/**
 * Sections of a note that each report a run of their own: a level-2 section (not the note's
 * Decision, files or plans) that states an output throughput and gives a "Decision:" line. Only
 * when there are two or more: one such section is the note's own result.
 */
function screenSections(all: ReturnType<typeof sections>, path: string): ReturnType<typeof sections> {
	const found = all.filter((section) => {
		if (section.level !== 2 || DECISION_SECTION.test(section.heading) || PLAN_SECTION.test(section.heading) || ARTIFACT_SECTION.test(section.heading)) return false;
		const own = statementLines(section.lines);
		if (!own.some((sentence) => /^(?:\*\*)?decision(?:\*\*)?:\s/i.test(sentence.text))) return false;
		const facts = own.filter((sentence) => !isReferenceLead(sentence.lead) && !DOUBT_WORDS.test(sentence.text));
		return observe(facts, { source: path }).claims.some((claim) => claim.field === 'metrics.outputTokPerS');
	});
	return found.length >= 2 ? found : [];
}

type RunContext = { source: string; date?: string; track?: string };

/** A line naming one run by its LocalMaxxing id as the current one promotes that run, on the note's date. */
function runsCalledCurrent(statements: readonly Statement[], context: RunContext): RunObservation[] {
	const runs: RunObservation[] = [];
	for (const sentence of statements) {
		if (!CURRENT_RUN_LINE.test(plain(sentence.text)) || COMPARISON_WORDS.test(sentence.text) || DOUBT_WORDS.test(sentence.text)) continue;
		const current = observe([sentence], context);
		if (!current.keys.localmaxxingId || localmaxxingIds(sentence.text).length !== 1) continue;
		// The line names the run, it does not title it: the run's own files do.
		delete current.cited;
		delete current.title;
		current.statuses.push({ status: 'promoted', ...(context.date ? { date: context.date } : {}), basis: 'stated', evidence: sentenceEvidence(context.source, sentence.line, plain(sentence.text)) });
		runs.push(current);
	}
	return runs;
}

/**
 * A "LocalMaxxing" section listing one submission ("- ID: <id>", "- Status: APPROVED", "- Output
 * throughput: ...") states that run's id and figures: the note is one of that run's files. Only its
 * list items go with it (the prose around them may be about other settings or runs, and so may the
 * note's decisions), and not from a section that says nothing new was submitted.
 */
function listedSubmissions(all: ReturnType<typeof sections>, lines: readonly MdLine[], context: RunContext): RunObservation[] {
	const runs: RunObservation[] = [];
	for (const section of all.filter((entry) => entry.level >= 2 && /^localmaxxing\b/i.test(plain(entry.heading)))) {
		if (NOTHING_SUBMITTED.test(section.lines.map((entry) => entry.text).join(' '))) continue;
		const listed = statementLines(section.lines).filter((sentence) => /^\s*(?:[-*+]|\d+[.)])\s/.test(lines[sentence.line - 1]?.text ?? ''));
		if (new Set(listed.flatMap((sentence) => localmaxxingIds(sentence.text))).size !== 1) continue;
		const submission = observe(listed, context);
		if (!submission.keys.localmaxxingId) continue;
		delete submission.cited;
		delete submission.title;
		submission.keys.files = [context.source];
		const approved = listed.find((sentence) => /\bstatus\b[^.\n]*\bapproved\b/i.test(sentence.text));
		submission.statuses = approved ? [{ status: 'accepted', ...(context.date ? { date: context.date } : {}), basis: 'stated', evidence: sentenceEvidence(context.source, approved.line, plain(approved.text)) }] : [];
		runs.push(submission);
	}
	return runs;
}

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
	const bySentence = (list: Statement[]): Statement[] => list.flatMap((entry) => splitSentences(entry.text).map((part) => ({ ...entry, text: part })));
	// A note of several screens: sections that each state a run and decide about it ("PP2 x TP2
	// result ... Decision: stable but not competitive", then "TP4 n-gram new best ... Decision: this is
	// the current validated best"). Each is a run of its own, with its own decision; one headline run
	// would take the first section's number and every section's decision.
	const screens = screenSections(all, path);
	const inScreen = new Set(screens.flatMap((section) => section.lines.map((entry) => entry.line)));
	const statements = bySentence(reading.filter((section) => !decisions.includes(section)).flatMap((section) => statementLines(section.lines))).filter((sentence) => !inScreen.has(sentence.line));
	// A sentence that doubts a run speaks of that run, and bullets under "Promoted baseline:" are the reference's.
	const references = statements.filter((sentence) => isReferenceLead(sentence.lead) && !DOUBT_WORDS.test(sentence.text));
	const qualityFirst = (list: Statement[]) => {
		const inQuality = new Set(all.filter((section) => /quality|correctness|gate/i.test(section.heading)).flatMap((section) => section.lines.map((entry) => entry.line)));
		return [...list].sort((a, b) => Number(!inQuality.has(a.line)) - Number(!inQuality.has(b.line)));
	};
	const facts = meanFirst(statements.filter((sentence) => !DOUBT_WORDS.test(sentence.text) && !references.includes(sentence)));
	// A results section read for its verdict can hold the reference too ("Promoted strict baseline:"
	// with its number and LocalMaxxing id): those bullets are not this run's.
	const decisionLines = decisions.flatMap((section) => statementLines(section.lines)).filter((sentence) => !isReferenceLead(sentence.lead) || DOUBT_WORDS.test(sentence.text));
	const repeats = repeatTables(lines, path);
	const headline = observe([...facts, ...decisionLines], { source: path, title, date, track });
	// The mean row of a repeats table outranks a number in prose (prose also cites other runs).
	for (const claim of repeats.runs) {
		headline.claims = headline.claims.filter((existing) => existing.field !== claim.field);
		headline.claims.unshift(claim);
	}
	if (repeats.runs.length) headline.keys.outputTokPerS = headline.claims.find((claim) => claim.field === 'metrics.outputTokPerS')?.value as number | undefined;
	if (headline.keys.outputTokPerS === undefined) delete headline.keys.outputTokPerS;
	// Quality: the Quality section's statement outranks a passing mention elsewhere.
	// Plans ("## Next Steps: Continue work on quality-safe fusion") say nothing about this run's quality.
	const planLines = new Set(all.filter((section) => PLAN_SECTION.test(section.heading)).flatMap((section) => section.lines.map((entry) => entry.line)));
	// A verdict beside another run's figure ("the current quality-cleared anchor is 37.55 output
	// tok/s") is that run's; "This is quality-safe, but slower than the 61.46 tok/s result" is this one's.
	const ownFigure = headline.keys.outputTokPerS;
	const aboutAnotherRun = (sentence: Statement) => {
		const clause = verdictClause(sentence.text);
		if (clause === undefined) return false;
		const figures = throughputs(clause).filter((entry) => entry.metric === 'output');
		const bare = [...clause.matchAll(/(?<![\w.])(\d+(?:\.\d+)?)\s*`?\s*tok(?:ens)?\/s/gi)].map((match) => Number(match[1]));
		// With no figure of its own, the run cannot be told from the one the clause measures.
		if (ownFigure === undefined) return figures.length > 0 || bare.length > 0;
		return [...figures.map((entry) => entry.value), ...bare].some((figure) => !labelValuesAgree(figure, ownFigure));
	};
	const quality = observe(
		qualityFirst(bySentence([...statementLines(lines)])).filter((sentence) => !DOUBT_WORDS.test(sentence.text) && !isReferenceLead(sentence.lead) && !planLines.has(sentence.line) && !aboutAnotherRun(sentence)),
		{ source: path },
	).claims.find((claim) => claim.field === 'quality');
	headline.claims = headline.claims.filter((claim) => claim.field !== 'quality');
	if (quality) headline.claims.push(quality);
	// The reference the candidate was measured against, from "Baseline:" bullets and tables.
	const referenceClaims = observe(references, { source: path }).claims;
	const referenceValue: ComparedWith = {};
	for (const field of ['metrics.outputTokPerS', 'metrics.totalTokPerS'] as const) {
		const claim = referenceClaims.find((entry) => entry.field === field);
		if (claim) referenceValue[field === 'metrics.outputTokPerS' ? 'outputTokPerS' : 'totalTokPerS'] = claim.value as number;
	}
	if (Object.keys(referenceValue).length) {
		const lead = references.find((sentence) => sentence.lead)?.lead;
		if (lead) referenceValue.label = plain(lead).replace(/:\s*$/, '').trim();
		headline.claims.push({ field: CLAIM_FIELDS.comparedWith, value: referenceValue, basis: 'stated', evidence: referenceClaims[0].evidence });
	}
	for (const { value, line } of repeats.references) headline.claims.push({ field: CLAIM_FIELDS.comparedWith, value, basis: 'stated', evidence: sentenceEvidence(path, line, lines[line - 1]?.text ?? '') });
	// Status from the Decision, and from lines labeled as a verdict anywhere ("Status: rejected before benchmark.").
	const labeled = statementLines(lines).filter((sentence) => VERDICT_LINE.test(sentence.text) && !decisionLines.some((entry) => entry.line === sentence.line) && !inScreen.has(sentence.line));
	const verdict = observe([...labeled, ...decisionLines], { source: path, date, track, statusFromWords: true });
	headline.statuses.push(...verdict.statuses);
	headline.cited = [...(headline.cited ?? []), ...(verdict.cited ?? [])];
	// Each doubting sentence, anywhere in the note: about the run it names (number or id), else about the note's run.
	for (const sentence of bySentence(statementLines(lines)).filter((entry) => DOUBT_WORDS.test(entry.text) || familyDoubtIn(entry.text))) {
		const doubt = observe([sentence], { source: path, date, track, statusFromWords: true });
		// A family of earlier runs named by a rough figure ("the old invalid ~73 tok/s results").
		headline.cited.push(...(doubt.cited?.filter((run) => run.keys.outputRange) ?? []));
		if (!doubt.statuses.length || !DOUBT_WORDS.test(sentence.text)) continue;
		if (doubt.keys.outputTokPerS !== undefined || doubt.keys.localmaxxingId) {
			doubt.title = plain(sentence.text).slice(0, 100);
			headline.cited.push(doubt);
		} else for (const status of doubt.statuses) if (!headline.statuses.some((entry) => entry.status === status.status)) headline.statuses.push(status);
	}
	// Runs the note names by LocalMaxxing id: the one a line calls current, the one a LocalMaxxing section lists.
	const skip = (sentence: Statement) => inScreen.has(sentence.line) || planLines.has(sentence.line) || isReferenceLead(sentence.lead);
	headline.cited = [...(headline.cited ?? []), ...runsCalledCurrent(statementLines(lines).filter((sentence) => !skip(sentence)), { source: path, date, track })];
	if (!headline.keys.localmaxxingId) {
		const listed = all.filter((section) => !inScreen.has(section.lines[0]?.line ?? -1));
		headline.cited.push(...listedSubmissions(listed, lines, { source: path, date, track }));
	}
	// The note itself and the data files it names are records of this run.
	const files = new Set([path, ...(headline.keys.files ?? [])]);
	for (const section of all.filter((entry) => ARTIFACT_SECTION.test(entry.heading))) {
		for (const entry of section.lines) for (const file of labFiles(entry.text)) files.add(file);
	}
	headline.keys.files = [...files];
	// "passed the strict quality gate:" over a list of hashes: the list says which method.
	const stated = headline.claims.find((claim) => claim.field === 'quality');
	const qualityText = all.filter((section) => /quality/i.test(section.heading)).flatMap((section) => section.lines.map((entry) => entry.text)).join(' ');
	const statedMethod = (stated?.value as { method?: string } | undefined)?.method;
	if (stated && (!statedMethod || statedMethod === 'gates-not-named') && /\b(?:exact|hash)/i.test(qualityText)) {
		stated.value = { ...(stated.value as object), method: 'exact-token-hashes' };
	}
	// A verdict that still names no gate, in a section that is not the note's result, decision or
	// quality ("Current Diagnosis: the root-residual path is not quality-cleared"), is as likely another path's.
	const inResultSections = new Set(all.filter((section) => RESULT_SECTION.test(section.heading) || /quality|correctness|gate/i.test(section.heading)).flatMap((section) => section.lines.map((entry) => entry.line)));
	if (stated && namesNoGates(stated) && stated.evidence.kind === 'sentence' && !inResultSections.has(stated.evidence.line)) {
		headline.claims = headline.claims.filter((claim) => claim !== stated);
	}
	// A gate table ("Gate | Result" rows of passed / failed) says it better than any sentence.
	const gates = gateTable(lines, path);
	if (gates) headline.claims = [...headline.claims.filter((claim) => claim.field !== 'quality'), gates];
	// A run that failed its quality gates is a negative result, whatever else the Decision says.
	const failed = headline.claims.find((claim) => claim.field === 'quality' && (claim.value as { passed?: boolean }).passed === false);
	if (failed && !headline.statuses.some((entry) => entry.status === 'negative')) {
		headline.statuses.push({ status: 'negative', ...(date ? { date } : {}), basis: 'stated', evidence: failed.evidence });
	}
	if (hasSubstance(headline)) result.observations.push(...withCited(headline));
	else result.observations.push(...withCited(headline).slice(1));
	for (const section of screens) {
		const own = bySentence(statementLines(section.lines));
		const verdicts = own.filter((sentence) => VERDICT_LINE.test(sentence.text));
		const screen = observe(
			own.filter((sentence) => !DOUBT_WORDS.test(sentence.text) && !isReferenceLead(sentence.lead)),
			{ source: path, title: `${title ? `${title}: ` : ''}${plain(section.heading)}`, date, track },
		);
		const verdict = observe(verdicts, { source: path, date, track, statusFromWords: true });
		screen.statuses.push(...verdict.statuses);
		screen.keys.files = [path];
		if (hasSubstance(screen)) result.observations.push(screen);
	}
	// Guardrails the note states ("The quality path is unchanged: no speculative decode ...") hold for
	// every run of its experiment: the rows of its result tables, not a baseline or reference row.
	const guardrails = quality && isGuardrailsOnly(quality) ? quality : undefined;
	for (const table of tables(lines)) {
		if (!isResultTable(table) || repeats.consumed.has(table.line)) continue;
		const rows: RunObservation[] = tableObservations(table, { source: path, track, statusDate: date });
		const referenceTable = isReferenceLead(leadAbove(lines, table.line));
		for (const row of rows) {
			if (date) row.date ??= date;
			if (guardrails && !referenceTable && !REFERENCE_ROW.test(row.title ?? '') && !row.claims.some((claim) => claim.field === 'quality')) row.claims.push(guardrails);
		}
		if (!referenceTable) decideTheCandidateRow(headline, rows);
		result.observations.push(...rows);
	}
	if (!result.observations.length) result.skipped.push({ path, reason: 'states no throughput with its unit, LocalMaxxing id or decision in its result sections or tables' });
	return result;
}
