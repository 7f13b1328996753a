/**
 * The import report: what the site made of a lab checkout. Computed from the same inventory the
 * build renders, so the numbers on /report/ and from `npm run report` are the numbers of the site.
 */
import { missingLabels, requiredLabelPaths, type LabRecord } from '../schema/record';
import { trackLabel } from './tracks';
import { DATA_KIND_LABELS, type DataKind } from './data-files';
import type { LabInventory } from './inventory';

export interface LabReport {
	notes: { total: number; byTrack: Record<string, number>; trackLabels: Record<string, string>; byOutcome: Record<string, number>; undated: number };
	writeups: number;
	data: { total: number; byKind: Record<string, number> };
	records: { total: number; measured: number; imported: number; byFormat: Record<string, number> };
	/** For each label, how many records lack it ("not recorded"). */
	missingLabels: Record<string, number>;
	/** For each label, how many records have it recorded (a field), stated (a sentence), from a lane, or not at all. */
	labelBasis: Record<string, LabelBasisCount>;
	unresolvedLinks: Array<{ from: string; target: string }>;
	absolutePaths: { notes: number; data: number; total: number };
	skipped: Array<{ path: string; reason: string }>;
	/** Paths under the lab that were not read at all (symbolic links, hidden files...), with why. */
	notRead: Array<{ path: string; reason: string }>;
	/** Files whose page name differs from their file name, and why. */
	renamedPages: Array<{ path: string; reason: string }>;
	/** Secrets removed before anything was built: file, line and rule, never the secret. */
	secretsRemoved: Array<{ file: string; line: number; rule: string }>;
	/** Raw HTML in notes and write-ups that the sanitiser drops, with file and line. */
	droppedHtml: Array<{ file: string; line?: number; message: string }>;
	/** Every path under the lab, accounted for: a page, a listed file, kept in the repository (linked where cited), or not read. */
	accounting: PathAccounting;
}

export interface PathAccounting {
	/** Paths found under the lab root (files, and entries not read such as links and hidden folders). */
	total: number;
	pages: number;
	listed: number;
	/** Files the site does not render (patches, configs, scripts): they stay in the repository and are linked where cited. */
	keptInRepository: number;
	notRead: number;
	/** Files left out because their name holds a secret. */
	secretInName: number;
}

/** Every path in exactly one place: pages, listed files, kept files, paths not read, secret-named files. */
export function accountForPaths(inventory: LabInventory, notRead: readonly unknown[]): PathAccounting {
	const pages = new Set([
		...inventory.notes.map((doc) => doc.path),
		...inventory.writeups.map((doc) => doc.path),
		...inventory.data.map((file) => file.path),
		...inventory.strictRecords.map((record) => record.path),
		...inventory.recipeReadmes.map((readme) => readme.path),
	]);
	const listed = new Set(inventory.otherDataFiles.map((file) => file.path).filter((path) => !pages.has(path)));
	const kept = inventory.allFiles.filter((path) => !pages.has(path) && !listed.has(path)).length;
	const secretInName = inventory.redactedSecrets.filter((secret) => secret.field === 'file name').length;
	return {
		total: inventory.allFiles.length + notRead.length + secretInName,
		pages: pages.size,
		listed: listed.size,
		keptInRepository: kept,
		notRead: notRead.length,
		secretInName,
	};
}

const tally = (keys: string[]) =>
	Object.fromEntries(
		[...keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)),
	);

export interface LabelBasisCount {
	recorded: number;
	stated: number;
	lane: number;
	notRecorded: number;
}

/** Where each label of the records came from. A measured record's labels are all recorded (its own fields). */
export function labelBasisCounts(records: readonly LabRecord[]): Record<string, LabelBasisCount> {
	const counts: Record<string, LabelBasisCount> = {};
	for (const label of requiredLabelPaths()) counts[label] = { recorded: 0, stated: 0, lane: 0, notRecorded: 0 };
	for (const record of records) {
		const missing = new Set(missingLabels(record));
		for (const label of Object.keys(counts)) {
			const count = counts[label];
			if (missing.has(label) || [...missing].some((path) => path.startsWith(`${label}.`))) count.notRecorded += 1;
			else if (record.source.kind === 'measured') count.recorded += 1;
			else {
				const basis = Object.entries(record.labelSources ?? {}).find(([path]) => path === label || path.startsWith(`${label}.`))?.[1].basis;
				count[basis ?? 'recorded'] += 1;
			}
		}
	}
	return counts;
}

export function buildReport(inventory: LabInventory, records: readonly LabRecord[], notRead: ReadonlyArray<{ path: string; reason: string }> = []): LabReport {
	const documents = [...inventory.notes, ...inventory.writeups];
	const notesAbsolute = documents.reduce((sum, doc) => sum + doc.links.absolutePaths, 0);
	const dataAbsolute = inventory.data.reduce((sum, file) => sum + file.absolutePaths, 0);
	const kinds: DataKind[] = [...inventory.data.map((file) => file.kind), ...inventory.otherDataFiles.map(() => 'other-file' as const)];
	return {
		notes: {
			total: inventory.notes.length,
			byTrack: tally(inventory.notes.map((note) => note.meta.track ?? 'unclassified')),
			trackLabels: Object.fromEntries(inventory.notes.flatMap((note) => (note.meta.track ? [[note.meta.track, trackLabel(note.meta.track, inventory.tracks)]] : []))),
			byOutcome: tally(inventory.notes.map((note) => note.meta.outcome ?? 'unclassified')),
			undated: inventory.notes.filter((note) => !note.meta.date).length,
		},
		writeups: inventory.writeups.length,
		data: { total: kinds.length, byKind: tally(kinds) },
		records: {
			total: records.length,
			measured: records.filter((record) => record.source.kind === 'measured').length,
			imported: records.filter((record) => record.source.kind === 'imported').length,
			byFormat: tally(records.map((record) => `${record.source.kind}: ${record.artifacts[0]?.format ?? 'written by hand'}`)),
		},
		missingLabels: tally(records.flatMap((record) => missingLabels(record))),
		labelBasis: labelBasisCounts(records),
		unresolvedLinks: documents.flatMap((doc) => doc.links.unresolved.map((target) => ({ from: doc.path, target }))),
		absolutePaths: { notes: notesAbsolute, data: dataAbsolute, total: notesAbsolute + dataAbsolute },
		skipped: inventory.skippedLegacy,
		notRead: [...notRead],
		renamedPages: inventory.renamedPages,
		secretsRemoved: inventory.redactedSecrets.map(({ file, line, rule }) => ({ file, line, rule })),
		droppedHtml: documents.flatMap((doc) => doc.droppedHtml),
		accounting: accountForPaths(inventory, notRead),
	};
}

export function formatReport(report: LabReport): string {
	const lines: string[] = [];
	const section = (title: string, entries: Record<string, number>, label: (key: string) => string = (key) => key) => {
		lines.push(title);
		for (const [key, count] of Object.entries(entries)) lines.push(`  ${label(key).padEnd(48)} ${count}`);
	};
	const paths = report.accounting;
	lines.push(`Paths: ${paths.total} (${paths.pages} pages, ${paths.listed} listed, ${paths.keptInRepository} kept in the repository and linked where cited, ${paths.notRead} not read, ${paths.secretInName} left out for a secret in the name)`);
	lines.push(`Notes: ${report.notes.total} (${report.notes.undated} undated); write-ups: ${report.writeups}`);
	section('Notes by track', report.notes.byTrack, (key) => (key === 'unclassified' ? 'unclassified' : (report.notes.trackLabels[key] ?? key)));
	section('Notes by outcome', report.notes.byOutcome);
	// Records, the site's declarations (data/tracks.json, data/lanes.json ...) and copied artifacts live under data/ too, but are counted elsewhere.
	if (report.data.total) {
		lines.push(`Data files: ${report.data.total}`);
		section('Data files by kind', report.data.byKind, (key) => DATA_KIND_LABELS[key as DataKind] ?? key);
	} else lines.push('Data files: 0 (no experiment data under data/; records, declarations such as data/tracks.json and copied artifacts are counted elsewhere)');
	lines.push(`Records: ${report.records.total} (${report.records.measured} measured, ${report.records.imported} imported)`);
	section('Records by source format', report.records.byFormat);
	section('Records lacking each label', report.missingLabels);
	lines.push('Where each label came from (recorded / stated / from a lane / not recorded)');
	for (const [label, count] of Object.entries(report.labelBasis)) lines.push(`  ${label.padEnd(48)} ${count.recorded} / ${count.stated} / ${count.lane} / ${count.notRecorded}`);
	lines.push(`Unresolved links: ${report.unresolvedLinks.length}`);
	for (const link of report.unresolvedLinks) lines.push(`  ${link.from} -> ${link.target}`);
	lines.push(`Absolute local paths: ${report.absolutePaths.total} (${report.absolutePaths.notes} in notes, ${report.absolutePaths.data} in data)`);
	lines.push(`Legacy material that did not become a record: ${report.skipped.length}`);
	for (const skipped of report.skipped) lines.push(`  ${skipped.path}: ${skipped.reason}`);
	lines.push(`Paths not read: ${report.notRead.length}`);
	for (const skipped of report.notRead) lines.push(`  ${skipped.path}: ${skipped.reason}`);
	lines.push(`Pages renamed: ${report.renamedPages.length}`);
	for (const renamed of report.renamedPages) lines.push(`  ${renamed.path}: ${renamed.reason}`);
	lines.push(`Secrets removed: ${report.secretsRemoved.length}`);
	for (const secret of report.secretsRemoved) lines.push(`  ${secret.file}${secret.line ? `:${secret.line}` : ''}: ${secret.rule}`);
	lines.push(`Raw HTML dropped: ${report.droppedHtml.length}`);
	for (const dropped of report.droppedHtml) lines.push(`  ${dropped.file}${dropped.line ? `:${dropped.line}` : ''}: ${dropped.message}`);
	return lines.join('\n');
}
