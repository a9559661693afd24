// Maintained by `npm run migration:generate -- <Name>`: every migration, oldest first.
import { Initial1795504912329 } from './1795504912329-Initial.js';

export const MIGRATIONS: Function[] = [Initial1795504912329];
