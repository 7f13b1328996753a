/**
 * npm run report: what the site makes of a lab checkout (LAB_DIR, default this project), from
 * the same inventory the build renders. Exits non-zero when strict content is invalid.
 */
import { diskLabSession } from '../src/build/lab-session';
import { labDir } from '../src/build/lab-dir';
import { buildInventory } from '../src/lib/lab/inventory';
import { contentErrorText } from '../src/lib/findings/finding';
import { parseCommandLine, UsageError } from '../src/lib/cli/command-line';
import { buildReport, formatReport } from '../src/lib/lab/report';

const USAGE = `Usage: npm run report [-- --help]

Says what the site makes of the lab at LAB_DIR (default: this project): notes by track and outcome,
data files, records by source, where each label came from, unresolved references, legacy material
that could not become a record and paths not read. Exits 1 when strict content is invalid.`;

function report(): number {
	const labSession = diskLabSession(labDir(), process.env, buildInventory);
	const inventory = labSession.inventory();
	const records = labSession.records().map(({ record }) => record);
	console.log(`Lab: ${labSession.lab}\n`);
	console.log(formatReport(buildReport(inventory, records, labSession.skipped())));
	const errors = inventory.findings.filter((finding) => finding.severity === 'error');
	if (!errors.length) return 0;
	console.error(`\n${contentErrorText('The build would fail:', errors)}`);
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
