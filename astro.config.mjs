// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { resolve } from 'node:path';
import { labDir, PROJECT_ROOT } from './src/build/lab-dir.ts';
import { recipeSidebarLinks } from './src/build/sidebar.ts';
import { contentCacheDir } from './src/build/cache-dir.ts';
import { labScanPrefetch } from './src/build/lab-scan-prefetch.ts';
import { labWatch } from './src/build/lab-watch.ts';
import { sitemapPageFilter } from './src/build/sitemap-filter.ts';
import { searchIndex } from './src/build/search-index.ts';
import { deployTarget } from './src/lib/site/deploy-target.ts';
import { withBase } from './src/lib/site/paths.ts';

const lab = labDir();
const target = deployTarget(process.env);

const cacheDir = contentCacheDir({ env: process.env, lab, projectRoot: PROJECT_ROOT });
const outDir = process.env.OUT_DIR ?? './dist';
const search = searchIndex();

export default defineConfig({
	site: target.site,
	base: target.base,
	trailingSlash: 'always',
	// Four pages at a time: rendering waits on file writes, so the two cores stay busy.
	// Scripts and styles as files, not inlined: every page carried the same 2.5 kB (gzip) again.
	build: { concurrency: 4, inlineStylesheets: 'never' },
	vite: {
		build: { assetsInlineLimit: 0 },
		// The bench's vanilla site and built output are not the site's sources: watching them made the
		// dev server log (and react to) every page a bench build wrote.
		server: { watch: { ignored: [`${resolve(PROJECT_ROOT, '.bench')}/**`, `${resolve(PROJECT_ROOT, outDir)}/**`] } },
	},
	cacheDir,
	outDir,
	integrations: [
		// First, so the lab is being read while the rest of the build sets itself up.
		labScanPrefetch({ lab, projectRoot: PROJECT_ROOT }),
		// The dev server: a saved lab file reloads the lab's collections.
		labWatch({ lab }),
		starlight({
			title: 'B70 Optimization Lab',
			description:
				'Recipes, lab notes and labeled benchmark records for local LLMs on Intel Arc Pro B70 and other accessible GPUs.',
			social: [{ icon: 'github', label: 'Lab repository', href: target.labRepoUrl }],
			editLink: target.siteRepoUrl ? { baseUrl: `${target.siteRepoUrl}/edit/${target.siteBranch}/` } : {},
			lastUpdated: true,
			// The lab's own 404 page (src/pages/404.astro); Starlight's would look up a docs entry the site does not have.
			disable404Route: true,
			customCss: ['./src/styles/lab.css'],
			// Every page tells feed readers where the lab's feed is (src/pages/feed.xml.ts).
			head: [
				{
					tag: 'link',
					attrs: { rel: 'alternate', type: 'application/rss+xml', title: 'B70 Optimization Lab: what is new', href: withBase(target.base, 'feed.xml') },
				},
			],
			// The search index is built by searchIndex() below, while pages render.
			pagefind: false,
			components: { Search: './src/components/overrides/Search.astro', LastUpdated: './src/components/overrides/LastUpdated.astro' },
			// No starlight-links-validator: it deletes the content layer's data store on every build,
			// so no rebuild could reuse a rendered note. Links (and the guides' #anchors) are checked
			// on the built site instead: npm run check:links, the site-build test and CI.
			sidebar: [
				{ label: 'Home', link: '/' },
				{ label: 'Search the lab', link: '/search/' },
				{ label: "What's new", link: '/whats-new/' },
				{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] },
				{
					label: 'Recipes',
					items: [{ label: 'All recipes', link: '/repro/' }, ...recipeSidebarLinks(lab)],
				},
				{
					label: 'Results',
					items: [
						{ label: 'Optimization timeline', link: '/timeline/' },
						{ label: 'Negative results', link: '/negative-results/' },
						{ label: 'Current best', link: '/current-best/' },
						{ label: 'Benchmark records', link: '/records/' },
						{ label: 'Compare like with like', link: '/records/compare/' },
						{ label: 'Card-count scaling', link: '/records/scaling/' },
						{ label: 'GPU comparison', link: '/gpus/' },
						{ label: 'Build photos', link: '/build-photos/' },
					],
				},
				{
					label: 'Lab history',
					items: [
						{ label: 'Notes by date', link: '/notes/' },
						{ label: 'Notes by track', link: '/notes/by-track/' },
						{ label: 'Notes by outcome', link: '/notes/by-outcome/' },
						{ label: 'Write-ups', link: '/lab/' },
						{ label: 'Lab data', link: '/data/' },
						{ label: 'Import report', link: '/report/' },
					],
				},
			],
		}),
		mdx(),
		// The Pagefind index, fed page by page as the build renders (in place of Starlight's step);
		// it is written while the sitemap is made, and the search page's facet table is read from it.
		search.indexPages,
		// Starlight's own sitemap, less the redirect pages of runs shown in their file's table.
		sitemap({ filter: sitemapPageFilter({ outDir: resolve(PROJECT_ROOT, outDir), base: target.base }) }),
		search.finish,
	],
	// Lab markdown is sanitised on its rendered HTML tree in the content loaders
	// (src/build/loaders.ts, src/lib/text/sanitize-html.ts): Astro 7's default markdown processor
	// (satteri) does not run `markdown.rehypePlugins`, and the project's own guides stay untouched.
});
