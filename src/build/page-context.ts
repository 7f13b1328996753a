/**
 * The context of a page built from lab material, worked out once per page (as Starlight's route
 * data is): its edit link and last-updated date, and how lab paths and LocalMaxxing ids link.
 * Components receive it and only read it.
 */
import { getCollection, getEntry } from 'astro:content';
import { trackLabel, type Track } from '../lib/lab/tracks';
import { githubEditUrl, githubFileUrl, labHref, labPathIndex, type LabLinkContext, type LabPathIndex } from '../lib/lab/lab-paths';
import { localmaxxingUrl } from '../lib/site/localmaxxing';
import { withBase } from '../lib/site/paths';
import { labSession } from './lab-session';

export interface LabPageContext {
	base: string;
	/** "Edit this page" on the lab repository, for pages of one lab file. */
	editUrl?: string;
	lastUpdated?: Date;
	links: LabLinkContext;
	/** Where a cited lab path leads (a page here, or GitHub); undefined when the lab has no such file. */
	href(labPath: string): string | undefined;
	/** The file itself on GitHub (the raw source of a page). */
	githubUrl(labPath: string): string;
	/** A page of this site under the base path. */
	page(sitePath: string): string;
	localmaxxingUrl(id: string): string;
	/** The tracks the lab declares (its data/tracks.json, else the project's). */
	tracks: Track[];
	/** A track id as readers see it: its declared label, the id itself, or "Unclassified". */
	trackLabel(id: string | undefined): string;
}

type LinkIndexData = NonNullable<Awaited<ReturnType<typeof getEntry<'labreport', 'report'>>>>['data']['linkIndex'];
// Every page of a build shares one path index; it is rebuilt only when the report entry changes
// (a new build, or the dev server re-reading the lab). Building it per page cost 0.3 ms x 2,000 pages.
const indexes = new WeakMap<LinkIndexData, LabPathIndex>();
function pathIndexOf(data: LinkIndexData): LabPathIndex {
	let index = indexes.get(data);
	if (!index) {
		index = labPathIndex(data.files, data.writeups, data.recipeFolders, new Map(Object.entries(data.pages ?? {})));
		indexes.set(data, index);
	}
	return index;
}

/** The page context; `labPath` is the lab file the page shows, if it shows one. */
export async function labPageContext(base: string, labPath?: string): Promise<LabPageContext> {
	const { target } = labSession;
	const index = (await getEntry('labreport', 'report'))?.data.linkIndex;
	const tracks = (await getCollection('tracks')).map((entry) => entry.data);
	const links: LabLinkContext = {
		base,
		repoUrl: target.labRepoUrl,
		branch: target.branch,
		index: index ? pathIndexOf(index) : undefined,
	};
	return {
		base,
		editUrl: labPath ? githubEditUrl(links, labPath) : undefined,
		lastUpdated: labPath ? labSession.lastUpdated(labPath) : undefined,
		links,
		href: (path) => labHref(path, links),
		githubUrl: (path) => githubFileUrl(links, path),
		page: (sitePath) => withBase(base, sitePath),
		localmaxxingUrl: (id) => localmaxxingUrl(id, labSession.env.LOCALMAXXING_RESULT_URL),
		tracks,
		trackLabel: (id) => trackLabel(id, tracks),
	};
}
