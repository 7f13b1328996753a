/**
 * The lab's markdown as the readers need it: lines with their numbers, `##` sections, blocks of
 * bullets under a lead line ("Previous promoted MiniMax baselines:"), and pipe tables. Line based
 * on purpose: every claim cites a line, and the lab's layout is simple enough that a full markdown
 * parser would only lose the line numbers.
 */
import { dateOfLine, firstIsoDate } from '../../notes/date-line';
import { atxHeading } from '../../text/heading';

export interface MdLine {
	/** 1-based line number in the file. */
	line: number;
	text: string;
}

export interface Section {
	heading: string;
	level: number;
	/** Line of the heading (0 for the text before the first heading). */
	line: number;
	lines: MdLine[];
}

/** A bullet with its continuation lines joined and its nested bullets. */
export interface Bullet {
	line: number;
	indent: number;
	text: string;
	children: Bullet[];
}

/** A lead line ending with ":" and the bullets under it (lead absent for bullets at a section's start). */
export interface Block {
	lead?: MdLine;
	bullets: Bullet[];
}

export interface TableRow {
	line: number;
	cells: string[];
}

export interface Table {
	line: number;
	header: string[];
	rows: TableRow[];
}

/** Lines of the text, with fenced code blocks blanked (commands and logs are not statements). */
export function mdLines(text: string): MdLine[] {
	let fenced = false;
	return text.split(/\r?\n/).map((raw, index) => {
		const fence = /^\s*(```|~~~)/.test(raw);
		if (fence) fenced = !fenced;
		return { line: index + 1, text: fence || fenced ? '' : raw };
	});
}

/** Sections split at headings of `level` or above (e.g. 2: `#` and `##` both start a section). */
export function sections(lines: MdLine[], level = 2): Section[] {
	const out: Section[] = [{ heading: '', level: 0, line: 0, lines: [] }];
	for (const entry of lines) {
		const heading = atxHeading(entry.text);
		if (heading && heading.level <= level) {
			out.push({ heading: heading.text, level: heading.level, line: entry.line, lines: [] });
		} else out.at(-1)!.lines.push(entry);
	}
	return out.filter((section) => section.line > 0 || section.lines.some((entry) => entry.text.trim()));
}

const BULLET = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;

export interface BlockOptions {
	/**
	 * Also take a heading (`### Previous promoted baselines`) or a bold lead
	 * (`**Previous promoted baselines:**`) as the lead of the bullets under it: summary files
	 * such as CURRENT.md switch between these and plain lead lines from one revision to the next.
	 */
	looseLeads?: boolean;
}

/** A line that ends with ":" (with `loose`, also ":**"): checked on the trimmed line, so a run of spaces costs nothing. */
const endsLead = (text: string, loose: boolean): boolean => (loose ? /:(?:\*\*|__)?$/ : /:$/).test(text.trimEnd());

/**
 * The lead standing just above a line (a table's first row): a heading, or a line ending with ":"
 * (bold or not); undefined when other text stands there.
 */
export function leadAbove(lines: MdLine[], line: number): MdLine | undefined {
	const last = lines.filter((entry) => entry.line < line && entry.text.trim()).at(-1);
	if (!last) return undefined;
	const heading = atxHeading(last.text);
	if (heading) return { line: last.line, text: heading.text };
	return endsLead(last.text, true) ? { line: last.line, text: last.text.trim() } : undefined;
}

/**
 * Blocks of bullets. A non-bullet line ending with ":" opens a block; other paragraph lines close
 * it (and form no block). Continuation lines (indented, not bullets) join their bullet.
 */
export function blocks(lines: MdLine[], options: BlockOptions = {}): Block[] {
	const out: Block[] = [];
	let current: Block | undefined;
	let stack: Bullet[] = [];
	// The paragraph being read: a lead is the whole paragraph that ends with ":", not its last line.
	let paragraph: MdLine | undefined;
	for (const entry of lines) {
		const text = entry.text;
		if (!text.trim()) {
			paragraph = undefined;
			continue;
		}
		const inParagraph = paragraph;
		paragraph = undefined;
		const heading = atxHeading(text);
		if (heading) {
			current = options.looseLeads && heading.text ? { lead: { line: entry.line, text: heading.text }, bullets: [] } : undefined;
			if (current) out.push(current);
			stack = [];
			continue;
		}
		const bullet = BULLET.exec(text);
		if (bullet) {
			if (!current) {
				current = { bullets: [] };
				out.push(current);
				stack = [];
			}
			const node: Bullet = { line: entry.line, indent: bullet[1].replace(/\t/g, '    ').length, text: bullet[2].trim(), children: [] };
			while (stack.length && stack.at(-1)!.indent >= node.indent) stack.pop();
			if (stack.length) stack.at(-1)!.children.push(node);
			else current.bullets.push(node);
			stack.push(node);
			continue;
		}
		if (/^\s+\S/.test(text) && current && stack.length) {
			stack.at(-1)!.text += ` ${text.trim()}`;
			continue;
		}
		if (/^\s*\|/.test(text)) {
			current = undefined;
			continue;
		}
		const joined: MdLine = inParagraph ? { line: inParagraph.line, text: `${inParagraph.text} ${text.trim()}` } : { line: entry.line, text: text.trim() };
		if (endsLead(text, options.looseLeads === true)) {
			current = { lead: joined, bullets: [] };
			out.push(current);
			stack = [];
		} else {
			current = undefined;
			paragraph = joined;
		}
	}
	return out;
}

/** A bullet and its nested bullets, depth first. */
export function flatten(bullets: Bullet[]): Bullet[] {
	return bullets.flatMap((bullet) => [bullet, ...flatten(bullet.children)]);
}

const splitRow = (text: string): string[] => {
	const inner = text.trim().replace(/^\|/, '').replace(/\|\s*$/, '');
	return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
};

/** Pipe tables (a header row followed by a `---` separator row). */
export function tables(lines: MdLine[]): Table[] {
	const out: Table[] = [];
	for (let index = 0; index + 1 < lines.length; index++) {
		const head = lines[index];
		const rule = lines[index + 1];
		if (!/^\s*\|/.test(head.text) || !/^\s*(?:\|\s*)?:?-{2,}/.test(rule.text)) continue;
		const table: Table = { line: head.line, header: splitRow(head.text), rows: [] };
		let next = index + 2;
		while (next < lines.length && /^\s*\|/.test(lines[next].text)) {
			table.rows.push({ line: lines[next].line, cells: splitRow(lines[next].text) });
			next++;
		}
		out.push(table);
		index = next - 1;
	}
	return out;
}

/** Text without markdown code ticks and emphasis, for matching words and numbers. */
export const plain = (text: string): string => text.replace(/`/g, '').replace(/\*\*/g, '');

/**
 * The line that dates the file, in its first lines: `Date: 2026-05-18` and the other wordings
 * `dateOfLine` knows, else a date in the H1 (`# Current Promoted Results (2026-05-19)`).
 */
export function dateLine(lines: MdLine[]): MdLine & { date: string } | undefined {
	const head = lines.slice(0, 40);
	for (const entry of head) {
		const date = dateOfLine(entry.text);
		if (date) return { ...entry, date };
	}
	const title = head.find((entry) => atxHeading(entry.text)?.level === 1);
	const date = title && firstIsoDate(title.text);
	return title && date ? { ...title, date } : undefined;
}
