/**
 * npm run report: what the site makes of a lab checkout (LAB_DIR, default this project), from
 * the same inventory the build renders. Exits non-zero when strict content is invalid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labDir } from '../src/build/lab-dir';
import { labInventory } from '../src/build/scan-lab';
import { buildReport, formatReport } from '../src/lib/lab/report';
import { validateRecord, type LabRecord } from '../src/lib/schema/record';

const lab = labDir();
const inventory = labInventory(lab);
const problems = [...inventory.errors];
const records: LabRecord[] = [...inventory.legacyRecords.map((legacy) => legacy.record)];
for (const path of inventory.recordFiles) {
	try {
		const result = validateRecord(JSON.parse(readFileSync(join(lab, path), 'utf8')), path);
		if (result.ok) records.push(result.data);
		else problems.push(result.message);
	} catch (error) {
		problems.push(`${path}: is not valid JSON (${(error as Error).message})`);
	}
}
console.log(`Lab: ${lab}\n`);
console.log(formatReport(buildReport(inventory, records)));
if (problems.length) {
	console.error(`\nThe build would fail:\n${problems.join('\n')}`);
	process.exitCode = 1;
}
