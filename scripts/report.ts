/**
 * npm run report: what the site makes of a lab checkout (LAB_DIR, default this project), from
 * the same inventory the build renders. Exits non-zero when strict content is invalid.
 */
import { labSession } from '../src/build/lab-session';
import { contentErrorText } from '../src/lib/findings/finding';
import { buildReport, formatReport } from '../src/lib/lab/report';

const inventory = labSession.inventory();
const records = labSession.records().map(({ record }) => record);
console.log(`Lab: ${labSession.lab}\n`);
console.log(formatReport(buildReport(inventory, records, labSession.skipped())));
const errors = inventory.findings.filter((finding) => finding.severity === 'error');
if (errors.length) {
	console.error(`\n${contentErrorText('The build would fail:', errors)}`);
	process.exitCode = 1;
}
