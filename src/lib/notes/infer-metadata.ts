/**
 * Infers a note's title and date from its text, the way the lab writes notes today: an H1 title
 * (sometimes starting with the date), a YYYY-MM-DD filename prefix, and sometimes a `Date:` line.
 * Pure: text in, metadata out.
 */
import type { NoteData, NoteFrontmatter } from '../schema/note';
import { dateOfLine, firstIsoDate, isRealDate } from './date-line';
import { atxHeading } from '../text/heading';

/** "2026-05-06 - ", "2026-05-06: ", "2026-05-06 — ", "2026-05-06 " at the start of a title. */
const LEADING_DATE = /^\s*\d{4}-\d{2}-\d{2}\s*(?:[-–—:|]\s*)?/;
const FENCE = /^\s{0,3}(```|~~~)/;

interface TextFacts {
	h1?: string;
	dateLine?: string;
}

/** Scans lines outside fenced code for the first H1 and the first line that dates the file. */
function scan(body: string): TextFacts {
	const facts: TextFacts = {};
	let inFence = false;
	for (const line of body.split('\n')) {
		if (FENCE.test(line)) {
			inFence = !inFence;
			continue;
		}
		if (inFence) continue;
		if (facts.h1 === undefined) {
			const heading = atxHeading(line);
			if (heading?.level === 1 && heading.text) facts.h1 = heading.text;
		}
		facts.dateLine ??= dateOfLine(line);
		if (facts.h1 !== undefined && facts.dateLine !== undefined) break;
	}
	return facts;
}

/** A readable title from a file name: "b70-llm-lab-notes.md" -> "b70 llm lab notes". */
function titleFromFilename(fileName: string): string {
	return fileName
		.replace(/\.md$/i, '')
		.replace(/^\d{4}-\d{2}-\d{2}-?/, '')
		.replace(/[-_]+/g, ' ')
		.trim();
}

const stripInlineMarkdown = (text: string) => text.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1').trim();

export interface NoteSource {
	/** Path relative to the lab root, e.g. notes/2026-05-06-fp8-tp4-ngram-sweep.md. */
	path: string;
	/** The markdown without frontmatter. */
	body: string;
	/** Validated frontmatter (empty when the note has none). */
	frontmatter: NoteFrontmatter;
}

export function inferNoteMetadata({ path, body, frontmatter }: NoteSource): NoteData {
	const fileName = path.split('/').at(-1) ?? path;
	const { h1, dateLine } = scan(body);

	const headingTitle = h1 ? stripInlineMarkdown(h1.replace(LEADING_DATE, '')) : undefined;
	const title = frontmatter.title ?? (headingTitle || titleFromFilename(fileName) || fileName);

	const fileDate = /^(\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1];
	const candidates: Array<[NoteData['dateSource'], string | undefined]> = [
		['frontmatter', frontmatter.date],
		['filename', fileDate && isRealDate(fileDate) ? fileDate : undefined],
		['date-line', dateLine],
		['title', h1 ? firstIsoDate(h1) : undefined],
	];
	const [dateSource, date] = candidates.find(([, value]) => value !== undefined) ?? [undefined, undefined];

	return {
		title,
		date,
		dateSource,
		track: frontmatter.track,
		outcome: frontmatter.outcome,
		models: frontmatter.models ?? [],
		engines: frontmatter.engines ?? [],
		tags: frontmatter.tags ?? [],
		related: frontmatter.related ?? [],
		sourcePath: path,
	};
}

/**
 * The note body without its first H1: the page shows the title itself, and a second H1 would
 * repeat it and confuse the outline. Headings inside fenced code are left alone.
 */
export function withoutTitleHeading(body: string): string {
	const lines = body.split('\n');
	let inFence = false;
	for (let index = 0; index < lines.length; index++) {
		if (FENCE.test(lines[index])) inFence = !inFence;
		else if (!inFence && /^\s{0,3}#\s+\S/.test(lines[index])) {
			lines.splice(index, 1);
			return lines.join('\n');
		}
	}
	return body;
}
