import { z } from 'zod';
import type { PageSessionController } from './page-session.controller';

export const signInLinkAnswer = z.strictObject({ url: z.string(), expiresAt: z.iso.datetime() }) satisfies z.ZodType<
  Awaited<ReturnType<PageSessionController['createSignInLink']>>
>;
