/** A complete, valid measured record, shaped like the lab's strict MiniMax lane. Tests clone and break it. */
export function completeRecord(): Record<string, any> {
	return {
		title: 'MiniMax M2.7 INT4 strict p512/n1536 on 4x B70',
		date: '2026-05-23',
		track: 'minimax-m27-vllm-xpu',
		status: 'promoted',
		model: { id: 'Lasimeri/MiniMax-M2.7-int4-AutoRound', quantization: 'AutoRound INT4 W4A16' },
		hardware: {
			gpu: 'Intel Arc Pro B70 32GB',
			gpuCount: 4,
			vramGbPerGpu: 32,
			cpu: 'AMD EPYC 9015 8-Core Processor',
			ramGb: 128,
			interconnect: { kind: 'pcie', generation: 4, lanes: 16 },
		},
		software: {
			os: 'Ubuntu 24.04.4 LTS',
			kernel: '6.17.0-23-generic',
			driver: 'Level Zero, oneAPI 2025.3, PyTorch XPU',
			engine: { name: 'vllm', version: '0.20.1-local' },
			recipe: 'repro/minimax-m27-b70-ubuntu24',
		},
		shape: { promptTokens: 512, outputTokens: 1536, contextLength: 2048, batchSize: 1, concurrency: 1 },
		metrics: { outputTokPerS: 83.17, totalTokPerS: 110.9 },
		quality: { method: 'exact-token-hashes', detail: 'raw145 exact token hashes at n64/n256', passed: true },
		speculation: { enabled: false },
		warmth: 'warm',
		tuning: { changed: false },
		artifacts: [{ path: 'results/strict-summary.json', format: 'vllm-bench-throughput' }],
		source: { kind: 'measured', from: 'results/strict-summary.json' },
	};
}

/** Deletes a dotted path from a cloned record. */
export function without(record: Record<string, any>, dottedPath: string): Record<string, any> {
	const copy = structuredClone(record);
	const parts = dottedPath.split('.');
	const last = parts.pop()!;
	let target = copy;
	for (const part of parts) target = target[part];
	delete target[last];
	return copy;
}

export function withValue(record: Record<string, any>, dottedPath: string, value: unknown): Record<string, any> {
	const copy = structuredClone(record);
	const parts = dottedPath.split('.');
	const last = parts.pop()!;
	let target = copy;
	for (const part of parts) target = target[part];
	target[last] = value;
	return copy;
}
