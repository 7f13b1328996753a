/**
 * Quantization names in llama.cpp's own words. llama-bench reports the file type as llama.cpp
 * names it (`Q4_K - Medium`, `IQ2_XXS - 2.0625 bpw`, `MXFP4 MoE`); people and file names use the
 * llama-quantize names (`Q4_K_M`, `IQ2_XXS`, `MXFP4`). Records keep the llama-quantize name, and
 * comparisons ignore spelling, so "GGUF Q4_0" and "Q4_0" are the same quantization.
 */

/** A llama.cpp quant type token: Q4_0, Q4_K, IQ2_XXS, TQ1_0, Q4_0_4_4 (upper case, as llama.cpp writes). */
const QUANT_TOKEN = String.raw`(?:[IT]?Q\d+(?:_[A-Z0-9]+)+|MXFP4|B?F16|F32)`;
/** `<type>[ mix][ - Small|Medium|Large][ - 2.0625 bpw][ ternary]`, at the end of model_type. */
const FTYPE_NAME = new RegExp(String.raw`(?:^|\s)(all F32|${QUANT_TOKEN})( mix)?(?: MoE)?(?:\s+-\s+(Small|Medium|Large))?(?:\s+-\s+[\d.]+ bpw(?: ternary)?)?(?:\s+\(guessed\))?\s*$`);
const SIZE_SUFFIX: Record<string, string> = { Small: 'S', Medium: 'M', Large: 'L' };

/**
 * The llama-quantize name of a llama.cpp file-type name, or undefined when `modelType` has none:
 * "qwen3moe 30B.A3B Q4_K - Medium" -> "Q4_K_M", "IQ2_XXS - 2.0625 bpw" -> "IQ2_XXS",
 * "MXFP4 MoE" -> "MXFP4", "IQ3_S mix - 3.66 bpw" -> "IQ3_M". A "(guessed)" type is not trusted.
 */
export function llamaCppQuantization(modelType: string): string | undefined {
	if (/\(guessed\)\s*$/.test(modelType)) return undefined;
	const match = FTYPE_NAME.exec(modelType.trim());
	if (!match) return undefined;
	const [, base, mix, size] = match;
	if (base === 'all F32') return 'F32';
	// llama.cpp calls IQ3_M "IQ3_S mix", and Q2_K (its default K mix) "Q2_K - Medium".
	if (mix) return base === 'IQ3_S' ? 'IQ3_M' : undefined;
	if (!size) return base;
	if (base === 'Q2_K' && size === 'Medium') return 'Q2_K';
	return `${base}_${SIZE_SUFFIX[size]}`;
}

const FILE_TAG = /(?:^|[-_.])((?:[it]?q\d+(?:_(?:k|\d+|xxs|xs|s|m|l|xl|nl))*)|mxfp4|bf16|f16|f32)(?=[-_.]|$)/gi;

/** The quant tag in a GGUF file name: "Qwen3.6-27B-Q4_K_M.gguf" -> "Q4_K_M"; the last tag wins. */
export function ggufFileQuantization(fileName: string): string | undefined {
	const stem = fileName.split(/[\\/]/).at(-1)?.replace(/(-\d{5}-of-\d{5})?\.gguf$/i, '') ?? '';
	const tags = [...stem.matchAll(FILE_TAG)].map((match) => match[1].toUpperCase());
	return tags.at(-1);
}

/**
 * The spelling-free form two quantization labels are compared by: case, a "GGUF" format prefix,
 * llama.cpp's long names and word order do not matter. "GGUF Q4_0" and "Q4_0" -> "q4_0";
 * "GGUF Q4_K - Medium" and "Q4_K_M" -> "q4_k_m"; "INT4 AutoRound W4A16" -> "autoround int4 w4a16".
 */
export function normalizeQuantization(label: string): string {
	const withoutFormat = label.trim().replace(/^gguf\b[\s:-]*/i, '').trim().replace(/\s+/g, ' ');
	const llamaCppSpelling = withoutFormat.replace(/\b(?:[it]?q\d+(?:_[a-z0-9]+)+|mxfp4|b?f16|f32)\b/gi, (token) => token.toUpperCase());
	const whole = FTYPE_NAME.exec(llamaCppSpelling);
	const quantization = whole?.index === 0 ? llamaCppQuantization(llamaCppSpelling) : undefined;
	if (quantization) return quantization.toLowerCase();
	// "INT4 AutoRound W4A16" and "AutoRound INT4 W4A16" (both in the lab) name one quantization.
	return withoutFormat.toLowerCase().split(' ').sort().join(' ');
}
