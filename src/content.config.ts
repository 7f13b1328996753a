/**
 * The site's collections. Lab content lives where contributors expect it (notes/, repro/, data/,
 * results/ at the lab root; see src/build/lab-dir.ts) and is read through one inventory
 * (src/build/lab-session.ts); hand-written guides live in src/content/docs.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { gpusLoader, labDataLoader, lanesLoader, tracksLoader, labReportLoader, notesLoader, photosLoader, recordsLoader, reproLoader, timelineLoader, writeupsLoader } from './build/loaders';
import { timelineFileSchema } from './lib/schema/timeline';
import { laneSchema } from './lib/schema/lanes';
import { trackSchema } from './lib/schema/tracks';
import { gpuSchema, photoSchema } from './lib/schema/site-data';
import { DATA_KINDS } from './lib/lab/data-files';
import type { LabReport } from './lib/lab/report';
import { NOTE_OUTCOMES, noteDataSchema } from './lib/schema/note';
import { recipeFrontmatterSchema } from './lib/schema/recipe';
import type { LabRecord } from './lib/schema/record';

const documentSchema = noteDataSchema.extend({
	outcomeFrom: z.string().optional(),
	pairedData: z.array(z.string()),
	pairedFiles: z.array(z.string()),
	/** The run the note is about, when the note or its data states one (its record and labeled figure). */
	headline: z
		.object({ recordId: z.string(), figure: z.string(), context: z.string(), status: z.string() })
		.optional(),
	/** A negative note's decision, opening sentence and settings, for the negative-results table. */
	explanation: z.object({ decision: z.string(), verdict: z.string().optional(), summary: z.string(), settings: z.array(z.string()) }).optional(),
	/** Flags this note introduced (src/lib/site/search-flags.ts): search ranks the note first for them. */
	introducesFlags: z.array(z.string()).default([]),
});

/**
 * Starlight builds the docs frontmatter schema anew for every <StarlightPage> it renders (about 1 ms
 * each, 2 s of a 2,000-page build), although the schema never changes. The first schema built is
 * kept. That is only safe because the guides use no image fields: `image()` from the first context
 * would otherwise resolve images for every page. A guide with a hero image needs this removed.
 */
const starlightDocsSchema = docsSchema();
let docsFrontmatterSchema: ReturnType<typeof starlightDocsSchema> | undefined;
const docsFrontmatter: typeof starlightDocsSchema = (context) => (docsFrontmatterSchema ??= starlightDocsSchema(context));

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsFrontmatter }),
	/**
	 * The site's own wording of Starlight's interface (src/content/i18n/en.json): every page is a
	 * file on GitHub, and its edit link says so.
	 */
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	notes: defineCollection({ loader: notesLoader(), schema: documentSchema }),
	/** Write-ups outside notes/: results/, plans/, legacy repro/ READMEs, root files of a lab checkout. */
	writeups: defineCollection({ loader: writeupsLoader(), schema: documentSchema }),
	repro: defineCollection({
		loader: reproLoader(),
		schema: recipeFrontmatterSchema.extend({ folder: z.string(), sourcePath: z.string() }),
	}),
	records: defineCollection({
		loader: recordsLoader(),
		// Every record reaching this collection is already recordSchema's output: strict records are
		// validated as they are read (their own messages), imported ones by reconciliation. This
		// schema only gives the collection its type; parsing 1,000 records again cost a quarter of a
		// second of every build.
		schema: z.custom<LabRecord>(),
	}),
	labdata: defineCollection({
		loader: labDataLoader(),
		schema: z.object({
			sourcePath: z.string(),
			kind: z.enum(DATA_KINDS),
			json: z.unknown().optional(),
			parseError: z.string().optional(),
			size: z.number(),
			title: z.string(),
			date: z.string().optional(),
			outcome: z.enum(NOTE_OUTCOMES).optional(),
			track: z.string().optional(),
			summary: z.string().optional(),
			pairedNote: z.string().optional(),
		}),
	}),
	gpus: defineCollection({ loader: gpusLoader(), schema: gpuSchema }),
	lanes: defineCollection({ loader: lanesLoader(), schema: laneSchema }),
	tracks: defineCollection({ loader: tracksLoader(), schema: trackSchema }),
	timeline: defineCollection({ loader: timelineLoader(), schema: timelineFileSchema }),
	photos: defineCollection({ loader: photosLoader(), schema: photoSchema }),
	labreport: defineCollection({
		loader: labReportLoader(),
		schema: z.object({
			report: z.custom<LabReport>(),
			otherDataFiles: z.array(z.object({ path: z.string(), size: z.number(), pairedNote: z.string().optional() })),
			/** What lab paths exist, so pages link them (src/lib/lab/lab-paths.ts). */
			linkIndex: z.object({
				files: z.array(z.string()),
				writeups: z.array(z.string()),
				recipeFolders: z.array(z.string()),
				pages: z.record(z.string(), z.string()),
			}),
			/** Entries of the collections a lab may not have at all (src/build/lab-collections.ts). */
			collectionSizes: z.object({ writeups: z.number(), repro: z.number(), labdata: z.number() }),
		}),
	}),
};
