/**
 * npm run fuzz [-- --trees N --seconds S --seed X]
 *
 * A seeded, time-bounded campaign of hostile lab trees through the site's pure pipeline
 * (src/lib/fuzz/campaign.ts). Prints the counts that must be zero and exits non-zero otherwise.
 * The same seed generates the same trees, so a failure can be replayed.
 */
import { commandLineOrExit } from '../src/lib/cli/command-line';
import { runCampaign } from '../src/lib/fuzz/campaign';

const USAGE = `Usage: npm run fuzz [-- --trees N] [--seconds S] [--seed X] [--max-files F]

Generates hostile lab trees (scripts, secrets, odd names, symlinks, deep nesting) and runs them
through the site's reading pipeline. Prints crashes, surviving scripts and secrets and files not
accounted for, which must all be zero; exits 1 otherwise. The same seed gives the same trees.

  --trees N       at most N trees (default 1000)
  --seconds S     stop after S seconds (default 120)
  --seed X        the seed (default: from the clock; printed)
  --max-files F   files per tree (default 12)`;

type FuzzOptions = { trees: string; seconds: string; seed: string; 'max-files': string };
const { values } = commandLineOrExit<FuzzOptions>(
	process.argv.slice(2),
	{
		trees: { type: 'string', default: '1000' },
		seconds: { type: 'string', default: '120' },
		seed: { type: 'string', default: String(Date.now() % 100_000) },
		'max-files': { type: 'string', default: '12' },
	},
	USAGE,
	{ positionals: false },
);
const options = { trees: Number(values.trees), seconds: Number(values.seconds), seed: Number(values.seed), maxFiles: Number(values['max-files']) };
for (const [name, value] of Object.entries(options)) {
	if (!Number.isFinite(value) || value < 0) {
		console.error(`--${name}: expected a number, found "${String(value)}".`);
		process.exit(2);
	}
}

const started = performance.now();
const counts = runCampaign({
	...options,
	// What failed is printed without the tree's text: it may hold generated secrets.
	onFailure: (index, outcome) => console.error(`tree ${index}: ${[...outcome.crashes, ...outcome.scripts, ...outcome.secrets, ...outcome.unaccounted].join('; ')}`),
});
const seconds = (performance.now() - started) / 1000;
console.log(`Fuzz campaign, seed ${options.seed}: ${counts.trees} trees, ${counts.files} hostile files in ${seconds.toFixed(1)} s`);
console.log(`  crashes:            ${counts.crashes}`);
console.log(`  scripts surviving:  ${counts.scriptsSurviving}`);
console.log(`  secrets surviving:  ${counts.secretsSurviving}`);
console.log(`  files unaccounted:  ${counts.unaccounted}`);
process.exitCode = counts.crashes + counts.scriptsSurviving + counts.secretsSurviving + counts.unaccounted ? 1 : 0;
