import { z } from 'zod';
import { DEFAULT_CONNECT_TEMPLATE, validateConnectTemplate } from './connect-page';
import { EventDeliverySettings } from './events';

/** Behaviour switches, mostly for the API's UNSURE points (console-api.md). */
export interface ConsoleSettings {
  /** `Count` in the computers envelope: the total number of computers, or the length of this page. */
  countMode: 'total' | 'page';
  /** Lifetime of tokens issued from now on. */
  tokenLifetimeSeconds: number;
  /** Status for bad credentials: 400 (classic) or 403 (newer deployments); same `invalid_grant` body. */
  badLoginStatus: 400 | 403;
  /** Monitoring `Status` as the numeric code or as the enum name ("Success"). */
  monitoringStatusFormat: 'number' | 'string';
  /**
   * Enums as names (`DefaultLicense: "Desktop"`, `BuildTypeString: "Standard"`, `AccessToCompaniesMode:
   * "AllCompanies"`) or as the vendor's numbers (`0`, `536870940`, `1`): see `vendor-enums.ts`.
   */
  enumFormat: 'string' | 'number';
  /** `ComputerHID` as a plain GUID or wrapped in braces ("{...}"). */
  hidFormat: 'plain' | 'braces';
  /** Answer 406 to API calls whose Accept header does not name application/json. */
  requireJsonAccept: boolean;
  /** Cap on `count` in `/api/Computers/{offset}/{count}`; 0 means no cap. */
  maxPageSize: number;
  /**
   * Whether `GET /api/Monitoring/{userId}` (one user's rows, as the vendor's PowerShell module calls
   * it) is offered; when not, it answers 404 like any unknown route. UNSURE on every deployment.
   */
  monitoringByUser: boolean;
  /** Where "Connect using web browser" points; `{consoleUrl}` and `{ComputerHID}` are filled in. */
  remoteConnectUrlTemplate: string;
  eventDelivery: EventDeliverySettings;
}

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 1_209_599;

export function defaultSettings(): ConsoleSettings {
  return {
    countMode: 'total',
    tokenLifetimeSeconds: DEFAULT_TOKEN_LIFETIME_SECONDS,
    badLoginStatus: 400,
    monitoringStatusFormat: 'number',
    enumFormat: 'string',
    hidFormat: 'plain',
    requireJsonAccept: false,
    maxPageSize: 0,
    monitoringByUser: true,
    remoteConnectUrlTemplate: DEFAULT_CONNECT_TEMPLATE,
    eventDelivery: { attempts: 4, backoffMs: 100, timeoutMs: 5_000 },
  };
}

/** Body of `PUT /_sim/settings`: any subset; `login` + `password` replace the credentials. */
export const settingsPatchSchema = z
  .object({
    countMode: z.enum(['total', 'page']),
    tokenLifetimeSeconds: z.number().int().min(1).max(10 * 365 * 86_400),
    badLoginStatus: z.union([z.literal(400), z.literal(403)]),
    monitoringStatusFormat: z.enum(['number', 'string']),
    enumFormat: z.enum(['string', 'number']),
    hidFormat: z.enum(['plain', 'braces']),
    requireJsonAccept: z.boolean(),
    maxPageSize: z.number().int().min(0),
    monitoringByUser: z.boolean(),
    remoteConnectUrlTemplate: z.string().superRefine((value, ctx) => {
      const problem = validateConnectTemplate(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    eventDelivery: z
      .object({
        attempts: z.number().int().min(1).max(10),
        backoffMs: z.number().int().min(0).max(60_000),
        timeoutMs: z.number().int().min(1).max(120_000),
      })
      .strict()
      .partial(),
    login: z.string().min(3).max(100),
    password: z.string().min(3).max(100),
  })
  .strict()
  .partial()
  .refine((v) => (v.login === undefined) === (v.password === undefined), { message: 'login and password go together' });

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** "path: message; path: message" from a zod error. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}
