import { CliUsageError, parseCliArgs, RunningSimulators, startSimulators } from '../../../simulators/cli';
import { simulatorProfileFrom } from '../../../simulators/profile';

describe('simulators CLI', () => {
  describe('parseCliArgs', () => {
    it('reads every option', () => {
      expect(
        parseCliArgs([
          '--companies', '3', '--computers', '9', '--seed=-4', '--halo-port', '0', '--console-port', '0',
          '--event-url', 'http://127.0.0.1:9/events', '--event-secret', 's', '--reference-time', '2025-01-01T00:00:00Z',
          '--profile', 'strict',
        ]),
      ).toEqual({
        companies: 3,
        computers: 9,
        seed: -4,
        haloPort: 0,
        consolePort: 0,
        eventTarget: { url: 'http://127.0.0.1:9/events', secret: 's' },
        referenceTime: new Date('2025-01-01T00:00:00Z'),
        profile: 'strict',
      });
      expect(parseCliArgs([])).toEqual(expect.objectContaining({ companies: 20, computers: 200, seed: 1 }));
    });

    it.each([
      [['--companies', 'many'], /--companies must be an integer/],
      [['--computers=-1'], /--computers must be between/],
      [['--console-port', '70000'], /--console-port must be between/],
      [['--wat'], /Unknown option/],
      [['positional'], /positional/],
      [['--event-url', 'http://x/e'], /go together/],
      [['--event-url', 'mailto:x', '--event-secret', 's'], /http\(s\) URL/],
      [['--companies', '0', '--computers', '1'], /at least one company/],
      [['--reference-time', 'yesterday'], /ISO date/],
      [['--profile', 'lenient'], /--profile: .*default or strict/],
    ])('rejects %j', (argv, message) => {
      expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
      expect(() => parseCliArgs(argv)).toThrow(message);
    });
  });

  describe('startSimulators', () => {
    let sut: RunningSimulators;

    beforeAll(async () => {
      sut = await startSimulators({ companies: 5, computers: 25, seed: 8 });
    });
    afterAll(() => sut.close());

    it('summarises URLs and credentials in the printed shape', () => {
      expect(JSON.parse(JSON.stringify(sut.summary))).toEqual({
        haloUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        halo: { clientId: expect.any(String), clientSecret: expect.any(String), tenant: null },
        consoleUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        console: { login: expect.any(String), password: expect.any(String) },
        seed: 8,
        companies: 5,
        computers: 25,
        profile: simulatorProfileFrom(process.env.SIMULATOR_PROFILE),
      });
      expect(sut.consoleUrl).toBe(sut.summary.consoleUrl);
    });

    it('serves the generated Console data with the printed credentials', async () => {
      const login = await fetch(`${sut.consoleUrl}/api/Provider/Login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ UserName: sut.console.login, Password: sut.console.password }),
      });
      const { access_token } = (await login.json()) as { access_token: string };
      const page = await fetch(`${sut.consoleUrl}/api/Computers/0/100`, { headers: { authorization: `Bearer ${access_token}` } });
      const body = (await page.json()) as { Count: number; Computers: { ComputerHID: string }[] };
      expect(body.Count).toBe(25);
      expect(body.Computers.map((c) => c.ComputerHID)).toEqual(sut.dataset.console.computers.map((c) => c.ComputerHID));
    });

    it('seeds the Halo customers', async () => {
      const state = (await (await fetch(`${sut.haloUrl}/_sim/state`)).json()) as { counts: { clients: number } };
      expect(state.counts.clients).toBeGreaterThanOrEqual(sut.dataset.halo.clients.length);
    });
  });
});
