/**
 * The site's collections. Content lives where contributors expect it (notes/, repro/, data/ at
 * the lab root, see src/build/lab-dir.ts); hand-written guides live in src/content/docs.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { labDir } from './build/lab-dir';
import { labDataLoader, notesLoader, recordsLoader, reproLoader } from './build/loaders';
import { noteDataSchema } from './lib/schema/note';
import { recipeFrontmatterSchema } from './lib/schema/recipe';
import { recordSchema } from './lib/schema/record';

const lab = labDir();
/** Every collection entry remembers its file, relative to the lab root, for edit links and provenance. */
const sourcePath = { sourcePath: z.string() };

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	notes: defineCollection({ loader: notesLoader(lab), schema: noteDataSchema }),
	repro: defineCollection({
		loader: reproLoader(lab),
		schema: recipeFrontmatterSchema.extend({ folder: z.string(), ...sourcePath }),
	}),
	records: defineCollection({
		loader: recordsLoader(lab),
		// The loader has already validated each record with recordSchema (for its own messages);
		// parsing again here gives the collection its types and defaults. The pipe is there because
		// Astro extends plain object schemas (to add $schema), which zod refuses for refined ones.
		schema: z.unknown().pipe(recordSchema),
	}),
	labdata: defineCollection({
		loader: labDataLoader(lab),
		schema: z.object({ json: z.unknown().optional(), parseError: z.string().optional(), ...sourcePath }),
	}),
};
