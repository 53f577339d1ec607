import { z } from 'zod';
import { BadRequestBody, json, parseJsonBody, Router, SimRequest } from '../shared/http-kit';
import { generateDemoData } from '../demo-data/generate-demo-data';
import { ConsoleData, ConsoleLicenseType } from '../demo-data/types';
import { SimulatorError } from './console-state';
import type { SimulatorContext } from './context';
import { fillConnectTemplate } from './connect-page';
import { describeZodError, settingsPatchSchema } from './settings';

/**
 * Test-control API under `/_sim` (never counted, limited or faulted). Documented in README.md.
 * Errors answer `{ "error": "<what is wrong>" }` with 400 (bad input), 404 (unknown id) or 409 (conflict).
 */
export function createControlRouter(ctx: SimulatorContext, applySettings: (patch: z.infer<typeof settingsPatchSchema>) => void): Router {
  const router = new Router();

  router
    .on('GET', '/_sim/state', () => json(200, ctx.state.snapshot()))
    .on('PUT', '/_sim/data', (req) => {
      const data = readDataBody(req);
      ctx.state.replace(data);
      return json(200, counts(ctx));
    })

    // Companies
    .on('POST', '/_sim/companies', (req) => {
      const body = readBody(req, z.object({ name: z.string(), id: z.string().optional() }).strict());
      return json(201, ctx.state.addCompany(body));
    })
    .on('PATCH', '/_sim/companies/:id', (req) => {
      const body = readBody(req, z.object({ name: z.string() }).strict());
      return json(200, ctx.state.renameCompany(req.params.id, body.name));
    })

    // Computers
    .on('POST', '/_sim/computers', (req) => {
      const body = readBody(req, addComputerSchema);
      return json(201, ctx.state.addComputer({ ...body, licenseType: body.licenseType as ConsoleLicenseType | null | undefined }));
    })
    .on('GET', '/_sim/computers/:hid', (req) => {
      const computer = ctx.state.findComputer(req.params.hid);
      if (!computer) throw new SimulatorError(404, `No computer with ComputerHID ${req.params.hid}`);
      return json(200, {
        computer,
        license: ctx.state.licenseOf(computer) ?? null,
        plans: ctx.state.plansOf(computer),
        connectUrl: fillConnectTemplate(ctx.settings.remoteConnectUrlTemplate, ctx.url(), computer.ComputerHID),
      });
    })
    .on('PATCH', '/_sim/computers/:hid', (req) => {
      const body = readBody(req, updateComputerSchema);
      return json(200, ctx.state.updateComputer(req.params.hid, { ...body, licenseType: body.licenseType as ConsoleLicenseType | null | undefined }));
    })
    .on('DELETE', '/_sim/computers/:hid', (req) => json(200, ctx.state.deleteComputer(req.params.hid)))
    .on('POST', '/_sim/computers/:hid/backups', (req) => {
      const body = readBody(req, recordBackupSchema);
      return json(201, ctx.state.recordBackup(req.params.hid, body));
    })

    // Faults and counters
    .on('GET', '/_sim/faults', () => json(200, ctx.faults.current()))
    .on('PUT', '/_sim/faults', (req) => {
      const body = readBody(req, faultsSchema);
      try {
        return json(200, ctx.faults.configure(body));
      } catch (error) {
        throw new SimulatorError(400, (error as Error).message);
      }
    })
    .on('DELETE', '/_sim/faults', () => json(200, ctx.faults.reset()))
    .on('GET', '/_sim/counters', () => json(200, ctx.counters.snapshot()))
    .on('POST', '/_sim/counters/reset', () => {
      ctx.counters.reset();
      return json(200, ctx.counters.snapshot());
    })

    // Tokens
    .on('POST', '/_sim/tokens/expire', () => json(200, { expired: ctx.tokens.expireAll() }))

    // Events
    .on('GET', '/_sim/event-target', () => json(200, { target: ctx.events.getTarget() ?? null }))
    .on('PUT', '/_sim/event-target', (req) => {
      const body = readBody(req, eventTargetSchema);
      ctx.events.setTarget(body);
      return json(200, { target: ctx.events.getTarget() });
    })
    .on('DELETE', '/_sim/event-target', () => {
      ctx.events.setTarget(undefined);
      return json(200, { target: null });
    })
    .on('GET', '/_sim/events', (req) => {
      const type = req.query.get('type');
      const records = ctx.events.records().filter((r) => !type || r.event.type === type);
      return json(200, { events: records });
    })
    .on('POST', '/_sim/events/flush', async () => {
      await ctx.events.flush();
      return json(200, { events: ctx.events.records() });
    })
    .on('DELETE', '/_sim/events', () => {
      ctx.events.clear();
      return json(200, { events: [] });
    })

    // Settings
    .on('GET', '/_sim/settings', () => json(200, { ...ctx.settings, login: ctx.credentials.login }))
    .on('PUT', '/_sim/settings', (req) => {
      applySettings(readBody(req, settingsPatchSchema));
      return json(200, { ...ctx.settings, login: ctx.credentials.login });
    });

  return router;
}

const agentsSchema = z.object({ backup: z.boolean(), ra: z.boolean() }).partial().strict();

const addComputerSchema = z
  .object({
    companyName: z.string(),
    computerName: z.string(),
    hid: z.string().optional(),
    displayName: z.string().optional(),
    os: z.enum(['windows', 'linux', 'macos']).optional(),
    agents: agentsSchema.optional(),
    online: z.boolean().optional(),
    licenseType: z.string().nullable().optional(),
    userEmail: z.string().min(3).optional(),
  })
  .strict();

const updateComputerSchema = z
  .object({
    computerName: z.string(),
    companyName: z.string(),
    licenseType: z.string().nullable(),
    agents: agentsSchema,
    online: z.boolean(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, {
    message: 'Give at least one of computerName, companyName, licenseType, agents, online',
  });

const recordBackupSchema = z
  .object({
    status: z.union([z.number().int(), z.string()]),
    planName: z.string().min(1).optional(),
    errorMessage: z.string().nullable().optional(),
    dataCopied: z.number().int().min(0).optional(),
    startedAt: z.string().optional(),
  })
  .strict();

const faultsSchema = z
  .object({
    seed: z.number().int(),
    latencyMs: z.number().min(0),
    latencyRate: z.number(),
    serverErrorRate: z.number(),
    dropConnectionRate: z.number(),
    lostResponseRate: z.number(),
  })
  .partial()
  .strict();

const eventTargetSchema = z
  .object({
    url: z.string().refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { message: 'must be an http(s) URL' }),
    secret: z.string().min(1),
  })
  .strict();

const dataSchema = z.object({
  companies: z.array(z.looseObject({ Id: z.string(), Name: z.string() })).default([]),
  computers: z
    .array(z.looseObject({ ComputerHID: z.string(), ComputerName: z.string(), CompanyName: z.string(), UserID: z.string(), Apps: z.array(z.looseObject({ ApplicationId: z.string() })) }))
    .default([]),
  licenses: z.array(z.looseObject({ LicenseType: z.string(), IsTaken: z.boolean() })).default([]),
  monitoring: z.array(z.looseObject({ ComputerName: z.string(), UserID: z.string(), Status: z.number().int() })).default([]),
  administrators: z.array(z.looseObject({ AdminID: z.string() })).default([]),
});

const generateSchema = z
  .object({
    generate: z
      .object({ companies: z.number().int().min(0).max(100_000), computers: z.number().int().min(0).max(1_000_000), seed: z.number().int() })
      .strict(),
  })
  .strict();

/** `PUT /_sim/data` takes the Console data, a whole `DemoDataset` (its `console` part is used) or `{ generate: {...} }`. */
function readDataBody(req: SimRequest): ConsoleData {
  const raw = readBody(req, z.record(z.string(), z.unknown()));
  if ('generate' in raw) {
    const { generate } = parseWith(raw, generateSchema);
    try {
      return generateDemoData(generate).console;
    } catch (error) {
      throw new SimulatorError(400, (error as Error).message);
    }
  }
  const consolePart = 'console' in raw && typeof raw.console === 'object' ? raw.console : raw;
  return parseWith(consolePart, dataSchema.strict()) as unknown as ConsoleData;
}

function readBody<T extends z.ZodType>(req: SimRequest, schema: T): z.infer<T> {
  let body: unknown;
  try {
    body = parseJsonBody(req);
  } catch (error) {
    if (error instanceof BadRequestBody) throw new SimulatorError(400, error.message);
    throw error;
  }
  if (body === undefined) throw new SimulatorError(400, 'A JSON body is required');
  return parseWith(body, schema);
}

function parseWith<T extends z.ZodType>(value: unknown, schema: T): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SimulatorError(400, describeZodError(result.error));
  return result.data;
}

function counts(ctx: SimulatorContext): Record<string, number> {
  return {
    companies: ctx.state.companies.length,
    computers: ctx.state.computers.length,
    licenses: ctx.state.licenses.length,
    monitoring: ctx.state.monitoring.length,
    administrators: ctx.state.administrators.length,
  };
}
