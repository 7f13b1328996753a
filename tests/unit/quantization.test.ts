import { describe, expect, it } from 'vitest';
import { ggufFileQuantization, llamaCppQuantization, normalizeQuantization } from '../../src/lib/records/quantization';

describe('llama.cpp quantization names', () => {
	it.each([
		['qwen3moe 30B.A3B Q4_K - Medium', 'Q4_K_M'],
		['llama 8B Q5_K - Small', 'Q5_K_S'],
		['llama 8B Q3_K - Large', 'Q3_K_L'],
		['llama 8B Q2_K - Medium', 'Q2_K'],
		['llama 8B Q2_K - Small', 'Q2_K_S'],
		['minimax-m2 230B.A10B IQ2_XXS - 2.0625 bpw', 'IQ2_XXS'],
		['minimax-m2 230B.A10B IQ4_XS - 4.25 bpw', 'IQ4_XS'],
		['llama 8B IQ3_S mix - 3.66 bpw', 'IQ3_M'],
		['gpt-oss 20B MXFP4 MoE', 'MXFP4'],
		['qwen35 27B Q4_0', 'Q4_0'],
		['qwen35 27B Q8_0', 'Q8_0'],
		['qwen35 27B BF16', 'BF16'],
		['qwen35 27B F16', 'F16'],
		['llama 1B all F32', 'F32'],
		['bitnet 2B TQ1_0 - 1.69 bpw ternary', 'TQ1_0'],
		['llama 8B Q6_K', 'Q6_K'],
	])('%s -> %s', (modelType, expected) => {
		expect(llamaCppQuantization(modelType)).toBe(expected);
	});

	it('gives nothing for a guessed or missing type, never the last word', () => {
		expect(llamaCppQuantization('qwen35 27B Q4_0 (guessed)')).toBeUndefined();
		expect(llamaCppQuantization('qwen35 27B')).toBeUndefined();
		expect(llamaCppQuantization('llama ?B Medium')).toBeUndefined();
	});

	it('reads the tag of a GGUF file name', () => {
		expect(ggufFileQuantization('/models/Qwen3.6-27B-Q4_K_M.gguf')).toBe('Q4_K_M');
		expect(ggufFileQuantization('MiniMax-M2.7-UD-IQ4_XS-00001-of-00004.gguf')).toBe('IQ4_XS');
		expect(ggufFileQuantization('qwen3-8b-q8_0.gguf')).toBe('Q8_0');
		expect(ggufFileQuantization('gpt-oss-20b-mxfp4.gguf')).toBe('MXFP4');
		expect(ggufFileQuantization('model.gguf')).toBeUndefined();
	});
});

describe('normalizeQuantization', () => {
	it('compares "GGUF Q4_0" and "Q4_0" as one quantization', () => {
		expect(normalizeQuantization('GGUF Q4_0')).toBe(normalizeQuantization('Q4_0'));
		expect(normalizeQuantization('gguf q4_k_m')).toBe(normalizeQuantization('Q4_K - Medium'));
		expect(normalizeQuantization('GGUF IQ2_XXS - 2.0625 bpw')).toBe('iq2_xxs');
	});
	it('keeps different quantizations apart', () => {
		expect(normalizeQuantization('Q4_0')).not.toBe(normalizeQuantization('Q4_1'));
		expect(normalizeQuantization('GGUF Q4_K_M')).not.toBe(normalizeQuantization('GGUF Q4_K_S'));
		expect(normalizeQuantization('AutoRound INT4 W4A16')).toBe('autoround int4 w4a16');
		expect(normalizeQuantization('INT4 AutoRound W4A16')).toBe(normalizeQuantization('AutoRound INT4 W4A16'));
		expect(normalizeQuantization('AutoRound W4A16')).not.toBe(normalizeQuantization('AutoRound INT4 W4A16'));
	});
});
