/**
 * CURRENT.md: per `##` track section, the current promoted result (a block of "Key: value"
 * bullets), the previous promoted baselines, follow-ups, and recent rejections and screens.
 *
 * The layout drifts between revisions ("Previous promoted baseline:" with its own Result /
 * LocalMaxxing bullets, or "Previous promoted MiniMax baselines:" with one bullet per run), so
 * blocks are told apart by their lead line's words and by whether their bullets are the fields of
 * one run (Model, Result, LocalMaxxing...) or one run each.
 */
import { CLAIM_FIELDS, sentenceEvidence, type ReaderResult, type RunObservation, type RunStatus } from '../claims';
import { blocks, dateLine, flatten, leadAbove, mdLines, plain, sections, tables, type Block, type Bullet, type MdLine, type Table } from './markdown';
import { columnRole, isResultTable, tableObservations } from './tables';
import { addClaim, hasSubstance, observe, withCited, type Sentence } from './observe';
import { labFiles } from './statements';

type BlockKind = 'current' | 'previous' | 'rejections' | 'artifacts' | 'targets' | 'other';

/** "Key: value" bullets whose key names a field of one run. */
const RUN_FIELD_KEYS = /^(?:model|hardware|engine|recipe|shape|result|results|quality|delta|localmaxxing(?:\s+id)?|repeats?)$/i;
const KEY = /^([A-Za-z][\w /()-]{0,40}?):\s+(.*)$/;

export const bulletKey = (bullet: Bullet): { key: string; value: string } | undefined => {
	const match = KEY.exec(bullet.text);
	return match ? { key: match[1].trim(), value: match[2] } : undefined;
};

function kindOf(block: Block): BlockKind {
	const lead = plain(block.lead?.text ?? '').toLowerCase();
	if (/\bartifacts?\b/.test(lead)) return 'artifacts';
	if (/\bnext\b|\btargets?\b|\btodo\b/.test(lead)) return 'targets';
	if (/\bprevious\b|\bearlier\b|\bformer\b/.test(lead) && /\bbaselines?\b|\bpromoted\b|\bresults?\b/.test(lead)) return 'previous';
	if (/\breject|\bscreens?\b|\bnegative\b|\bneutral\b/.test(lead)) return 'rejections';
	// "Current strict ... result:", not "Recent retie on the current baseline:".
	if (/^(?:the\s+)?current\b/.test(lead) && /\bresult|\bbest\b|\bpromoted\b|\bbaseline\b/.test(lead) && isSingleRun(block)) return 'current';
	return 'other';
}

const isSingleRun = (block: Block): boolean =>
	block.bullets.some((bullet) => {
		const key = bulletKey(bullet)?.key;
		return key !== undefined && /^(?:result|results|localmaxxing(?:\s+id)?|model)$/i.test(key);
	});

const sentencesOf = (bullets: Bullet[]): Sentence[] => flatten(bullets).map((bullet) => ({ line: bullet.line, text: bullet.text }));

/** Fields of a single-run block: Result first, so its number is the run's, then the rest in order. */
function singleRunSentences(block: Block): Sentence[] {
	const all = block.bullets.filter((bullet) => {
		const key = bulletKey(bullet)?.key;
		return !key || !/^(?:decision|artifacts?|recipe)$/i.test(key);
	});
	const rank = (bullet: Bullet) => (/^results?$/i.test(bulletKey(bullet)?.key ?? '') ? 0 : 1);
	// A bullet led by the run's own name ("Same path with delayed attention: 81.7 output tok/s") states this run.
	const unnamed = all.map((bullet) => {
		const name = /^([^:]{1,160}?):\s+(.*)$/.exec(bullet.text);
		return name && !RUN_FIELD_KEYS.test(name[1].trim()) && !/^confirmation|^repeat/i.test(name[1].trim()) ? { ...bullet, text: name[2] } : bullet;
	});
	return sentencesOf([...unnamed].sort((a, b) => rank(a) - rank(b)));
}

const titleOf = (text: string): string => {
	const key = KEY.exec(text);
	const lead = key && !/^(?:result|decision)$/i.test(key[1]) ? key[1] : plain(text).split(/[:;]|\s+(?:passed|failed|with|on top)\b/)[0];
	return plain(lead).trim().slice(0, 100);
};

interface Context {
	source: string;
	date?: string;
	track: string;
}

/** The Model and Engine bullets (labels the generic sentence rules do not read). */
function fieldBullets(block: Block, observation: RunObservation, context: Context) {
	for (const bullet of block.bullets) {
		const entry = bulletKey(bullet);
		if (!entry) continue;
		const evidence = sentenceEvidence(context.source, bullet.line, plain(bullet.text));
		const add = (field: string, value: unknown) => addClaim(observation.claims, { field, value, basis: 'stated', evidence });
		if (/^model$/i.test(entry.key)) {
			const id = /`([^`]+)`/.exec(entry.value)?.[1] ?? plain(entry.value).split(/[,\s]/)[0];
			if (id) add('model.id', id);
		}
		if (/^engine$/i.test(entry.key)) {
			const name = plain(entry.value).split(/[\s,`]/)[0];
			if (name) add('software.engine.name', name);
			const version = /`([^`]+)`/.exec(entry.value)?.[1];
			if (version) add('software.engine.version', version);
			const tp = /\bTP\s?(\d{1,2})\b/.exec(entry.value);
			if (tp) add(CLAIM_FIELDS.tensorParallel, Number(tp[1]));
		}
		if (/^localmaxxing(?:\s+id)?$/i.test(entry.key) && !observation.keys.localmaxxingId) {
			const id = /\bcm[a-z0-9]{23}\b/.exec(entry.value)?.[0];
			if (id) observation.keys.localmaxxingId = id;
		}
	}
}

function readBlock(block: Block, context: Context, current: RunObservation | undefined, kind = kindOf(block)): RunObservation[] {
	const { source, date, track } = context;
	const lead = block.lead;
	if (kind === 'targets') return [];
	if (kind === 'artifacts') {
		// Primary artifacts of the current result: files that record the same run.
		if (current) {
			const files = new Set([...(current.keys.files ?? []), ...sentencesOf(block.bullets).flatMap((sentence) => labFiles(sentence.text))]);
			if (files.size) current.keys.files = [...files];
		}
		return [];
	}
	// Without a lead, a current block's first bullet is what says it (the file lists current results).
	const said = lead ?? (kind === 'current' ? block.bullets[0] : undefined);
	const leadStatus = (status: RunStatus, withDate: boolean) =>
		said ? [{ status, line: said.line, text: said.text, ...(withDate && date ? { date } : {}) }] : [];
	if (kind === 'current' || isSingleRun(block)) {
		const statuses =
			kind === 'current'
				? leadStatus('promoted', true)
				: kind === 'previous'
					? [...leadStatus('promoted', false), ...leadStatus('superseded', true)]
					: [];
		const decision = block.bullets.filter((bullet) => /^decision$/i.test(bulletKey(bullet)?.key ?? ''));
		const observation = observe([...singleRunSentences(block), ...sentencesOf(block.bullets.filter((bullet) => /^artifacts?$/i.test(bulletKey(bullet)?.key ?? '')))], {
			source,
			title: plain(lead?.text ?? '').replace(/:\s*$/, '').trim() || undefined,
			date: kind === 'current' ? date : undefined,
			track,
			statuses,
		});
		if (kind !== 'current' && kind !== 'previous') {
			const words = observe(sentencesOf(decision), { source, statusDate: date, statusFromWords: true });
			observation.statuses.push(...words.statuses);
		}
		fieldBullets(block, observation, context);
		return hasSubstance(observation) ? withCited(observation) : [];
	}
	// One run per bullet; "Decision:" and "Artifacts:" bullets speak for the whole block.
	const shared = block.bullets.filter((bullet) => /^(?:decision|artifacts?)$/i.test(bulletKey(bullet)?.key ?? ''));
	const decision = shared.filter((bullet) => /^decision$/i.test(bulletKey(bullet)?.key ?? ''));
	const out: RunObservation[] = [];
	for (const bullet of block.bullets) {
		if (shared.includes(bullet)) continue;
		// The bullet's "Name:" names this run: it is not a reference label ("First TP2 baseline: 50.0 output tok/s").
		const name = /^([^:]{1,160}?):\s+(.*)$/.exec(bullet.text);
		const sentences = sentencesOf([{ ...bullet, text: name ? name[2] : bullet.text }]);
		const statuses =
			kind === 'previous' ? [...leadStatus('promoted', false), ...leadStatus('superseded', true)] : [];
		const observation = observe(sentences, {
			source,
			title: titleOf(bullet.text),
			track,
			statuses,
			statusFromWords: kind !== 'previous',
			statusDate: date,
		});
		if (kind !== 'previous') {
			if (!observation.statuses.length && decision.length) {
				const words = observe(sentencesOf(decision), { source, statusDate: date, statusFromWords: true });
				observation.statuses.push(...words.statuses);
			}
			// A bullet in a rejection list that states no verdict of its own was still not promoted.
			if (kind === 'rejections' && !observation.statuses.length && lead) {
				observation.statuses.push({ status: 'rejected', ...(date ? { date } : {}), basis: 'stated', evidence: sentenceEvidence(source, lead.line, plain(lead.text)) });
			}
		}
		if (observation.keys.outputTokPerS !== undefined || observation.keys.localmaxxingId || observation.statuses.length) out.push(...withCited(observation));
		else out.push(...withCited(observation).slice(1));
	}
	return out;
}

/**
 * A table of runs ("Previous promoted baselines:" as | Result | Output tok/s | LocalMaxxing |): one
 * run per row, with the status its lead gives (a status column speaks for its own row).
 */
function readTable(table: Table, lines: MdLine[], context: Context): RunObservation[] {
	if (!isResultTable(table) && !table.header.some((header) => columnRole(header) === 'id')) return [];
	const rows = tableObservations(table, { source: context.source, track: context.track, statusDate: context.date });
	const lead = leadAbove(lines, table.line);
	if (!lead) return rows;
	const leadKind = kindOf({ lead, bullets: [] });
	// "Current ... result:" over a table of one row: that row is the current result.
	const kind = leadKind === 'other' && rows.length === 1 && /^(?:the\s+)?current\b/i.test(plain(lead.text).trim()) ? 'current' : leadKind;
	if (kind === 'targets' || kind === 'artifacts') return [];
	const evidence = sentenceEvidence(context.source, lead.line, plain(lead.text));
	const said = (status: RunStatus, dated: boolean) => ({ status, ...(dated && context.date ? { date: context.date } : {}), basis: 'stated' as const, evidence });
	for (const row of rows) {
		if (kind === 'current') {
			row.statuses.push(said('promoted', true));
			if (context.date) row.date = context.date;
		} else if (kind === 'previous') row.statuses.push(said('promoted', false), said('superseded', true));
		else if (kind === 'rejections' && !row.statuses.length) row.statuses.push(said('rejected', true));
	}
	return rows;
}

export function readCurrentMd(path: string, text: string): ReaderResult {
	const lines = mdLines(text);
	const date = dateLine(lines)?.date;
	const result: ReaderResult = { observations: [], skipped: [] };
	if (!date) result.skipped.push({ path, reason: 'no "Date:" line: statuses from this file are undated' });
	for (const section of sections(lines, 2)) {
		if (section.level !== 2) continue;
		const track = plain(section.heading).trim();
		if (/^next\b|targets?$/i.test(track)) continue;
		let current: RunObservation | undefined;
		const sectionBlocks = blocks(section.lines, { looseLeads: true });
		// A layout without a "Current ... result:" lead: the section's first unlabelled result block is its current result.
		const hasCurrent = sectionBlocks.some((block) => kindOf(block) === 'current');
		const implicit = hasCurrent ? undefined : sectionBlocks.find((block) => kindOf(block) === 'other' && isSingleRun(block));
		for (const block of sectionBlocks) {
			const kind = block === implicit ? 'current' : kindOf(block);
			const found = readBlock(block, { source: path, date, track }, current, kind);
			if (!current && kind === 'current') current = found[0];
			result.observations.push(...found);
		}
		for (const table of tables(section.lines)) result.observations.push(...readTable(table, section.lines, { source: path, date, track }));
	}
	return result;
}
