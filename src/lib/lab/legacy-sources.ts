/**
 * The lab's legacy material that becomes imported records: LocalMaxxing payloads (with their
 * response), queue files, llama-bench JSONL runs in results/, CURRENT.md and the old hand-written
 * timeline. One function per source kind lives in legacy-records.ts; this module finds the files.
 */
import type { TimelineFile } from '../schema/timeline';
import type { LegacyContext, LegacyImport, LegacyRecord } from './legacy-records';
import { importCurrent, importLlamaBenchRun, importPayload, importQueue } from './legacy-records';
import { importLegacyTimeline, LEGACY_TIMELINE_FILE } from './legacy-timeline-records';
import { parseLegacyTimeline } from './legacy-timeline';

export interface LegacySourcesInput {
	/** Every lab file by path (text for the kinds the scan reads). */
	byPath: ReadonlyMap<string, { path: string; text?: string }>;
	/** JSON files under data/ that are not strict records or site data. */
	dataJson: ReadonlyArray<{ path: string; text?: string }>;
	/** Root files (CURRENT.md, the old timeline) are lab material only in a lab checkout. */
	includeRootDocuments: boolean;
	/** The year notes are mostly dated in, for the old timeline's "May 3" dates. */
	usualYear: number;
	context: LegacyContext;
}

export interface LegacySources {
	records: LegacyRecord[];
	skipped: LegacyImport['skipped'];
	legacyTimeline?: TimelineFile;
}

function responseOf(payloadPath: string, byPath: LegacySourcesInput['byPath']): { path: string; text: string } | undefined {
	const stemName = (payloadPath.split('/').at(-1) ?? '').replace(/\.payload\.json$/, '');
	const folder = payloadPath.split('/').slice(0, -1).join('/');
	const path = [stemName.replace(/^localmaxxing-/, ''), stemName]
		.flatMap((name) => [`${folder}/localmaxxing-responses/${name}.response.json`, `${folder}/${name}.response.json`])
		.find((candidate) => byPath.get(candidate)?.text !== undefined);
	return path ? { path, text: byPath.get(path)!.text! } : undefined;
}

export function importLegacySources(input: LegacySourcesInput): LegacySources {
	const { byPath, context } = input;
	const imports: LegacyImport[] = [];
	for (const file of input.dataJson) {
		if (file.path.endsWith('.payload.json')) imports.push(importPayload(file.path, file.text ?? '', responseOf(file.path, byPath), context));
		else if (file.path.endsWith('.queue.json')) imports.push(importQueue(file.path, file.text ?? '', context));
	}
	for (const file of byPath.values()) {
		if (!/^results\/.+\.jsonl$/.test(file.path) || file.text === undefined) continue;
		imports.push(importLlamaBenchRun(file.path, file.text, byPath.get(file.path.replace(/\.jsonl$/, '.meta.txt'))?.text, context));
	}
	const current = byPath.get('CURRENT.md')?.text;
	if (current !== undefined && input.includeRootDocuments) imports.push(importCurrent('CURRENT.md', current, context));

	let legacyTimeline: TimelineFile | undefined;
	const oldTimeline = byPath.get(LEGACY_TIMELINE_FILE)?.text;
	if (oldTimeline !== undefined && input.includeRootDocuments) {
		// A link in the old timeline is kept when it is an https URL or a file of the lab.
		const sourcePath = (href: string): string | undefined => {
			if (/^https:\/\//.test(href)) return href;
			const path = href.replace(/^\.\//, '').replace(/#.*$/, '');
			return byPath.has(path) ? path : undefined;
		};
		const imported = importLegacyTimeline(parseLegacyTimeline(oldTimeline, input.usualYear), LEGACY_TIMELINE_FILE, sourcePath);
		imports.push(imported);
		legacyTimeline = imported.timeline;
	}

	// Two legacy sources can name the same run (two CURRENT.md sections with one heading, say):
	// keep both, the second with a suffix, rather than letting one overwrite the other.
	const seenIds = new Map<string, number>();
	const records = imports.flatMap((result) => result.records).map((record) => {
		const count = (seenIds.get(record.id) ?? 0) + 1;
		seenIds.set(record.id, count);
		return count === 1 ? record : { ...record, id: `${record.id}-${count}` };
	});
	return { records, skipped: imports.flatMap((result) => result.skipped), legacyTimeline };
}
