/**
 * npm run report: what the site makes of a lab checkout (LAB_DIR, default this project), from
 * the same inventory the build renders. Exits non-zero when strict content is invalid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labDir } from '../src/build/lab-dir';
import { parseCommandLine, UsageError } from '../src/lib/cli/command-line';
import { labInventory } from '../src/build/scan-lab';
import { buildReport, formatReport } from '../src/lib/lab/report';
import { validateRecord, type LabRecord } from '../src/lib/schema/record';

const USAGE = `Usage: npm run report [-- --help]

Says what the site makes of the lab at LAB_DIR (default: this project): notes by track and outcome,
data files, records by source, labels records lack, unresolved references and legacy material that
could not become a record. Exits 1 when strict content is invalid.`;

function report(): number {
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
	if (!problems.length) return 0;
	console.error(`\nThe build would fail:\n${problems.join('\n')}`);
	return 1;
}

try {
	const commandLine = parseCommandLine(process.argv.slice(2), {}, USAGE, { positionals: false });
	if (commandLine.help) console.log(USAGE);
	else process.exitCode = report();
} catch (error) {
	if (!(error instanceof UsageError)) throw error;
	console.error(error.message);
	process.exitCode = 2;
}
