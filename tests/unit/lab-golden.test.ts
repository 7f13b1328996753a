/**
 * The lab side's golden tests, as ingest has them: a folder per case (a lab's files in, the
 * inventory and the import report out), the expected output committed beside the input. On a
 * mismatch a `-changed` copy is written to diff against and copy over when the change is intended.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/lib/lab/inventory';
import { createLabSession } from '../../src/build/lab-session';
import { nodeLabEffects } from '../../src/build/lab-effects';
import { buildReport, formatReport } from '../../src/lib/lab/report';
import { FIXTURE_LAB, PROJECT_ROOT } from '../support/build-site';

const CASES = join(PROJECT_ROOT, 'tests/golden/lab-cases');
const cases = [
	{ name: 'fixture-lab', input: FIXTURE_LAB, expected: join(CASES, 'fixture-lab') },
	...readdirSync(CASES)
		.filter((name) => existsSync(join(CASES, name, 'input')))
		.map((name) => ({ name, input: join(CASES, name, 'input'), expected: join(CASES, name) })),
];

/** What the site makes of a lab, without page bodies: paths, metadata, records, findings. */
function inventorySnapshot(lab: string): { inventory: string; report: string } {
	const session = createLabSession({ readInventory: buildInventory,
		lab,
		projectRoot: PROJECT_ROOT,
		env: { LAB_REPO_URL: 'https://github.com/lab/repo' },
		effects: { ...nodeLabEffects(PROJECT_ROOT), gitDates: () => new Map() },
	});
	const inventory = session.inventory();
	const snapshot = {
		notes: inventory.notes.map((doc) => ({ path: doc.path, id: doc.id, meta: doc.meta, pairedData: doc.pairedData, pairedFiles: doc.pairedFiles, unresolved: doc.links.unresolved })),
		writeups: inventory.writeups.map((doc) => ({ path: doc.path, id: doc.id, title: doc.meta.title, date: doc.meta.date, track: doc.meta.track, outcome: doc.meta.outcome })),
		data: inventory.data.map(({ json: _json, facts: _facts, ...file }) => file),
		otherDataFiles: inventory.otherDataFiles,
		strictRecords: inventory.strictRecords.map((strict) => strict.id),
		legacyRecords: inventory.legacyRecords,
		skippedLegacy: inventory.skippedLegacy,
		recipeFolders: inventory.recipeFolders,
		notRead: session.skipped(),
		findings: inventory.findings,
	};
	const report = formatReport(buildReport(inventory, session.records().map(({ record }) => record), session.skipped()));
	return { inventory: `${JSON.stringify(snapshot, null, '\t')}\n`, report: `${report}\n` };
}

function expectGolden(folder: string, name: string, actual: string): void {
	const path = join(folder, name);
	const changed = join(folder, name.replace(/(\.\w+)$/, '-changed$1'));
	const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
	if (actual !== expected) writeFileSync(changed, actual);
	expect(actual, `${relative(PROJECT_ROOT, path)} differs; see ${relative(PROJECT_ROOT, changed)}`).toBe(expected);
}

describe.each(cases)('lab case $name', ({ input, expected }) => {
	const snapshot = inventorySnapshot(input);
	it('gives the expected inventory', () => expectGolden(expected, 'inventory.json', snapshot.inventory));
	it('gives the expected import report', () => expectGolden(expected, 'report.txt', snapshot.report));
});
