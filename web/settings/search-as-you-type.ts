/** How long typing must pause before a search is sent. */
const SEARCH_DELAY_MS = 250;

/**
 * Searches as the user types into `input`: `search` is called once typing pauses, and only the
 * latest answer is shown (an answer that a newer search overtook is dropped). Answers the function
 * that searches again at once (after a change, or when another filter changes).
 */
export function searchAsYouType<T>(input: HTMLInputElement, search: (text: string) => Promise<T>, show: (answer: T) => void, failed: (error: unknown) => void): () => void {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    clearTimeout(timer);
    const request = ++latest;
    search(input.value.trim()).then(
      (answer) => {
        if (request === latest) show(answer);
      },
      (error: unknown) => {
        if (request === latest) failed(error);
      },
    );
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, SEARCH_DELAY_MS);
  });
  return run;
}
