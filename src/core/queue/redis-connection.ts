import { Redis } from 'ioredis';

/** BullMQ needs maxRetriesPerRequest = null on worker connections (blocking commands). */
export const createRedis = (url: string, name: string): Redis =>
  new Redis(url, { maxRetriesPerRequest: null, connectionName: `gpmb:${name}`, lazyConnect: false });
