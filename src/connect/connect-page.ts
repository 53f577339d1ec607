/** The small pages the "Connect to computer" button may land on when it cannot redirect. */
export interface ConnectProblem {
  status: number;
  title: string;
  explanation: string;
  whatToDo: string;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function connectProblemPage(problem: ConnectProblem): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(problem.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.3rem}p.todo{background:#f4f6f8;padding:.8rem;border-radius:6px}</style>
</head><body><h1>${escape(problem.title)}</h1><p>${escape(problem.explanation)}</p><p class="todo">${escape(problem.whatToDo)}</p></body></html>`;
}

export const CONNECT_PROBLEMS = {
  unknownIntegration: {
    status: 404,
    title: 'This button no longer works',
    explanation: 'The HaloPSA integration this button belongs to was removed or replaced.',
    whatToDo: 'Ask your administrator to remove the "Connect to computer" button in HaloPSA, or to set the integration up again.',
  },
  unlinkedAsset: {
    status: 404,
    title: 'This asset is not linked to a computer',
    explanation: 'No Management Console computer is linked to this HaloPSA asset.',
    whatToDo: 'Link the asset to its computer in the Console (Settings > Integrations > HaloPSA > Computers), then try again.',
  },
  computerGone: {
    status: 404,
    title: 'The computer is no longer in the Console',
    explanation: 'The Management Console no longer knows the computer this asset is linked to.',
    whatToDo: 'Check the computer in the Console; if it was replaced, link the asset to the new one.',
  },
  noRemoteAgent: {
    status: 409,
    title: 'Remote connection is not available for this computer',
    explanation: 'The computer has no RMM (Connect) agent, which remote desktop sessions need.',
    whatToDo: 'Install the RMM agent on the computer from the Console, then try again.',
  },
  consoleUnavailable: {
    status: 502,
    title: 'The Management Console did not answer',
    explanation: 'The computer could not be looked up in the Management Console just now.',
    whatToDo: 'Try again in a minute; if it keeps failing, contact your administrator.',
  },
} satisfies Record<string, ConnectProblem>;
