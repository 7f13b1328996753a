/**
 * Synthetic lab repositories for benchmarks, in the proportions and shapes of the real lab:
 * about 1.5 data files per note; notes of 1-25 kB, half with tables, citing data files, machine
 * paths and LocalMaxxing ids; free-form JSON in mixed key styles; LocalMaxxing payloads with
 * responses; llama-bench JSONL runs; and labeled records. Deterministic from the seed.
 */
export interface SyntheticFile {
	path: string;
	text: string;
}

/** Mulberry32: small, fast and good enough to vary shapes reproducibly. */
function generator(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
		chance: (probability: number) => next() < probability,
	};
}

const TRACKS = [
	{ prefix: 'minimax', model: 'Lasimeri/MiniMax-M2.7-int4-AutoRound', engine: 'vllm', quant: 'AutoRound INT4 W4A16', cards: 4 },
	{ prefix: 'qwen36-fp8', model: 'vrfai/Qwen3.6-27B-FP8', engine: 'vllm', quant: 'FP8', cards: 4 },
	{ prefix: 'qwen36-q4', model: 'Qwen3.6-27B-Q4_0.gguf', engine: 'llama.cpp', quant: 'GGUF Q4_0', cards: 3 },
];
const WORDS = ['ccl', 'p2p', 'graph', 'moe', 'allreduce', 'fusion', 'router', 'kv', 'fp8', 'ngram', 'sycl', 'split', 'rms', 'qk', 'piecewise', 'async', 'topology', 'worker', 'affinity', 'cache', 'autotune', 'decode', 'prefill', 'ubatch', 'tensor', 'expert'];
const OUTCOMES = ['negative', 'win', 'probe', 'regression', 'blocker', 'diagnostic', 'reject', '', '', ''];
const FLAGS = ['VLLM_XPU_ENABLE_XPU_GRAPH', 'CCL_ALLREDUCE', 'CCL_TOPO_P2P_ACCESS', 'VLLM_XPU_USE_LLM_SCALER_MOE_WS', 'GGML_SYCL_COMM_SYNC_AFTER', 'CCL_WORKER_COUNT'];
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

const day = (index: number) => {
	const date = new Date(Date.UTC(2026, 3, 1) + (index % 240) * 86400000);
	return date.toISOString().slice(0, 10);
};

export function syntheticLab(noteCount: number, seed = 42): SyntheticFile[] {
	const random = generator(seed);
	const files: SyntheticFile[] = [];
	const localmaxxingId = () => `cm${Array.from({ length: 23 }, () => random.pick([...ID_CHARS])).join('')}`;

	for (let index = 0; index < noteCount; index++) {
		const track = random.pick(TRACKS);
		const date = day(index);
		const compact = date.replace(/-/g, '');
		const outcome = random.pick(OUTCOMES);
		const slug = [track.prefix === 'minimax' ? 'minimax' : track.prefix, random.pick(WORDS), random.pick(WORDS), `n${index}`, outcome].filter(Boolean).join('-');
		const dataSlug = slug.replace(/^minimax-/, 'minimax-m27-');
		const dataPath = `data/${dataSlug}-${compact}.json`;
		const id = localmaxxingId();
		const flag = random.pick(FLAGS);

		// The note: 1-25 kB, half with a results table.
		const paragraphs: string[] = [
			`# ${random.chance(0.2) ? `${date} - ` : ''}${track.prefix} ${slug.replace(/-/g, ' ')}`,
			'',
			random.chance(0.45) ? `Date: ${date}` : '',
			'',
			'## Summary',
			'',
			`Tried \`${flag}=1\` on ${track.model} with ${track.engine}, ${track.cards}x B70. Structured result: \`${dataPath}\`, also at /home/steve/llm-optimizations/${dataPath}. LocalMaxxing accepted it as \`${id}\`.`,
		];
		if (random.chance(0.5)) {
			paragraphs.push('', '| Run | Output tok/s | Total tok/s | Notes |', '| --- | ---: | ---: | --- |');
			for (let run = 0; run < random.int(2, 8); run++) {
				const output = (20 + random.next() * 70).toFixed(6);
				paragraphs.push(`| ${run + 1} | \`${output}\` | ${(Number(output) * 1.33).toFixed(3)} | ${random.chance(0.1) ? 'hung' : 'ok'} |`);
			}
		}
		const target = random.int(1, 25) * 1024;
		let body = paragraphs.join('\n');
		while (body.length < target) {
			body += `\n\nThe ${random.pick(WORDS)} path with ${random.pick(FLAGS)} was measured at p512/n${random.pick([256, 512, 1536])}; log in /home/steve/bench-results/${random.pick(WORDS)}-${index}.log. ${'Warm run after graph capture; no speculative decoding. '.repeat(random.int(2, 10))}`;
		}
		body += `\n\n## Decision\n\n${outcome === 'win' ? 'Promote it.' : 'Keep it unset.'}\n`;
		files.push({ path: `notes/${date}-${slug}.md`, text: body });

		// About 1.5 data files per note, in the lab's mix of shapes.
		const snake = random.chance(0.5);
		const key = (camel: string, snakeName: string) => (snake ? snakeName : camel);
		files.push({
			path: dataPath,
			text: JSON.stringify(
				{
					[random.pick(['title', 'label', 'experiment'])]: `${track.prefix} ${slug}`,
					[random.pick(['date', 'date_utc', 'dateUtc', 'timestamp_utc'])]: date,
					status: random.pick(['promoted_strict_quality_pass', 'quality_failed_raw145_n64', 'hung_after_warmup_stopped', 'neutral_screen']),
					model: random.chance(0.5) ? track.model : { [key('hfId', 'hf_id')]: track.model, quantization: track.quant },
					[key('engineConfig', 'engine_config')]: { tp: track.cards, flags: { [flag]: 1, nested: { deeper: { deepest: { value: random.next() } } } } },
					runs: Array.from({ length: random.int(1, 6) }, (_, run) => ({ run, [key('outputTokS', 'output_tok_s')]: 20 + random.next() * 70, notes: random.pick(['ok', 'n/a', 'hung']) })),
					[random.pick(['decision', 'conclusion'])]: 'See the note.',
				},
				null,
				2,
			),
		});
		if (random.chance(0.3)) {
			files.push({
				path: `data/localmaxxing-${dataSlug}-p512n1536-${compact}.payload.json`,
				text: JSON.stringify({
					hfId: track.model,
					hardware: { gpuName: 'Intel Arc Pro B70 32GB', gpuCount: track.cards, vramGb: 32, cpu: 'AMD EPYC 9015 8-Core Processor', ramGb: 128, os: 'Ubuntu 24.04.4 LTS, kernel 6.17.0-23-generic' },
					engineName: track.engine, engineVersion: '0.20.1-local', quantization: track.quant,
					promptTokens: 512, outputTokens: 1536, contextLength: 2048, batchSize: 1,
					tokSOut: 20 + random.next() * 70, tokSTotal: 30 + random.next() * 90, notes: `synthetic ${index}`,
					engineFlags: { concurrency: 1, specDecoding: false },
				}),
			});
			if (random.chance(0.9)) {
				files.push({ path: `data/localmaxxing-responses/${dataSlug}-p512n1536-${compact}.response.json`, text: JSON.stringify({ id, modelId: localmaxxingId(), status: 'APPROVED', createdAt: `${date}T05:00:00Z` }) });
			}
		}
		if (random.chance(0.1)) files.push({ path: `data/${dataSlug}-${compact}.log`, text: `log of run ${index}\n`.repeat(random.int(5, 50)) });
		if (random.chance(0.05)) {
			const row = (prompt: number, gen: number) => JSON.stringify({ build_commit: 'db44417', build_number: 2, gpu_info: 'Intel(R) Graphics [0xe223]', backends: 'SYCL', devices: 'SYCL0', model_filename: '/models/Qwen3.6-27B-Q4_0.gguf', model_type: 'qwen35 27B Q4_0', n_batch: 512, n_ubatch: 64, split_mode: 'none', n_prompt: prompt, n_gen: gen, n_depth: 0, test_time: `${date}T20:00:00Z`, avg_ts: 24 + random.next(), stddev_ts: 0.01, samples_ts: [24.1, 24.2, 24.3] });
			files.push({ path: `results/raw/run-${index}-${compact}T200000Z.jsonl`, text: `${row(512, 0)}\n${row(0, 512)}\n` });
		}
		if (random.chance(0.08)) {
			files.push({
				path: `data/records/${dataSlug}-${compact}.json`,
				text: JSON.stringify({
					title: `${track.prefix} ${slug}`, date, track: track.prefix, status: random.pick(['promoted', 'candidate', 'rejected', 'negative', 'historical']),
					model: { id: track.model, quantization: track.quant },
					hardware: { gpu: 'Intel Arc Pro B70 32GB', gpuCount: track.cards, vramGbPerGpu: 32, cpu: 'AMD EPYC 9015', ramGb: 128, interconnect: { kind: 'pcie', generation: 5, lanes: 16 } },
					software: { os: 'Ubuntu 24.04.4 LTS', kernel: '6.17.0-23-generic', driver: 'Level Zero', engine: { name: track.engine, version: '0.20.1-local' }, commit: 'db44417' },
					shape: { promptTokens: 512, outputTokens: random.pick([512, 1536]), contextLength: 2048, batchSize: 1, concurrency: 1 },
					metrics: { outputTokPerS: 20 + random.next() * 70, totalTokPerS: 30 + random.next() * 90 },
					quality: { method: 'exact-token-hashes', detail: 'raw145 hashes', passed: random.chance(0.8) },
					speculation: { enabled: false }, warmth: random.pick(['warm', 'cold']), tuning: { changed: false },
					artifacts: [], source: { kind: 'measured', from: dataPath },
				}, null, 2),
			});
		}
	}
	return files;
}

/** A lab of `steps` records and a data/timeline.json with one step per record, in two tracks. */
export function syntheticTimelineLab(steps: number, seed = 7): SyntheticFile[] {
	const random = generator(seed);
	const files: SyntheticFile[] = [];
	const timeline = { tracks: [{ id: 'a', label: 'Track A' }, { id: 'b', label: 'Track B' }], steps: [] as unknown[] };
	for (let index = 0; index < steps; index++) {
		const id = `step-${String(index).padStart(5, '0')}`;
		// Spread over the year before 2026-05-01, whatever the step count: records dated after today are refused.
		const date = new Date(Date.UTC(2025, 4, 1) + Math.floor((index * 365) / steps) * 86400000).toISOString().slice(0, 10);
		files.push({
			path: `data/records/${id}.json`,
			text: JSON.stringify({
				title: `Synthetic step ${index}`, date, track: index % 2 ? 'a' : 'b', status: random.pick(['promoted', 'candidate', 'rejected', 'historical']),
				model: { id: 'synthetic/model', quantization: 'Q4_0' },
				hardware: { gpu: 'Intel Arc Pro B70 32GB', gpuCount: random.pick([1, 2, 4]), vramGbPerGpu: 32, cpu: 'cpu', ramGb: 64, interconnect: { kind: 'pcie', generation: 5, lanes: 16 } },
				software: { os: 'Ubuntu 24.04', kernel: '6.17', driver: 'Level Zero', engine: { name: 'vllm', version: '0.20.1' }, commit: 'abc' },
				shape: { promptTokens: 512, outputTokens: 512, contextLength: 2048, batchSize: 1, concurrency: 1 },
				metrics: { outputTokPerS: 20 + random.next() * 70, totalTokPerS: 30 + random.next() * 90 },
				quality: { method: 'not-checked', detail: 'synthetic' }, speculation: { enabled: false }, warmth: 'warm', tuning: { changed: false },
				artifacts: [], source: { kind: 'measured', from: 'synthetic' },
			}),
		});
		timeline.steps.push({ track: index % 2 ? 'a' : 'b', record: id, change: `Change ${index}`, why: 'Synthetic', sources: [] });
	}
	files.push({ path: 'data/timeline.json', text: JSON.stringify(timeline) });
	return files;
}
