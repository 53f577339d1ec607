import { z } from 'zod';

export const signInLinkAnswer = z.strictObject({ url: z.string(), expiresAt: z.iso.datetime() });
