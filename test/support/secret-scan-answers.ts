import { ScanSource } from './secret-scan';

export interface AnswerRecorder {
  /** Every answer of the API received in this process so far: status, headers and body. */
  answers: ScanSource[];
  /** The latest recorded answer to `method` on a path matching `path`. */
  last(method: string, path: RegExp): ScanSource;
  stop(): void;
}

/**
 * Records every answer from `apiUrl` that reaches this test process through `fetch` (the test's
 * own calls, the fixtures' and the in-process simulators'), by wrapping the global `fetch`.
 */
export function recordApiAnswers(apiUrl: string): AnswerRecorder {
  const original = globalThis.fetch;
  const answers: (ScanSource & { method: string; path: string })[] = [];
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(`${apiUrl}/`)) {
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const path = url.slice(apiUrl.length);
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
      answers.push({ method, path, where: `the answer to ${method} ${path.split('?')[0]} (${response.status})`, text: `${headers}\n\n${await response.clone().text()}` });
    }
    return response;
  };
  return {
    answers,
    last(method, path) {
      const found = [...answers].reverse().find((answer) => answer.method === method && path.test(answer.path));
      if (!found) throw new Error(`no recorded answer to ${method} ${path}`);
      return found;
    },
    stop: () => void (globalThis.fetch = original),
  };
}
