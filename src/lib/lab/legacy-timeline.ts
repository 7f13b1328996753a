/**
 * The lab's old hand-written timeline (optimization-timeline.html): one table, section rows per
 * track, then rows of Track, Date, Change / action, Result after change, Gain, Why it stayed in
 * the path, Source. Each row becomes a timeline step; a row with a measured figure also becomes an
 * imported record, so the figure is shown with the labels it has (few) and the gain is computed,
 * never copied from the old Gain column.
 */
import { slugify } from '../text/slug';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { projectTracks, trackOf, type Track } from './tracks';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface LegacyTimelineRow {
	track: { id: string; label: string };
	date?: string;
	change: string;
	result: string;
	/** The figure in "Result after change", e.g. 37.69 from "37.690 tok/s, 2x". */
	value?: number;
	/** The card count in "Result after change", e.g. 2 from "37.690 tok/s, 2x". */
	gpuCount?: number;
	why: string;
	sources: string[];
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const children = (node: Node): Node[] => ('childNodes' in node ? (node.childNodes as Node[]) : []);
function* walk(node: Node): Generator<Node> {
	yield node;
	for (const child of children(node)) yield* walk(child);
}
const textOf = (node: Node): string => [...walk(node)].map((child) => (child.nodeName === '#text' ? (child as DefaultTreeAdapterMap['textNode']).value : '')).join('').replace(/\s+/g, ' ').trim();
const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "May 3", "May 3-4" -> 2026-05-03 (the first day), in the given year. */
export function legacyDate(text: string, year: number): string | undefined {
	const match = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})/.exec(text);
	const month = match ? MONTHS.indexOf(match[1].toLowerCase()) : -1;
	if (!match || month < 0) return undefined;
	return `${year}-${String(month + 1).padStart(2, '0')}-${match[2].padStart(2, '0')}`;
}

export function parseLegacyTimeline(html: string, year: number, tracks: readonly Track[] = projectTracks()): LegacyTimelineRow[] {
	const document = parse(html);
	const rows = [...walk(document)].filter((node): node is Element => isElement(node) && node.tagName === 'tr');
	let track = { id: 'unclassified', label: 'Unclassified' };
	// The track of the section's last row: a section may cover two tracks in turn ("MiniMax M2.7,
	// GGUF/RPC and AutoRound/vLLM"), and a row whose words name neither continues the one before.
	let current = track;
	const parsed: LegacyTimelineRow[] = [];
	for (const row of rows) {
		const cells = children(row).filter((node): node is Element => isElement(node) && (node.tagName === 'td' || node.tagName === 'th'));
		if (cells.length === 1) {
			const label = textOf(cells[0]);
			track = { id: trackOf({ name: label, title: label }, tracks) ?? slugify(label), label };
			current = track;
			continue;
		}
		if (cells.length < 7 || cells.every((cell) => cell.tagName === 'th')) continue;
		const [trackCell, date, change, result, , why, source] = cells;
		const resultText = textOf(result);
		const figure = /(\d+(?:\.\d+)?)\s*tok\/s/i.exec(resultText);
		const cards = /\b(\d)x\b/.exec(resultText);
		const cell = textOf(trackCell);
		// "Qwen Q4" under "Qwen3.6 27B Q4_0 GGUF" names the section's model; "Not promoted" is a group of its own.
		const ownGroup = cell !== '' && !track.label.toLowerCase().startsWith(cell.toLowerCase().split(/\s+/)[0].replace(/[^a-z0-9.]+$/, ''));
		let rowTrack = track;
		if (ownGroup) rowTrack = { id: slugify(cell), label: cell };
		else {
			// Only words that name a track's engine or format move the row: the model alone says nothing new.
			const named = trackOf({ name: `${cell} ${textOf(change)}`, title: '' }, tracks, { byModelAlone: false });
			if (named && named !== current.id) current = { id: named, label: tracks.find((entry) => entry.id === named)?.label ?? track.label };
			rowTrack = current;
		}
		parsed.push({
			track: rowTrack,
			date: legacyDate(textOf(date), year),
			change: textOf(change),
			result: resultText,
			value: figure ? Number(figure[1]) : undefined,
			gpuCount: cards ? Number(cards[1]) : undefined,
			why: textOf(why),
			sources: [...walk(source)].filter((node): node is Element => isElement(node) && node.tagName === 'a').map((anchor) => attribute(anchor, 'href') ?? '').filter(Boolean),
		});
	}
	return parsed;
}
