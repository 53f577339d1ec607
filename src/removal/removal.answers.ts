import { z } from 'zod';
import { ManualAction, REMOVAL_STEPS } from '../../workflows/removal-messages';
import { RemovalPreview, RemovalView } from './removal.service';

export const manualActionAnswer = z.strictObject({
  id: z.string(),
  step: z.enum(REMOVAL_STEPS),
  what: z.string(),
  where: z.string(),
  why: z.string().describe('Why the step failed, the last time it was tried.'),
  state: z.enum(['open', 'retrying', 'done-by-retry', 'resolved-by-hand']),
  attempts: z.int().optional().describe('Times the step was tried: 1 when the action opened, one more per retry.'),
  lastTriedAt: z.iso.datetime().optional(),
}) satisfies z.ZodType<ManualAction>;

export const removalAnswer = z.strictObject({
  removalId: z.string(),
  state: z.enum(['removing', 'removed']),
  workflowId: z.string(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  steps: z.array(
    z.strictObject({
      step: z.enum(REMOVAL_STEPS),
      outcome: z.enum(['pending', 'done', 'needs-a-human', 'left-for-a-human']),
      detail: z.string().nullable(),
    }),
  ),
  manualActions: z.array(manualActionAnswer),
  waitingUntil: z.iso.datetime().nullable().describe('While a manual action is open: until when the removal waits for a person.'),
  assetsRemaining: z.int().nullable(),
}) satisfies z.ZodType<RemovalView>;

export const removalPreviewAnswer = z.strictObject({
  dryRun: z.literal(true),
  willRemove: z.array(z.string()),
  willStay: z.array(z.string()),
}) satisfies z.ZodType<RemovalPreview>;
