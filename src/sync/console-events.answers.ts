import { z } from 'zod';
import { ConsoleEventsService } from './console-events.service';

export const consoleEventAnswer = z.strictObject({
  accepted: z.boolean(),
  duplicate: z.boolean().describe('Seen before: ignored.'),
}) satisfies z.ZodType<Awaited<ReturnType<ConsoleEventsService['receive']>>>;
