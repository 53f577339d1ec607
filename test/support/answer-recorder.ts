/**
 * Every answer a test file's HTTP helpers (api-client.ts, raw-request.ts) receive, kept while
 * `recordAnswers()` is on (test/support/documented-answers.ts switches it on for the e2e tiers).
 * Jest gives each test file its own copy of this module.
 */
export interface RecordedAnswer {
  baseUrl: string;
  method: string;
  /** As sent: query string included, not normalised. */
  path: string;
  status: number;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

const answers: RecordedAnswer[] = [];
let recording = false;

export function recordAnswers(): void {
  recording = true;
}

export function recordAnswer(answer: RecordedAnswer): void {
  if (recording) answers.push(answer);
}

export function recordedAnswers(): readonly RecordedAnswer[] {
  return answers;
}
