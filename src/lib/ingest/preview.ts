/**
 * `ingest --dry-run`: what each record would say, before anything is written: its title, every
 * label with where it came from (the artifact, the recipe's defaults, a labels file, --set), the
 * measured metrics, and the labels still missing.
 */
import { isPlainObject } from '../importers/label-values';
import { formatRecordJson } from './canonical-json';
import type { RecordPreview } from './plan';
import { recordFileOf } from '../lab/lab-paths';

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
	if (!isPlainObject(value)) return [[prefix, value]];
	return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? 'nothing');

export function formatPreview(preview: RecordPreview, verb: string): string[] {
	const { origins } = preview;
	// Labels in the schema's order, as the record file will list them.
	const labels = JSON.parse(formatRecordJson(preview.labels)) as Record<string, unknown>;
	const lines = [`${verb} ${recordFileOf(preview.id)}: ${typeof labels.title === 'string' ? labels.title : '(no title yet)'}`];
	const labelLeaves = leaves(labels).filter(([path]) => path !== 'title' && !path.startsWith('metrics.') && path !== 'metrics' && path !== 'notes');
	const width = Math.max(0, ...labelLeaves.map(([path]) => path.length));
	for (const [path, value] of labelLeaves) lines.push(`  ${path.padEnd(width)}  ${shown(value)}  (from ${origins[path] ?? 'ingest'})`);
	const metrics = isPlainObject(labels.metrics) ? labels.metrics : {};
	const measured = Object.entries(metrics).map(([name, value]) => (Array.isArray(value) ? `${name}: ${value.length}` : `${name} ${shown(value)}`));
	lines.push(`  metrics: ${measured.length ? measured.join(', ') : 'none'}`);
	if (preview.missing.length) lines.push(`  still missing: ${preview.missing.join(', ')}`);
	return lines;
}
