/**
 * Draws the optimization timeline with d3: one step line per track over time, points marked by
 * status, a tooltip on hover and keyboard focus, a brush to zoom on dates, legend buttons that
 * toggle tracks, and a switch between output and total tok/s. The table under the chart holds
 * the same steps for readers without JavaScript.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { brushX, type D3BrushEvent } from 'd3-brush';
import { scaleLinear, scaleOrdinal, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { curveStepAfter, line } from 'd3-shape';

export interface ChartStep {
	id: string;
	track: string;
	date: string;
	status: string;
	/** A run that does not stand (rejected, negative, blocked, doubted): hollow, off the line. */
	standing: boolean;
	title: string;
	change: string;
	context: string;
	href: string;
	values: { outputTokPerS?: number; totalTokPerS?: number };
	gains: { outputTokPerS: string; totalTokPerS: string };
	/** The step each gain was computed against, if any. */
	against: { outputTokPerS?: string; totalTokPerS?: string };
}

interface ChartData {
	tracks: Array<{ id: string; label: string }>;
	steps: ChartStep[];
}

type Metric = 'outputTokPerS' | 'totalTokPerS';
const UNIT: Record<Metric, string> = { outputTokPerS: 'output tok/s', totalTokPerS: 'total tok/s' };
// Theme-aware series colors (src/styles/lab.css), so the chart reads in light and dark.
const COLORS = [1, 2, 3, 4, 5, 6].map((n) => `var(--lab-series-${n})`);
/** What each status means for a step, in words, for the tooltip. */
const STATUS_WORDS: Record<string, string> = {
	promoted: 'promoted: stayed in the path',
	candidate: 'candidate: not yet promoted',
	rejected: 'rejected: did not stay',
	negative: 'negative result: did not stay',
	blocked: 'blocked',
	historical: 'historical',
};
const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

export function drawTimeline(root: HTMLElement, data: ChartData): void {
	const plot = root.querySelector<HTMLElement>('[data-timeline-plot]')!;
	const overview = root.querySelector<HTMLElement>('[data-timeline-overview]')!;
	const tooltip = root.querySelector<HTMLElement>('[data-timeline-tooltip]')!;
	const controls = root.querySelector<HTMLElement>('[data-timeline-controls]')!;
	const color = scaleOrdinal<string, string>().domain(data.tracks.map((track) => track.id)).range(COLORS);
	const hidden = new Set<string>();
	let metric: Metric = 'outputTokPerS';
	let zoom: [Date, Date] | undefined;

	// Legend: one toggle per track.
	const legend = controls.querySelector<HTMLElement>('[data-timeline-legend]')!;
	for (const track of data.tracks) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'legend-button';
		button.setAttribute('aria-pressed', 'true');
		button.dataset.track = track.id;
		button.innerHTML = `<span class="swatch" style="background:${color(track.id)}"></span>`;
		button.append(track.label);
		button.addEventListener('click', () => {
			if (hidden.has(track.id)) hidden.delete(track.id);
			else hidden.add(track.id);
			button.setAttribute('aria-pressed', String(!hidden.has(track.id)));
			draw();
		});
		legend.append(button);
	}
	for (const input of controls.querySelectorAll<HTMLInputElement>('input[name="metric"]')) {
		input.addEventListener('change', () => {
			metric = input.value as Metric;
			draw();
		});
	}
	controls.querySelector<HTMLButtonElement>('[data-timeline-reset]')!.addEventListener('click', () => {
		zoom = undefined;
		draw();
	});
	controls.hidden = false;

	const showTooltip = (step: ChartStep, x: number, y: number) => {
		tooltip.innerHTML = '';
		const track = data.tracks.find((candidate) => candidate.id === step.track)?.label ?? step.track;
		const lines: Array<[string, 'strong' | 'span']> = [[step.title, 'strong'], [`${step.date} · ${track}`, 'span']];
		// Many steps are titled by their change: say it once.
		if (step.change !== step.title) lines.push([step.change, 'span']);
		lines.push(
			[`${step.values[metric]} ${UNIT[metric]} · gain ${step.gains[metric]}`, 'span'],
			[step.context, 'span'],
			[`Status: ${STATUS_WORDS[step.status] ?? step.status}`, 'span'],
		);
		for (const [text, tag] of lines) {
			const element = document.createElement(tag);
			element.textContent = text;
			tooltip.append(element);
		}
		tooltip.hidden = false;
		const bounds = plot.getBoundingClientRect();
		tooltip.style.left = `${Math.min(x + 12, bounds.width - 260)}px`;
		tooltip.style.top = `${y + 12}px`;
	};

	function draw(): void {
		// Measured by npm run bench (budget: 5,000 steps in under 200 ms).
		performance.mark('timeline-draw-start');
		const width = Math.max(320, plot.clientWidth);
		const height = 340;
		const margin = { top: 16, right: 16, bottom: 32, left: 56 };
		const visible = data.steps.filter((step) => !hidden.has(step.track) && step.values[metric] !== undefined);
		const allDates = data.steps.map((step) => dayOf(step.date));
		const full: [Date, Date] = [new Date(Math.min(...allDates.map(Number))), new Date(Math.max(...allDates.map(Number)) + 86400000)];
		const x = scaleUtc().domain(zoom ?? full).range([margin.left, width - margin.right]);
		const inView = visible.filter((step) => dayOf(step.date) >= x.domain()[0] && dayOf(step.date) <= x.domain()[1]);
		const y = scaleLinear().domain([0, Math.max(10, ...inView.map((step) => step.values[metric]!)) * 1.1]).nice().range([height - margin.bottom, margin.top]);

		select(plot).selectAll('svg').remove();
		const svg = select(plot).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('role', 'group').attr('aria-label', `Timeline of ${UNIT[metric]} by date`);
		svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))));
		svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`).call(axisLeft(y).ticks(6));
		svg
			.append('g')
			.attr('class', 'grid')
			.attr('aria-hidden', 'true')
			.attr('transform', `translate(${margin.left},0)`)
			.call(axisLeft(y).ticks(6).tickSize(-(width - margin.left - margin.right)).tickFormat(() => ''));
		svg.append('text').attr('class', 'axis-title').attr('x', margin.left).attr('y', margin.top - 4).text(UNIT[metric]);
		const clip = `timeline-clip-${Math.random().toString(36).slice(2)}`;
		svg.append('clipPath').attr('id', clip).append('rect').attr('x', margin.left).attr('y', 0).attr('width', width - margin.left - margin.right).attr('height', height);
		const content = svg.append('g').attr('clip-path', `url(#${clip})`);

		// A line joins a step to the earlier step its gain is against, and nothing else: a run with no
		// comparable earlier run (another card count, shape or lane) starts afresh, as its gain says.
		const standing = new Map(inView.filter((step) => step.standing).map((step) => [step.id, step]));
		const segment = line<ChartStep>().x((step) => x(dayOf(step.date))).y((step) => y(step.values[metric]!)).curve(curveStepAfter);
		for (const step of standing.values()) {
			const from = standing.get(step.against?.[metric] ?? '');
			const path = from && segment([from, step]);
			if (path) content.append('path').attr('class', 'track-line').attr('d', path).style('stroke', color(step.track)).attr('fill', 'none');
		}
		content
			.selectAll('circle')
			.data(inView)
			.join('circle')
			.attr('class', (step) => `step-point status-${step.status}`)
			.attr('cx', (step) => x(dayOf(step.date)))
			.attr('cy', (step) => y(step.values[metric]!))
			.attr('r', 5)
			.style('stroke', (step) => color(step.track))
			.style('fill', (step) => (step.status === 'promoted' ? color(step.track) : !step.standing ? 'transparent' : 'var(--sl-color-bg)'))
			.attr('tabindex', 0)
			.attr('role', 'img')
			.attr('aria-label', (step) => `${step.title}, ${step.date}: ${step.values[metric]} ${UNIT[metric]}, gain ${step.gains[metric]}, ${step.status}`)
			.on('mouseenter focus', (event: Event, step) => {
				const point = event.currentTarget as SVGCircleElement;
				showTooltip(step, Number(point.getAttribute('cx')), Number(point.getAttribute('cy')));
			})
			.on('mouseleave blur', () => {
				tooltip.hidden = true;
			})
			.on('click', (_event: Event, step) => {
				window.location.href = step.href;
			})
			.on('keydown', (event: KeyboardEvent, step) => {
				if (event.key === 'Enter') window.location.href = step.href;
			});

		// Overview with a brush: drag to zoom on a date range.
		select(overview).selectAll('svg').remove();
		const overviewHeight = 44;
		const ox = scaleUtc().domain(full).range([margin.left, width - margin.right]);
		const osvg = select(overview).append('svg').attr('viewBox', `0 0 ${width} ${overviewHeight}`).attr('width', width).attr('height', overviewHeight).attr('aria-label', 'Drag to zoom on dates');
		osvg.append('g').attr('class', 'axis').attr('transform', `translate(0,${overviewHeight - 18})`).call(axisBottom(ox).ticks(Math.max(2, Math.floor(width / 140))));
		osvg.selectAll('rect.tick-mark').data(visible).join('rect').attr('class', 'tick-mark').attr('x', (step) => ox(dayOf(step.date))).attr('y', 6).attr('width', 2).attr('height', 14).style('fill', (step) => color(step.track));
		const brush = brushX().extent([[margin.left, 2], [width - margin.right, overviewHeight - 18]]).on('end', (event: D3BrushEvent<unknown>) => {
			if (!event.selection || !event.sourceEvent) return;
			const [start, end] = event.selection as [number, number];
			zoom = [ox.invert(start), ox.invert(end)];
			draw();
		});
		const brushGroup = osvg.append('g').attr('class', 'brush').call(brush);
		if (zoom) brushGroup.call(brush.move, [ox(zoom[0]), ox(zoom[1])]);
		root.dataset.drawnPoints = String(inView.length);
		performance.measure('timeline-draw', 'timeline-draw-start');
	}

	draw();
	new ResizeObserver(() => draw()).observe(plot);
}

// The steps come from the site's own chart data file (never a CDN); the page's table works without it.
for (const root of document.querySelectorAll<HTMLElement>('[data-timeline]')) {
	const source = root.dataset.timelineSrc;
	if (!source) continue;
	fetch(source)
		.then((response) => (response.ok ? (response.json() as Promise<ChartData>) : Promise.reject(new Error(`${response.status} ${source}`))))
		.then((data) => drawTimeline(root, data))
		.catch((error: Error) => {
			root.dataset.timelineError = error.message;
		});
}
