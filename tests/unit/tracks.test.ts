/** Tracks are lab data: data/tracks.json, the lab's own file winning over the project's default. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracksCheck } from '../../src/lib/checks/tracks';
import { noteTemplateCheck } from '../../src/lib/checks/note-template';
import { inventoryOfTexts } from '../support/inventory';
import { declaredTracks, projectTracks, trackLabel, trackOf } from '../../src/lib/lab/tracks';
import { validateTracks } from '../../src/lib/schema/tracks';
import { noteFile } from '../../src/lib/scaffold/note';


const GEMMA_TRACKS = JSON.stringify({
	tracks: [{ id: 'gemma-vllm', label: 'Gemma 4 31B, vLLM/XPU', match: [['gemma'], ['vllm', 'xpu']] }],
});

describe('the project\'s default tracks (data/tracks.json)', () => {
	it('is valid and declares the lab\'s lines of work', () => {
		const result = validateTracks(JSON.parse(readFileSync(join(import.meta.dirname, '../../data/tracks.json'), 'utf8')));
		expect(result.ok).toBe(true);
		expect(projectTracks().map((track) => track.id)).toEqual(expect.arrayContaining(['minimax-autoround-vllm', 'minimax-gguf', 'qwen-q4-gguf', 'qwen-fp8-vllm']));
	});

	it.each([
		// MiniMax GGUF notes rarely say "gguf" in their name: the opening text names the engine.
		['minimax row split ncmoe staircase', 'MiniMax row split', 'Model: unsloth/MiniMax-M2.7-GGUF UD-IQ4_XS on llama.cpp SYCL with RPC workers.', 'minimax-gguf'],
		['minimax qk rms helper negative', 'MiniMax Q/K RMS helper', 'Target: Lasimeri/MiniMax-M2.7-int4-AutoRound on vLLM/XPU TP4.', 'minimax-autoround-vllm'],
		// Qwen FP8 notes often name only "fp8": that is enough.
		['fp8 tp4 ngram sweep', 'FP8 TP4 n-gram sweep', '', 'qwen-fp8-vllm'],
		['q4 vdr4 negative', 'Q4 VDR4', '', 'qwen-q4-gguf'],
		// FP8 KV cache on MiniMax is not the Qwen FP8 track.
		['minimax fp8 kv screen', 'MiniMax FP8 KV screen', 'vLLM XPU TP4, AutoRound INT4.', 'minimax-autoround-vllm'],
		['b70 pcie and xpu smi', 'B70 PCIe check', 'All four cards link at 32GT/s x16.', 'b70-platform'],
	])('%s -> %s', (name, title, head, track) => {
		expect(trackOf({ name, title, head }, projectTracks())).toBe(track);
	});

	it('gives material that names only a model that model\'s first declared track', () => {
		expect(trackOf({ name: 'MiniMax M2.7', title: 'MiniMax M2.7' }, projectTracks())).toBe('minimax-autoround-vllm');
	});
});

describe('a lab\'s own data/tracks.json', () => {
	it('wins over the project\'s default, for classification and labels', () => {
		const inventory = inventoryOfTexts({
			'data/tracks.json': GEMMA_TRACKS,
			'notes/2026-06-01-gemma-tp2-screen.md': '# Gemma TP2 screen\n\nDate: 2026-06-01\n\nGemma 4 31B on vLLM/XPU TP2.\n\n## Decision\n\nReject: slower.\n',
			'notes/2026-06-01-minimax-autoround-vllm-retest.md': '# MiniMax AutoRound retest\n\nvLLM/XPU TP4.\n',
		});
		expect(inventory.findings).toEqual([]);
		expect(inventory.tracks.map((track) => track.id)).toEqual(['gemma-vllm']);
		const track = (path: string) => inventory.notes.find((note) => note.path === path)?.meta.track;
		expect(track('notes/2026-06-01-gemma-tp2-screen.md')).toBe('gemma-vllm');
		// The project's MiniMax tracks are not this lab's: the note stays unclassified.
		expect(track('notes/2026-06-01-minimax-autoround-vllm-retest.md')).toBeUndefined();
		expect(trackLabel('gemma-vllm', inventory.tracks)).toBe('Gemma 4 31B, vLLM/XPU');
		// It is the lab's declaration, not a data page of its own.
		expect(inventory.data.map((file) => file.path)).not.toContain('data/tracks.json');
	});

	it('falls back to the project\'s tracks when the lab declares none', () => {
		expect(declaredTracks(undefined)).toMatchObject({ from: 'project default', findings: [] });
		expect(inventoryOfTexts({}).tracks).toEqual(projectTracks());
	});

	it('is refused with the file and the field when it is wrong', () => {
		const result = validateTracks({ tracks: [{ id: 'Gemma VLLM', label: '', match: [['gemma', '(vllm']], colour: 'red' }] });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message).toMatchInlineSnapshot(`
			"data/tracks.json: tracks.0.id is "Gemma VLLM" (text); use lowercase letters, digits and dashes.
			data/tracks.json: tracks.0.label is empty. Write the name readers see, e.g. "Qwen3.6 27B FP8, vLLM/XPU".
			data/tracks.json: tracks.0.match.0.1 is not a valid regular expression.
			data/tracks.json: tracks.0.colour is not a field. Known fields here: id, label, match, unless, model, engine, quantization."
		`);
	});

	it('stops the build (an inventory error) and is named by npm run check', () => {
		const text = JSON.stringify({ tracks: [{ id: 'gemma', label: 'Gemma', match: [] }] }, null, 2);
		const inventory = inventoryOfTexts({ 'data/tracks.json': text });
		const finding = { severity: 'error', file: 'data/tracks.json', line: 6, field: 'tracks.0.match', message: 'is a list; it must be at least 1.' };
		expect(inventory.findings).toEqual([finding]);
		expect(tracksCheck.run({ files: [{ path: 'data/tracks.json', text, size: text.length }], inventory })).toEqual([finding]);
	});
});

describe('npm run check on the tracks records and notes name', () => {
	const record = readFileSync(join(import.meta.dirname, '../fixtures/lab/data/records/minimax-strict-warm-20260519.json'), 'utf8');
	it('warns where a record or a note names a track the lab does not declare, with the declared ones', () => {
		const tracks = { tracks: [{ id: 'minimax-m27-vllm-xpu', label: 'MiniMax M2.7, vLLM/XPU', match: [['minimax']] }, { id: 'qwen-fp8-vllm', label: 'Qwen FP8, vLLM', match: [['qwen', 'fp8']] }] };
		const files = {
			'data/tracks.json': JSON.stringify(tracks, null, 2),
			'data/records/minimax-typo-20260601.json': record.replace('"minimax-m27-vllm-xpu"', '"minimax-m27-vlm-xpu"'),
			'data/records/minimax-strict-warm-20260519.json': record,
			'notes/2026-06-01-typo.md': '---\ntitle: A typo\ndate: 2026-06-01\ntrack: qwen-fp8-typo\n---\n\nTried it.\n',
			'notes/2026-06-02-words.md': '# MiniMax M2.7 on vLLM XPU\n\nDate: 2026-06-02\n\nA note whose track is read from its words.\n',
		};
		const inventory = inventoryOfTexts(files);
		const findings = tracksCheck.run({ files: Object.entries(files).map(([path, text]) => ({ path, text, size: text.length })), inventory });
		expect(findings.map(({ file, line, field, severity }) => ({ file, line, field, severity }))).toEqual([
			{ file: 'data/records/minimax-typo-20260601.json', line: 4, field: 'track', severity: 'warning' },
			{ file: 'notes/2026-06-01-typo.md', line: 4, field: 'track', severity: 'warning' },
		]);
		expect(findings[0].message).toContain('"minimax-m27-vlm-xpu" is not a declared track');
		expect(findings[0].message).toContain('"minimax-m27-vllm-xpu"');
		expect(findings[1].message).toContain('declare "qwen-fp8-typo" in data/tracks.json');
	});
});

describe('npm run check on a note left as the template', () => {
	it('names the note and the section still holding template text', () => {
		const note = noteFile({ title: 'Gemma flag screen', date: '2026-06-09' });
		const decided = note.text.replace('What was tried, on which model, engine and cards, and what came of it.', 'Tried three flags.').replace(/Model and quantization[\s\S]*?warm or cold\)\./, 'Gemma 4 31B, 2x B70.');
		const files = [{ path: note.path, text: decided, size: decided.length }];
		const findings = noteTemplateCheck.run({ files, inventory: inventoryOfTexts({}) });
		expect(findings).toEqual([
			{
				severity: 'warning',
				file: note.path,
				line: decided.split('\n').indexOf('Keep, reject, or investigate further, and why.') + 1,
				message: "still has the template's Decision text; say what was decided (promote, keep, reject, investigate) and why. Until then the note has no outcome.",
			},
		]);
	});

	it('says the outcome rests on the frontmatter when the note was made with --outcome', () => {
		const note = noteFile({ title: 'Gemma flag screen', date: '2026-06-09', outcome: 'negative' });
		const findings = noteTemplateCheck.run({ files: [{ path: note.path, text: note.text, size: note.text.length }], inventory: inventoryOfTexts({}) });
		expect(findings.length).toBeGreaterThan(0);
		for (const finding of findings) expect(finding.message).toMatch(/Until then its outcome \(negative\) rests on the frontmatter alone\.$/);
	});
});
