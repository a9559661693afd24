import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_PREFIX } from './configure-app.js';

/** Where `npm run build -w web` writes the clerks' web app (web/dist under the project). */
export const WEB_DIST = resolve(process.cwd(), 'web', 'dist');

/**
 * Serves the clerks' web app at `/` from the same process as the API: its built files (hashed, cached for a year)
 * and, for any other GET that is not the API, its index.html, so that a link to /ho-so/… opens the app there.
 * Nothing is served when the app has not been built (the API runs alone).
 */
export function serveWebApp(app: INestApplication, dir = WEB_DIST): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(dir, { index: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith(`/${API_PREFIX.split('/')[0]}/`) || !req.accepts('html'))
      return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
