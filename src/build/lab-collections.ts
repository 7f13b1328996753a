/**
 * The collections a lab may not have at all: write-ups (a lab with only notes/), recipes (a lab
 * with no strict repro/ README) and data pages. Astro warns "The collection ... does not exist or
 * is empty" on every read of an empty collection, a warning nobody building the site can act on;
 * so an empty one is not read. The sizes come from the same scan the loaders read
 * (src/build/loaders.ts, the labreport entry).
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';

export type OptionalLabCollection = 'writeups' | 'repro' | 'labdata';

export async function labCollection<C extends OptionalLabCollection>(name: C): Promise<CollectionEntry<C>[]> {
	const sizes = (await getEntry('labreport', 'report'))?.data.collectionSizes;
	if (sizes && sizes[name] === 0) return [];
	return (await getCollection(name)) as CollectionEntry<C>[];
}
