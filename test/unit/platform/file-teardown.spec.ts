type FileTeardown = typeof import('../../support/file-teardown');

/** A fresh copy of the module, as jest gives each test file. */
function freshFileTeardown(): FileTeardown {
  let loaded: FileTeardown | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<FileTeardown>('../../support/file-teardown');
  });
  return loaded!;
}

describe('stopping what a test file left running', () => {
  it('stops what is still open when the file ends, newest first', async () => {
    const teardown = freshFileTeardown();
    const stopped: string[] = [];
    teardown.onTestFileEnd(async () => void stopped.push('server'));
    teardown.onTestFileEnd(async () => void stopped.push('process'));
    await teardown.stopLeftovers();
    expect(stopped).toEqual(['process', 'server']);
  });

  it('leaves alone what the test stopped itself, and stops it only once', async () => {
    const teardown = freshFileTeardown();
    const stop = jest.fn(async () => undefined);
    const stopEarly = teardown.stoppedWithTestFile(stop);
    await Promise.all([stopEarly(), stopEarly()]);
    await teardown.stopLeftovers();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('stops at once what a start that outlived its hook brings up after the file ended', async () => {
    const teardown = freshFileTeardown();
    await teardown.stopLeftovers();
    const stop = jest.fn(async () => undefined);
    teardown.onTestFileEnd(stop);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('goes on stopping the rest when one stop fails', async () => {
    const teardown = freshFileTeardown();
    const stderr = jest.spyOn(process.stderr, 'write').mockReturnValue(true);
    const survivor = jest.fn(async () => undefined);
    teardown.onTestFileEnd(survivor);
    teardown.onTestFileEnd(async () => {
      throw new Error('already gone');
    });
    await teardown.stopLeftovers();
    expect(survivor).toHaveBeenCalledTimes(1);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('already gone'));
    stderr.mockRestore();
  });
});
