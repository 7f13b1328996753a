/**
 * The site's own curated data files (not lab history): the GPUs compared on /gpus/ and the build
 * photos on /build-photos/. Strict, like records: a typo is an error, not a silent drop.
 */
import { z } from 'astro/zod';
import { validateWith, type SchemaGuide, type Validation } from './explain';

const text = z.string().trim().min(1);
const https = z.url({ protocol: /^https$/, error: 'must be an https URL' });

export const gpuSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes'),
	name: text,
	vendor: text,
	vramGb: z.number().positive(),
	/** Stated when a source gives it; null means nobody has recorded it yet. */
	memoryBandwidthGbPerS: z.number().positive().nullable(),
	boardPowerW: z.number().positive().nullable(),
	interconnect: text,
	priceUsd: z.number().positive().nullable().optional(),
	/** Case-insensitive fragments that identify this GPU in records' hardware.gpu. */
	matches: z.array(text).min(1),
	notes: z.string().optional(),
	sources: z.array(https).default([]),
});
export const gpusFileSchema = z.strictObject({ $schema: z.string().optional(), gpus: z.array(gpuSchema).min(1) });
export type Gpu = z.output<typeof gpuSchema>;

export const PHOTO_PROOFS = ['full-system', 'board', 'slot-order', 'card-spacing', 'risers', 'power-cabling', 'airflow', 'card-order', 'cooling', 'storage'] as const;
export const NOISE_LEVELS = ['office-or-home', 'lab-only', 'not-recorded'] as const;

export const photoSchema = z.strictObject({
	url: https,
	caption: text,
	proves: z.array(z.enum(PHOTO_PROOFS)).min(1),
	build: z.strictObject({
		cards: text,
		board: text.optional(),
		psu: text.optional(),
		cooling: text.optional(),
		noise: z.enum(NOISE_LEVELS),
	}),
	/** A small compressed copy in data/photos/ (size-limited by npm run check). */
	localCopy: z.string().regex(/^data\/photos\/[^/]+\.(png|jpe?g|webp|avif)$/, 'must be a file in data/photos/').optional(),
});
export const photosFileSchema = z.strictObject({ $schema: z.string().optional(), photos: z.array(photoSchema) });
export type Photo = z.output<typeof photoSchema>;

/** Curated files under data/ that are site data, not lab history (no data page of their own). */
/** The lab's declarations the site reads as configuration (never shown as experiment data). */
export const SITE_DATA_FILES = { gpus: 'data/gpus.json', photos: 'data/photos.json', timeline: 'data/timeline.json', lanes: 'data/lanes.json', tracks: 'data/tracks.json' } as const;

const GPU_GUIDE: SchemaGuide = {
	schema: gpusFileSchema,
	keyNoun: 'field',
	hints: {
		'gpus[].memoryBandwidthGbPerS': 'the memory bandwidth in GB/s, or null when no source states it',
		'gpus[].boardPowerW': 'the board power in watts, or null when no source states it',
		'gpus[].matches': 'fragments of the GPU name as records write it, e.g. ["Arc Pro B70"]',
	},
};
const PHOTO_GUIDE: SchemaGuide = {
	schema: photosFileSchema,
	keyNoun: 'field',
	hints: {
		'photos[].proves': `what the photo shows: ${PHOTO_PROOFS.join(', ')}`,
		'photos[].build.noise': `one of: ${NOISE_LEVELS.join(', ')}`,
	},
};

export const validateGpus = (input: unknown, file: string): Validation<z.output<typeof gpusFileSchema>> => validateWith(GPU_GUIDE, input, file, 'a GPU list');
export const validatePhotos = (input: unknown, file: string): Validation<z.output<typeof photosFileSchema>> => validateWith(PHOTO_GUIDE, input, file, 'a photo list');
