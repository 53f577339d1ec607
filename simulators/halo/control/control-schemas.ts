import { z } from 'zod';
import { PERMISSION_VERBS } from '../auth/permissions';
import { entityNamed } from '../entity-names';
import { ACCESS_LEVELS } from '../state/agent';

/** Bodies the control API accepts; anything else is a 400 naming the offending field. */
const rate = z.number().min(0).max(1);

export const faultsBody = z
  .strictObject({
    seed: z.int(),
    latencyMs: z.number().min(0),
    latencyRate: rate,
    serverErrorRate: rate,
    dropConnectionRate: rate,
    lostResponseRate: rate,
    rateLimitRate: rate,
  })
  .partial();

export const rateLimitBody = z
  .strictObject({
    maxRequests: z.int().min(1),
    windowSeconds: z.int().min(1),
    /** null stops sending Retry-After. */
    retryAfterSeconds: z.int().min(0).nullable(),
  })
  .partial();

const entity = z.string().transform((name, context) => {
  const known = entityNamed(name);
  if (!known) context.addIssue({ code: 'custom', message: `Unknown entity "${name}"` });
  return known ?? z.NEVER;
});

export const forbiddenBody = z.array(
  z.strictObject({ entity, verb: z.string().toUpperCase().pipe(z.enum(PERMISSION_VERBS)) }),
);

const accessLevel = z.enum(ACCESS_LEVELS);

export const agentBody = z
  .strictObject({
    name: z.string().min(1),
    email: z.string(),
    is_admin: z.boolean(),
    isapiagent: z.boolean(),
    isdisabled: z.boolean(),
    roles: z.array(z.strictObject({ id: z.string(), name: z.string() })),
    access: z.strictObject({ customers: accessLevel, assets: accessLevel, tickets: accessLevel }).partial(),
    /** null: the agent may use all asset types. */
    assettypes: z
      .array(z.strictObject({ assettype_id: z.int(), canview: z.boolean(), cancreate: z.boolean(), canedit: z.boolean() }))
      .nullable(),
  })
  .partial();

export const applicationBody = z.strictObject({
  /** Space-separated text or a list. */
  allowedScopes: z.union([z.string(), z.array(z.string())]),
});

export const seedClientsBody = z
  .array(z.strictObject({ name: z.string().trim().min(1), sites: z.array(z.string().trim().min(1)).default([]) }))
  .min(1);

export const settingsBody = z
  .strictObject({
    uniqueAssetTags: z.boolean(),
    tokenLifetimeSeconds: z.int().min(1),
    allStandardCanConfigure: z.boolean(),
    listCustomFields: z.enum(['included', 'omitted']),
    undeclaredQueryParameters: z.enum(['honoured', 'ignored']),
    partialArrayWrites: z.enum(['merge', 'replace']),
    searchCustomFields: z.enum(['all', 'searchable-only']),
  })
  .partial();

export const clockAdvanceBody = z.strictObject({ seconds: z.number().min(0) });
