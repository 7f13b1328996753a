/** `npm run check` on small lab trees written by each test. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLab, printFindings, runCheck } from '../../scripts/check';
import { completeRecord, withValue, without } from '../support/records';

const labs: string[] = [];
afterEach(() => {
	for (const lab of labs.splice(0)) rmSync(lab, { recursive: true, force: true });
});

function lab(files: Record<string, string | Buffer>): string {
	const root = mkdtempSync(join(tmpdir(), 'b70-check-'));
	labs.push(root);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
	return root;
}

function printed(root: string, inGitHubActions = false) {
	const lines: string[] = [];
	const exitCode = printFindings(checkLab(root), (line) => lines.push(line), inGitHubActions);
	return { exitCode, output: lines.join('\n') };
}

const RECIPE = 'repro/minimax-m27-b70-ubuntu24/README.md';

const FAKE_HF = `hf_${'a1B2'.repeat(9)}`;
const FAKE_BHK = `bhk_${'0123456789abcdef'.repeat(3).slice(0, 40)}`;

describe('npm run check on a lab with many warnings of one kind', () => {
	const notes = Object.fromEntries(Array.from({ length: 13 }, (_, index) => [`notes/2026-05-${String(index + 1).padStart(2, '0')}-run.md`, `# Run ${index}\n\nLog in /home/steve/bench/run-${index}.log.\n`]));

	it('lists the first ten on a terminal and counts the rest; --all and GitHub Actions list every one', () => {
		const root = lab(notes);
		const terminal = printed(root).output.split('\n').filter((line) => line.startsWith('warning:'));
		expect(terminal.filter((line) => line.startsWith('warning: notes/'))).toHaveLength(10);
		expect(terminal.at(-1)).toBe('warning: ... and 3 more like "mentions the local path …" (npm run check -- --all lists them)');
		const lines: string[] = [];
		expect(runCheck(['--all'], (line) => lines.push(line), root)).toBe(0);
		expect(lines.filter((line) => line.startsWith('warning: notes/'))).toHaveLength(13);
		expect(printed(root, true).output.split('\n').filter((line) => line.startsWith('warning: notes/'))).toHaveLength(13);
	});
});

describe('npm run check', () => {
	it('passes a clean lab', () => {
		const root = lab({ 'notes/2026-05-01-ok.md': '# A clean note\n\nNothing to see.\n', 'data/records/ok.json': JSON.stringify(completeRecord(), null, 2), [RECIPE]: '# The recipe\n' });
		expect(printed(root)).toMatchObject({ exitCode: 0 });
	});

	it('refuses a record missing a label, with file, line and field', () => {
		const record = JSON.stringify(without(completeRecord(), 'warmth'), null, 2);
		const root = lab({ 'data/records/x.json': record });
		const { exitCode, output } = printed(root);
		expect(exitCode).toBe(1);
		expect(output).toContain('error: data/records/x.json:1: warmth: is missing. Write warm (after model load, graph capture and compiler caches) or cold.');
	});

	it('points at the line of a wrong field', () => {
		const record = completeRecord();
		record.metrics = { tokPerS: 3 };
		const text = JSON.stringify(record, null, 2);
		const line = text.split('\n').findIndex((candidate) => candidate.includes('"tokPerS"')) + 1;
		const { output } = printed(lab({ 'data/records/x.json': text }));
		expect(output).toContain(`error: data/records/x.json:${line}: metrics.tokPerS: is not a label. Use outputTokPerS (generated tokens only) or totalTokPerS (prompt + generated).`);
	});

	it('refuses a recipe missing a requirement, at its line', () => {
		const root = lab({
			'repro/demo/README.md': '---\ntitle: Demo\ndescription: A demo.\ntrack: t\nversions:\n  - { name: vLLM, version: latest }\n---\n\nBody\n',
		});
		const { output } = printed(root);
		expect(output).toContain('error: repro/demo/README.md:6: versions.0.version: is "latest" for vLLM, which is not pinned.');
		expect(output).toContain('error: repro/demo/README.md:1: scripts: is missing: a recipe needs scripts');
	});

	it('refuses a note with a script tag', () => {
		const { exitCode, output } = printed(lab({ 'notes/2026-05-01-x.md': '# X\n\nHello\n<script>alert(1)</script>\n' }));
		expect(exitCode).toBe(1);
		expect(output).toContain("error: notes/2026-05-01-x.md:4: <script>: raw HTML <script> could run code or restyle the site; it is not shown.");
	});

	it('reports a secret by file and line without printing it', () => {
		const { exitCode, output } = printed(lab({ 'notes/2026-05-01-x.md': `# X\n\nexport HF_TOKEN=${FAKE_HF}\n`, 'data/run.log': `key=${FAKE_BHK}\n` }));
		expect(exitCode).toBe(1);
		expect(output).toContain('error: notes/2026-05-01-x.md:3: holds a secret (rule lab/huggingface-token)');
		expect(output).toContain('error: data/run.log:1: holds a secret (rule lab/localmaxxing-api-key)');
		// Not one character of either secret beyond its public prefix.
		for (const secret of [FAKE_HF.slice(3), FAKE_BHK.slice(4)]) for (let index = 0; index + 4 <= secret.length; index++) expect(output).not.toContain(secret.slice(index, index + 4));
	});

	it('refuses MDX and other executable files in contributed folders', () => {
		const { output } = printed(lab({ 'notes/x.mdx': '# X', 'data/page.html': '<p>x</p>', 'notes/y.txt': 'y' }));
		expect(output).toContain('error: data/page.html: is a file the site could execute (html)');
		expect(output).toContain('error: notes/x.mdx: is a file the site could execute (mdx)');
		expect(output).toContain('error: notes/y.txt: notes/ accepts markdown (.md) only.');
	});

	it('limits the size of committed photos and prefers links', () => {
		const { output } = printed(lab({ 'data/photos/big.jpg': Buffer.alloc(300 * 1024), 'data/photos/small.jpg': Buffer.alloc(10 * 1024) }));
		expect(output).toContain('error: data/photos/big.jpg: is 300 kB; photos committed to the repository must stay under 200 kB.');
		expect(output).toContain('warning: data/photos/small.jpg: prefer a link to the public photo');
	});

	it('lists a markdown ledger kept in data/ with a warning, not an error', () => {
		const { exitCode, output } = printed(lab({ 'data/submissions-20260505.md': '# Submissions\n\n| label | id |\n| --- | --- |\n' }));
		expect(exitCode).toBe(0);
		expect(output).toContain('warning: data/submissions-20260505.md: is markdown in data/');
	});

	it('refuses a broken markdown link and warns about a missing cited file', () => {
		const { exitCode, output } = printed(lab({ 'notes/2026-05-01-x.md': '# X\n\nSee [the data](../data/missing.json) and `data/also-missing.json`.\n' }));
		expect(exitCode).toBe(1);
		expect(output).toContain('error: notes/2026-05-01-x.md:3: links to ../data/missing.json, which does not exist (resolved as data/missing.json).');
		expect(output).toContain('warning: notes/2026-05-01-x.md: cites data/also-missing.json, which is not in the repository');
	});

	it('warns about absolute local paths without failing', () => {
		const { exitCode, output } = printed(lab({ 'notes/2026-05-01-x.md': '# X\n\nLog in /home/steve/bench/run.log\n' }));
		expect(exitCode).toBe(0);
		expect(output).toContain('warning: notes/2026-05-01-x.md:3: mentions the local path /home/steve/bench/run.log');
	});

	it('writes GitHub annotations inside GitHub Actions', () => {
		const { output } = printed(lab({ 'notes/2026-05-01-x.md': '# X\n\n<iframe src="x"></iframe>\n' }), true);
		expect(output).toContain("::error file=notes/2026-05-01-x.md,line=3::<iframe>: raw HTML <iframe> could run code or restyle the site; it is not shown. Describe it in text, or show it as code in backticks or a fenced block.");
	});

	it('names a JSON file that does not parse', () => {
		const { exitCode, output } = printed(lab({ 'data/records/x.json': '{ "title": ', 'data/timeline.json': '[' }));
		expect(exitCode).toBe(1);
		expect(output).toMatch(/error: data\/records\/x\.json:1: is not valid JSON \(/);
		expect(output).toMatch(/error: data\/timeline\.json:1: is not valid JSON \(/);
	});

	it('refuses a classification override with an unknown outcome', () => {
		const { exitCode, output } = printed(lab({ 'notes/x.md': '# X\n', 'data/classification-overrides.json': '{\n  "notes/x.md": {\n    "outcome": "win"\n  }\n}\n' }));
		expect(exitCode).toBe(1);
		expect(output).toContain('error: data/classification-overrides.json:3: notes/x.md.outcome: is "win" (text); write one of: positive, negative, diagnostic, blocker, neutral.');
	});

	it('passes the fixture lab, legacy material included', () => {
		const root = mkdtempSync(join(tmpdir(), 'b70-check-'));
		labs.push(root);
		cpSync(join(import.meta.dirname, '../fixtures/lab'), root, { recursive: true });
		expect(printed(root).exitCode).toBe(0);
	});

	it('refuses a record whose software.recipe names no recipe, naming the closest one', () => {
		const record = JSON.stringify(withValue(completeRecord(), 'software.recipe', 'repro/minimax-m27-b70-ubuntu'), null, 2);
		const { exitCode, output } = printed(lab({ 'data/records/x.json': record, [RECIPE]: '# The recipe\n', 'repro/qwen-q4/README.md': '# Another\n' }));
		expect(exitCode).toBe(1);
		expect(output).toContain(
			'error: data/records/x.json:30: software.recipe: is "repro/minimax-m27-b70-ubuntu", which is not a recipe (a repro/<slug> folder with a README.md). The closest existing recipe is "repro/minimax-m27-b70-ubuntu24".',
		);
	});

	it('refuses a record that names its artifact by a path outside the lab', () => {
		const record = withValue(withValue(completeRecord(), 'artifacts', [{ path: '/tmp/run/llama-bench.json' }, { path: '../artifacts/x.json' }, { path: 'https://example.org/x.json' }]), 'source.from', 'C:\\runs\\x.json');
		const { exitCode, output } = printed(lab({ 'data/records/x.json': JSON.stringify(record, null, 2), [RECIPE]: '# The recipe\n' }));
		expect(exitCode).toBe(1);
		expect(output).toMatch(/error: data\/records\/x\.json:\d+: artifacts\.0\.path: is "\/tmp\/run\/llama-bench\.json", a path on one machine, not in the lab\./);
		expect(output).toMatch(/artifacts\.1\.path: is "\.\.\/artifacts\/x\.json", which leaves the lab\./);
		expect(output).toContain('source.from: is "C:\\runs\\x.json", a path on one machine');
		expect(output).not.toContain('artifacts.2.path');
	});

	it('warns when a record links an artifact the lab does not hold', () => {
		const { exitCode, output } = printed(lab({ 'data/records/x.json': JSON.stringify(completeRecord(), null, 2), [RECIPE]: '# The recipe\n' }));
		expect(exitCode).toBe(0);
		expect(output).toMatch(/warning: data\/records\/x\.json:\d+: artifacts\.0\.path: is "results\/strict-summary\.json", which is not a file in the lab/);
		const withFile = printed(lab({ 'data/records/x.json': JSON.stringify(completeRecord(), null, 2), [RECIPE]: '# The recipe\n', 'results/strict-summary.json': '{}' }));
		expect(withFile.output).not.toContain('artifacts.0.path');
	});

	it('warns when a recipe has no record-defaults.json', () => {
		const { output } = printed(lab({ 'repro/s/README.md': '---\ntitle: S\n---\n' }));
		expect(output).toContain('warning: repro/s/README.md: has no repro/s/record-defaults.json: write the labels every run of the recipe shares');
	});

	it("warns which labels a recipe's defaults lack, and refuses a wrong one", () => {
		const defaults = { track: 't', model: { id: 'm', quantization: 'q' }, hardware: { gpu: 'Intel Arc Pro B70', gpuCount: 'four' }, software: { engine: { name: 'vllm' } } };
		const { exitCode, output } = printed(lab({ 'repro/r/README.md': '# R\n', 'repro/r/record-defaults.json': JSON.stringify(defaults, null, 2) }));
		expect(exitCode).toBe(1);
		expect(output).toContain('error: repro/r/record-defaults.json:9: hardware.gpuCount:');
		expect(output).not.toContain('has no repro/r/record-defaults.json');
		expect(output).toContain(
			'warning: repro/r/record-defaults.json:1: lacks hardware.vramGbPerGpu, hardware.cpu, hardware.ramGb, hardware.interconnect, software.os, software.kernel, software.driver, software.engine.version, speculation: every contributor must give them with --set.',
		);
	});

	it('refuses a lane with a date that is not a calendar day, naming the file, line and field', () => {
		const lanes = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/lanes.json'), 'utf8'));
		lanes.lanes[0].qualityGatesSince = '2026-14-05';
		const root = lab({ 'data/lanes.json': JSON.stringify(lanes, null, 2) });
		const { exitCode, output } = printed(root);
		expect(exitCode).toBe(1);
		expect(output).toMatch(/data\/lanes\.json:\d+: lanes\.0\.qualityGatesSince: .*not a calendar day: write it as YYYY-MM-DD/);
	});

	it('refuses a lane that would fill a record with a value no record can hold, or names no label', () => {
		const lanes = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/lanes.json'), 'utf8'));
		lanes.lanes[0].fixed['shape.batchSize'] = 'one';
		lanes.lanes[0].match['shape.promptToken'] = 512;
		const root = lab({ 'data/lanes.json': JSON.stringify(lanes, null, 2) });
		const { exitCode, output } = printed(root);
		expect(exitCode).toBe(1);
		expect(output).toMatch(/data\/lanes\.json:\d+: lanes\.0\.fixed\["shape\.batchSize"\]: is "one", which a record cannot hold at shape\.batchSize/);
		expect(output).toMatch(/data\/lanes\.json:\d+: lanes\.0\.match\["shape\.promptToken"\]: "shape\.promptToken" is not a label of the record schema/);
	});
});

describe('npm run check on the files one changed', () => {
	const files = {
		'notes/2026-05-01-mine.md': '# Mine\n\nLog in /home/steve/bench/mine.log.\n',
		'notes/2026-05-02-theirs.md': '# Theirs\n\nLog in /home/steve/bench/theirs.log.\n',
		'data/records/broken.json': JSON.stringify(without(completeRecord(), 'warmth'), null, 2),
	};

	it('shows only findings about the named files and folders, counts the others, and exits on theirs alone', () => {
		const root = lab(files);
		const lines: string[] = [];
		expect(runCheck(['notes/2026-05-01-mine.md'], (line) => lines.push(line), root)).toBe(0);
		const output = lines.join('\n');
		expect(output).toContain('warning: notes/2026-05-01-mine.md:3');
		expect(output).not.toContain('theirs.md');
		expect(output).not.toContain('broken.json');
		expect(output).toMatch(/2 finding\(s\) about other files are not shown/);

		const folder: string[] = [];
		expect(runCheck(['data/records/'], (line) => folder.push(line), root)).toBe(1);
		expect(folder.join('\n')).toContain('error: data/records/broken.json:1: warmth: is missing.');
	});

	it('names a path that is not in the lab', () => {
		const root = lab(files);
		expect(() => runCheck(['notes/2026-05-09-missing.md'], () => {}, root)).toThrow(/notes\/2026-05-09-missing\.md: no such file or folder in the lab/);
		expect(() => runCheck([tmpdir()], () => {}, root)).toThrow(/is not inside the lab/);
	});
});
