import { recordAnswers, recordedAnswers } from './answer-recorder';
import { DocumentedAnswerCheck, OpenApiDocument } from './documented-answer-check';

/**
 * After each test file of the e2e tiers (jest `setupFilesAfterEnv`): every answer the file's API
 * calls received must be documented in /docs with that status and, for a JSON body, match its
 * schema. The document is read after each test, while the file's API still runs; a base URL that
 * answers no /docs-json (a simulator) is not the product's and is left out.
 */
const documents = new Map<string, Promise<OpenApiDocument | undefined>>();

recordAnswers();

function documentOf(baseUrl: string): Promise<OpenApiDocument | undefined> {
  let document = documents.get(baseUrl);
  if (!document) {
    document = fetch(`${baseUrl}/docs-json`).then(
      async (answer) => (answer.ok ? ((await answer.json()) as OpenApiDocument) : undefined),
      () => {
        // Not listening now (stopped, or restarting): asked again after the next test.
        documents.delete(baseUrl);
        return undefined;
      },
    );
    documents.set(baseUrl, document);
  }
  return document;
}

afterEach(async () => {
  await Promise.all([...new Set(recordedAnswers().map((answer) => answer.baseUrl))].map(documentOf));
});

afterAll(async () => {
  const problems = new Set<string>();
  for (const answer of recordedAnswers()) {
    const document = await documentOf(answer.baseUrl);
    const problem = document && checkOf(document).problemOf(answer);
    if (problem) problems.add(problem);
  }
  if (problems.size > 0) throw new Error(`Answers that differ from /docs (src/**/*.answers.ts, the controllers' decorators):\n${[...problems].join('\n')}`);
});

const checks = new WeakMap<OpenApiDocument, DocumentedAnswerCheck>();
function checkOf(document: OpenApiDocument): DocumentedAnswerCheck {
  let check = checks.get(document);
  if (!check) checks.set(document, (check = new DocumentedAnswerCheck(document)));
  return check;
}
