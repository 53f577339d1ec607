import { parseHaloErrorBody } from '../../../src/halo/halo-error-body';

describe('parseHaloErrorBody', () => {
  it.each([
    ['an OAuth error with a description', '{"error":"invalid_client","error_description":"The client id or secret is wrong"}', 'invalid_client: The client id or secret is wrong'],
    ['an OAuth error alone', '{"error":"invalid_scope"}', 'invalid_scope'],
    ['an ASP.NET validation dictionary', '{"[0].name":["The name is required."],"[2].customfields[0].id":["Unknown field.", "Twice."]}', '[0].name: The name is required.; [2].customfields[0].id: Unknown field. Twice.'],
    ['a dictionary with a plain string value', '{"$":"The list is empty."}', '$: The list is empty.'],
    ['ProblemDetails with errors', '{"title":"One or more validation errors occurred.","status":400,"errors":{"[0].site_id":["Required"]}}', 'One or more validation errors occurred. [0].site_id: Required'],
    ['{Message}', '{"Message":"Authorization has been denied for this request."}', 'Authorization has been denied for this request.'],
    ['{message}', '{"message":"Not here"}', 'Not here'],
    ['{resultCode, errorMessage}', '{"resultCode":4,"errorMessage":"Asset tag must be unique"}', 'Asset tag must be unique (result code 4)'],
    ['{errorMessage} without a code', '{"errorMessage":"Nope"}', 'Nope'],
    ['plain text', 'Rate Limit Reached - 300 Requests per rolling 5 minute window', 'Rate Limit Reached - 300 Requests per rolling 5 minute window'],
    ['a JSON string', '"Asset tag must be unique"', 'Asset tag must be unique'],
    ['an HTML error page', '<html><head><style>p{}</style><title>500</title></head><body><h1>Server Error</h1>\n<p>Try later</p></body></html>', '500 Server Error Try later'],
    ['an object of unknown shape', '{"code":7,"nested":{"a":1}}', '{"code":7,"nested":{"a":1}}'],
    ['a JSON number', '42', '42'],
  ])('reads %s', (_shape, body, detail) => {
    expect(parseHaloErrorBody(body).detail).toBe(detail);
  });

  it('reports the OAuth error code separately', () => {
    expect(parseHaloErrorBody('{"error":"invalid_scope","error_description":"Unknown scope"}').oauthError).toBe('invalid_scope');
    expect(parseHaloErrorBody('{"Message":"x"}').oauthError).toBeUndefined();
  });

  it('says nothing for an empty or blank body', () => {
    expect(parseHaloErrorBody('')).toEqual({});
    expect(parseHaloErrorBody('  \n')).toEqual({});
  });

  it('clips a long body to a readable length', () => {
    const detail = parseHaloErrorBody('x'.repeat(5000)).detail ?? '';
    expect(detail.length).toBe(500);
    expect(detail.endsWith('…')).toBe(true);
  });
});
