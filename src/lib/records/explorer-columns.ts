/** The explorer's columns and filters: each filter is a URL query parameter of the same name. */
export const EXPLORER_COLUMNS = [
	{ key: 'date', label: 'Date', numeric: false },
	{ key: 'title', label: 'Record', numeric: false },
	{ key: 'model', label: 'Model', numeric: false },
	{ key: 'quantization', label: 'Quantization', numeric: false },
	{ key: 'gpu', label: 'GPU x count', numeric: false },
	{ key: 'engine', label: 'Engine', numeric: false },
	{ key: 'shape', label: 'Prompt/output/context', numeric: false },
	{ key: 'batch', label: 'Batch/concurrency', numeric: false },
	{ key: 'warmth', label: 'Warm/cold', numeric: false },
	{ key: 'speculation', label: 'Speculation', numeric: false },
	{ key: 'quality', label: 'Quality', numeric: false },
	{ key: 'status', label: 'Status', numeric: false },
	{ key: 'output', label: 'Output tok/s', numeric: true },
	{ key: 'total', label: 'Total tok/s', numeric: true },
	{ key: 'accepted', label: 'Accepted tok/s', numeric: true },
	{ key: 'ttft', label: 'TTFT ms', numeric: true },
] as const;
export type ColumnKey = (typeof EXPLORER_COLUMNS)[number]['key'];

export const EXPLORER_FILTERS = [
	{ key: 'model', label: 'Model' },
	{ key: 'quantization', label: 'Quantization' },
	{ key: 'gpu', label: 'GPU' },
	{ key: 'gpuCount', label: 'GPU count' },
	{ key: 'engine', label: 'Engine' },
	{ key: 'shape', label: 'Prompt/output/context' },
	{ key: 'batch', label: 'Batch/concurrency' },
	{ key: 'warmth', label: 'Warm/cold' },
	{ key: 'speculation', label: 'Speculation' },
	{ key: 'quality', label: 'Quality' },
	{ key: 'status', label: 'Status' },
] as const;
export type FilterKey = (typeof EXPLORER_FILTERS)[number]['key'];

