/**
 * Serves a built site over HTTP on a free port, as GitHub Pages would: static files, optionally
 * under a base path. (astro preview allows one server per project, which would collide with a
 * developer's own `npm start`.)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
	/** Origin plus base path, without a trailing slash, e.g. http://127.0.0.1:4000/b70-optimization-lab */
	url: string;
	stop(): Promise<void>;
}

export async function serveStatic(outDir: string, basePath = ''): Promise<StaticServer> {
	const files = sirv(outDir, { dev: true, extensions: ['html'] });
	const server = createServer((request, response) => {
		const url = request.url ?? '/';
		if (basePath && !url.startsWith(`${basePath}/`)) {
			response.statusCode = 404;
			response.end('outside the base path');
			return;
		}
		request.url = url.slice(basePath.length) || '/';
		files(request, response, () => {
			response.statusCode = 404;
			response.end('not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${basePath}`,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
