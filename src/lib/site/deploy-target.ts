/**
 * Where the site is served from, and which repositories its links point at. On GitHub Pages a
 * project site lives at https://<owner>.github.io/<repo>/, so `site` and `base` follow from
 * GITHUB_REPOSITORY (the repository the workflow runs in: the lab's own, when the lab publishes
 * itself); SITE_URL and BASE_PATH override either. Locally, the site is served from the root.
 */
export interface DeployTarget {
	site: string;
	base: string;
	/** The repository that holds this site's source (for "edit this page" links on guides). */
	siteRepoUrl?: string;
	/** Branch of the site's repository that guide edits are proposed against. */
	siteBranch: string;
	/** The repository that holds the lab content (notes/, repro/, data/); defaults to the site's. */
	labRepoUrl: string;
	/** Branch of the lab repository that edit and source links open. */
	branch: string;
}

const DEFAULT_LAB_REPO = 'https://github.com/steveseguin/llm-optimizations';

function normalizeBase(base: string): string {
	const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}` : '/';
}

export function deployTarget(rawEnv: Record<string, string | undefined>): DeployTarget {
	// Unset repository variables and empty workflow inputs arrive as empty strings: treat them as unset.
	const env = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== undefined && value.trim() !== ''));
	const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
	const fromRepo = owner && repo;
	const isUserSite = fromRepo && repo.toLowerCase() === `${owner.toLowerCase()}.github.io`;
	const site = env.SITE_URL ?? (fromRepo ? `https://${owner}.github.io` : 'http://localhost:4321');
	const base = normalizeBase(env.BASE_PATH ?? (fromRepo && !isUserSite ? repo : '/'));
	// When a lab publishes itself, GITHUB_REPOSITORY is the lab: the workflow names the site's
	// repository (SITE_REPO_URL) so guide edit links still open this project.
	const repoUrl = fromRepo ? `https://github.com/${owner}/${repo}` : undefined;
	const siteRepoUrl = env.SITE_REPO_URL ?? repoUrl;
	const branch = env.LAB_BRANCH ?? 'main';
	return {
		site,
		base,
		siteRepoUrl,
		siteBranch: env.SITE_BRANCH ?? branch,
		labRepoUrl: env.LAB_REPO_URL ?? (env.LAB_DIR ? DEFAULT_LAB_REPO : (siteRepoUrl ?? DEFAULT_LAB_REPO)),
		branch,
	};
}
