import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Global, INestApplication, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { defaultPayloadConverter } from '@temporalio/common';
import request from 'supertest';
import { AesGcmPayloadCodec } from '../../../src/codec/aes-gcm-payload-codec';
import { CodecModule } from '../../../src/codec/codec.module';
import { toJsonPayload } from '../../../src/codec/remote-codec-protocol';
import { requestValidationPipe } from '../../../src/http/validation';
import { PAYLOAD_CODEC } from '../../../src/temporal/temporal.module';

const OPERATOR_TOKEN = randomBytes(32).toString('base64url');
const UI = 'http://127.0.0.1:8233';
const codec = new AesGcmPayloadCodec({ keys: { k1: randomBytes(32) }, activeKeyId: 'k1' });

@Global()
@Module({ providers: [{ provide: PAYLOAD_CODEC, useValue: codec }], exports: [PAYLOAD_CODEC] })
class CodecOnlyTemporalModule {}

async function startApi(publicBaseUrl: string): Promise<INestApplication> {
  const config = { operator: { token: OPERATOR_TOKEN }, codecEndpoint: { uiOrigins: [UI] }, publicUrl: { baseUrl: publicBaseUrl } };
  @Module({ imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }), CodecOnlyTemporalModule, CodecModule] })
  class TestApiModule {}
  const app = await NestFactory.create(TestApiModule, { logger: false });
  app.useGlobalPipes(requestValidationPipe());
  await app.init();
  return app;
}

describe('the codec endpoint (/codec)', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const plain = toJsonPayload(defaultPayloadConverter.toPayload({ integrationId: 'e2b5' }));
  let encrypted: ReturnType<typeof toJsonPayload>;

  beforeAll(async () => {
    app = await startApi('https://integration.example.com');
    encrypted = toJsonPayload((await codec.encode([defaultPayloadConverter.toPayload({ integrationId: 'e2b5' })]))[0]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('decodes for the operator token, as the remote codec protocol says', async () => {
    const answer = await http().post('/codec/decode').set('Authorization', `Bearer ${OPERATOR_TOKEN}`).set('X-Namespace', 'default').send({ payloads: [encrypted, plain] });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(answer.body).toEqual({ payloads: [plain, plain] });
  });

  it('encodes with the active key', async () => {
    const answer = await http().post('/codec/encode').set('Authorization', `Bearer ${OPERATOR_TOKEN}`).send({ payloads: [plain] });
    expect(answer.status).toBe(200);
    expect(Buffer.from(answer.body.payloads[0].metadata['encryption-key-id'], 'base64').toString()).toBe('k1');
    expect(await codec.decode([{ data: Buffer.from(answer.body.payloads[0].data, 'base64'), metadata: { encoding: Buffer.from('binary/encrypted'), 'encryption-key-id': Buffer.from('k1') } }])).toHaveLength(1);
  });

  it.each([
    ['no credentials', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-operator-token-not-the-operator-token' }],
    ['a forged session cookie', { Cookie: `codec_session=${Date.now() + 1000}.${'A'.repeat(43)}` }],
  ])('answers 401 with %s, with the CORS headers the UI needs to read it', async (_, headers) => {
    for (const path of ['/codec/decode', '/codec/encode']) {
      const answer = await http().post(path).set(headers).set('Origin', UI).send({ payloads: [encrypted] });
      expect(answer.status).toBe(401);
      expect(answer.body.message).toMatch(/operator token/);
      expect(answer.headers['access-control-allow-origin']).toBe(UI);
      expect(JSON.stringify(answer.body)).not.toContain(encrypted.data as string);
    }
  });

  it('answers 400 for a body that is not Payloads JSON, or a payload that does not decrypt', async () => {
    const auth = { Authorization: `Bearer ${OPERATOR_TOKEN}` };
    expect((await http().post('/codec/decode').set(auth).send({ payload: [] })).status).toBe(400);
    expect((await http().post('/codec/decode').set(auth).send({ payloads: [{ data: '***' }] })).status).toBe(400);
    const tampered = { ...encrypted, data: Buffer.from(Buffer.from(encrypted.data as string, 'base64').map((byte, i) => (i === 20 ? byte ^ 1 : byte))).toString('base64') };
    const answer = await http().post('/codec/decode').set(auth).send({ payloads: [tampered] });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/failed authentication under key "k1"/);
  });

  it('answers the Temporal UI preflight with credentials and every header the UI sends (X-Namespace; with its OIDC token, Authorization and Authorization-Extras)', async () => {
    for (const path of ['/codec/decode', '/codec/encode']) {
      const answer = await http()
        .options(path)
        .set('Origin', UI)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,authorization-extras,content-type,x-namespace');
      expect(answer.status).toBe(204);
      expect(answer.headers).toMatchObject({
        'access-control-allow-origin': UI,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': expect.stringContaining('POST'),
      });
      expect(answer.headers['access-control-allow-headers'].toLowerCase().split(/,\s*/)).toEqual(expect.arrayContaining(['authorization', 'authorization-extras', 'content-type', 'x-namespace']));
      expect(answer.headers.vary).toMatch(/Origin/);
    }
  });

  it('refuses other origins: a 403 preflight and no CORS headers', async () => {
    const preflight = await http().options('/codec/decode').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const post = await http().post('/codec/decode').set('Origin', 'https://evil.example').set('Authorization', `Bearer ${OPERATOR_TOKEN}`).send({ payloads: [] });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens a cookie session for the Temporal UI with the operator token, and closes it', async () => {
    const page = await http().get('/codec/login');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.text).toContain('name="token"');

    expect((await http().post('/codec/login').send({ token: 'wrong' })).status).toBe(401);
    const refused = await http().post('/codec/login').type('form').send({ token: 'wrong' });
    expect(refused.status).toBe(401);
    expect(refused.headers['set-cookie']).toBeUndefined();

    const signedIn = await http().post('/codec/login').type('form').send({ token: OPERATOR_TOKEN });
    expect(signedIn.status).toBe(200);
    expect(signedIn.text).toContain('https://integration.example.com/codec');
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^codec_session=\d+\.[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/Path=\/codec/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).not.toContain(OPERATOR_TOKEN);

    const session = cookie.split(';')[0];
    const decoded = await http().post('/codec/decode').set('Cookie', session).set('Origin', UI).send({ payloads: [encrypted] });
    expect(decoded.status).toBe(200);
    expect(decoded.body).toEqual({ payloads: [plain] });
    // The UI may forward its own (OIDC) token: the cookie still holds.
    expect((await http().post('/codec/decode').set('Cookie', session).set('Authorization', 'Bearer some-oidc-token').send({ payloads: [] })).status).toBe(200);

    const signedOut = await http().post('/codec/logout').set('Cookie', session);
    expect(signedOut.status).toBe(204);
    expect((signedOut.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^codec_session=;.*Expires=Thu, 01 Jan 1970/);

    const json = await http().post('/codec/login').send({ token: OPERATOR_TOKEN });
    expect(json.status).toBe(200);
    expect(new Date(json.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
  });
});

describe('the codec session cookie over plain http (the demo)', () => {
  it('is not marked Secure when the API is served over http', async () => {
    const app = await startApi('http://127.0.0.1:3000');
    try {
      const answer = await request(app.getHttpServer()).post('/codec/login').send({ token: OPERATOR_TOKEN });
      expect((answer.headers['set-cookie'] as unknown as string[])[0]).not.toMatch(/Secure/);
    } finally {
      await app.close();
    }
  });
});
