import { UndeclaredRequests } from '../../../simulators/halo/declared/undeclared-requests';

describe('UndeclaredRequests', () => {
  it('keeps the distinct undeclared names per operation until reset', () => {
    const recorder = new UndeclaredRequests();
    recorder.record('GET', '/api/Asset', new URLSearchParams('include_custom_fields=1'), Buffer.alloc(0));
    recorder.record('GET', '/api/asset', new URLSearchParams('include_custom_fields=2&client_id=3'), Buffer.alloc(0));
    recorder.record('POST', '/api/CustomButton', new URLSearchParams(), Buffer.from(JSON.stringify([{ name: 'b', colour: 1 }])));
    recorder.record('PATCH', '/api/Asset/4', new URLSearchParams(), Buffer.from('not json'));
    expect(recorder.snapshot()).toEqual({
      'GET /Asset': ['query:include_custom_fields'],
      'PATCH /api/asset/4': ['operation'],
      'POST /CustomButton': ['body:colour'],
    });
    recorder.reset();
    expect(recorder.snapshot()).toEqual({});
  });
});
