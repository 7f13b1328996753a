/** The inventory of a lab given as texts in memory ({ path: text }), read as a build reads it. */
import { buildInventory, type LabInventory } from '../../src/lib/lab/inventory';

export const inventoryOfTexts = (files: Record<string, string>): LabInventory =>
	buildInventory({
		files: Object.entries(files).map(([path, text]) => ({ path, text, size: text.length })),
		base: '/',
		repoUrl: 'https://github.com/lab/repo',
		branch: 'main',
		localmaxxingUrl: (id) => `https://lm.example/${id}`,
		includeRootDocuments: true,
	});
