/**
 * Card-count scaling: for runs that share everything but the number of cards (same model,
 * quantization, GPU, engine, shape, warmth and speculation), throughput against card count.
 * Laid out with d3 at build time, so the chart is plain SVG that needs no JavaScript.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { metricValue, scalingKey, type Metric } from '../records/comparable';
import type { LabRecord } from '../schema/record';

export interface ScalingPoint {
	id: string;
	title: string;
	gpuCount: number;
	value: number;
	status: LabRecord['status'];
}

export interface ScalingSeries {
	key: string;
	/** What the runs share, for the chart's title. */
	label: string;
	metric: Metric;
	points: ScalingPoint[];
}

/** Series with at least two different card counts, the most measured first. */
export function scalingSeries(entries: ReadonlyArray<{ id: string; record: LabRecord }>, metric: Metric): ScalingSeries[] {
	const groups = new Map<string, Array<{ id: string; record: LabRecord }>>();
	for (const entry of entries) {
		const key = scalingKey(entry.record);
		if (key === undefined || metricValue(entry.record, metric) === undefined) continue;
		groups.set(key, [...(groups.get(key) ?? []), entry]);
	}
	return [...groups.entries()]
		.filter(([, members]) => new Set(members.map((member) => member.record.hardware.gpuCount)).size >= 2)
		.map(([key, members]) => {
			const { model, hardware, software, shape } = members[0].record;
			return {
				key,
				metric,
				label: `${model.id} (${model.quantization}), ${hardware.gpu}, ${software.engine.name}, p${shape.promptTokens}/n${shape.outputTokens}, batch ${shape.batchSize}, ${members[0].record.warmth}`,
				points: members
					.map(({ id, record }) => ({ id, title: record.title, gpuCount: record.hardware.gpuCount as number, value: metricValue(record, metric)!, status: record.status }))
					.sort((a, b) => a.gpuCount - b.gpuCount || b.value - a.value),
			};
		})
		.sort((a, b) => b.points.length - a.points.length || a.label.localeCompare(b.label));
}

export interface ScalingLayout {
	width: number;
	height: number;
	margin: { top: number; right: number; bottom: number; left: number };
	xTicks: Array<{ value: number; x: number }>;
	yTicks: Array<{ value: number; y: number }>;
	points: Array<ScalingPoint & { x: number; y: number; best: boolean }>;
	/** The best run at each card count, joined: the shape of the scaling curve. */
	bestPath: string;
	/** The card count with the highest throughput. */
	bestGpuCount: number;
}

export function scalingLayout(series: ScalingSeries, width = 640, height = 320): ScalingLayout {
	const margin = { top: 20, right: 56, bottom: 48, left: 64 };
	const counts = [...new Set(series.points.map((point) => point.gpuCount))].sort((a, b) => a - b);
	const x = scaleLinear().domain([Math.min(1, counts[0]), Math.max(...counts)]).range([margin.left, width - margin.right]).nice();
	const y = scaleLinear().domain([0, Math.max(...series.points.map((point) => point.value)) * 1.1]).range([height - margin.bottom, margin.top]).nice();
	const bestByCount = counts.map((count) => series.points.filter((point) => point.gpuCount === count).reduce((best, point) => (point.value > best.value ? point : best)));
	const path = line<ScalingPoint>().x((point) => x(point.gpuCount)).y((point) => y(point.value))(bestByCount) ?? '';
	const best = bestByCount.reduce((top, point) => (point.value > top.value ? point : top));
	const xTickValues = x.ticks(Math.max(...counts)).filter((tick) => Number.isInteger(tick));
	return {
		width,
		height,
		margin,
		xTicks: xTickValues.map((value) => ({ value, x: x(value) })),
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
		points: series.points.map((point) => ({ ...point, x: x(point.gpuCount), y: y(point.value), best: bestByCount.includes(point) })),
		bestPath: path,
		bestGpuCount: best.gpuCount,
	};
}
