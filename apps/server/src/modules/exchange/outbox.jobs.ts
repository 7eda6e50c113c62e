import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { OUTBOX_DELIVER_JOB, OUTBOX_SWEEP_JOB, type OutboxService } from './outbox.service.ts';

/** First delivery: a job enqueued with the change. Retries: a sweep every minute by the platform clock. */
export function defineOutboxJobs(jobs: JobQueue, outbox: OutboxService) {
  jobs.define<{ messageId: string }>({
    name: OUTBOX_DELIVER_JOB,
    // A failure is recorded on the message and retried by the sweep with the outbox's own backoff.
    retryLimit: 0,
    handle: async ({ messageId }) => void (await outbox.deliver(messageId)),
  });
  jobs.define({
    name: OUTBOX_SWEEP_JOB,
    cron: '* * * * *',
    handle: async () => void (await outbox.deliverDue()),
  });
}
