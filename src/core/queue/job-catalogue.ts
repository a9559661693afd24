/**
 * The typed job catalogue: every queue, every job, its payload type and its retry policy, in one place.
 * Payloads hold ids and the version they were enqueued for; handlers reload state and skip finished work.
 */
export const QUEUES = ['system', 'documents'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Proves the queue wiring end to end (health checks, tests): echoes its text with the worker that ran it. */
  'system.echo': { text: string; failTimes?: number };
  /** Render one issued document to PDF and store it (idempotent: a rendered document is skipped). */
  'documents.render': { documentId: string };
  /** Render every not-yet-rendered document of a type for a plan, reporting progress (0–100). */
  'documents.batch': { planId: string; type: string };
}
export type JobName = keyof JobPayloads;

export interface JobSpec {
  queue: QueueName;
  /** Attempts in all (1 = no retry); permanent errors (PermanentJobError) are never retried. */
  attempts: number;
  backoffMs: number;
}

export const JOBS: { [N in JobName]: JobSpec } = {
  'system.echo': { queue: 'system', attempts: 3, backoffMs: 200 },
  'documents.render': { queue: 'documents', attempts: 5, backoffMs: 1000 },
  'documents.batch': { queue: 'documents', attempts: 3, backoffMs: 1000 },
};

/** Bounded retention: finished jobs are kept for inspection, not forever. */
export const RETENTION = {
  completed: { age: 7 * 24 * 3600, count: 1000 },
  failed: { age: 30 * 24 * 3600, count: 5000 },
};

/** Throw from a handler when retrying cannot help (bad payload, record gone): the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
