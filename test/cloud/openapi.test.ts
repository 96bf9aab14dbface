/** The fake openapi: recorded subscribe messages and a scannable stand-in 小程序码. */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import fake, { clearOpenapiCalls, openapiCalls, runWithContext } from '../../cloud/emulator/fake-sdk';

function decode(buffer: Buffer): string | undefined {
  const png = PNG.sync.read(buffer);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

beforeEach(() => clearOpenapiCalls());

test('getUnlimited answers a PNG that decodes to a URL carrying page and scene', async () => {
  const res = await fake.openapi.wxacode.getUnlimited({
    scene: 'c=abc123&s=7',
    page: 'contest/pages/detail/index',
    width: 430,
  });
  expect(res.contentType).toBe('image/png');
  expect(res.buffer.subarray(1, 4).toString()).toBe('PNG');
  const text = decode(res.buffer);
  expect(text).toBeDefined();
  const url = new URL(text!);
  expect(url.searchParams.get('scene')).toBe('c=abc123&s=7');
  expect(url.searchParams.get('page')).toBe('contest/pages/detail/index');
});

test('a scene longer than 32 characters is rejected like the real API (40169)', async () => {
  const err = await fake.openapi.wxacode
    .getUnlimited({ scene: 'x'.repeat(33), page: 'pages/index/index' })
    .catch((e: any) => e);
  expect(err.errCode).toBe(40169);
  await expect(fake.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(32) })).resolves.toMatchObject({
    contentType: 'image/png',
  });
  await expect(fake.openapi.wxacode.getUnlimited({ scene: '中文' })).rejects.toMatchObject({ errCode: 40097 });
  await expect(fake.openapi.wxacode.getUnlimited({ scene: 'a', page: '/pages/index/index' })).rejects.toMatchObject({
    errCode: 41030,
  });
});

test('subscribeMessage.send is recorded with the calling OPENID, and can be cleared', async () => {
  const params = {
    touser: 'o-worker',
    templateId: 'tpl-1',
    page: 'pages/index/index',
    data: { thing1: { value: '报名成功' } },
  };
  const res = await runWithContext({ OPENID: 'o-admin' }, () => fake.openapi.subscribeMessage.send(params));
  expect(res).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
  expect(openapiCalls).toEqual([expect.objectContaining({ api: 'subscribeMessage.send', params, caller: 'o-admin' })]);
  await expect(fake.openapi.subscribeMessage.send({ ...params, touser: '' })).rejects.toMatchObject({ errCode: 40003 });
  clearOpenapiCalls();
  expect(openapiCalls).toHaveLength(0);
});
