/**
 * The openapi calls the handlers make, through the REAL wx-server-sdk (protobuf over the
 * `wx.openApi` action) to the stand-in: recorded subscribe messages, a scannable stand-in 小程序码,
 * and WeChat's error codes thrown as errCode.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { OpenApi } from '../../cloud/lib/context';
import { newCloudEnv } from './helpers';

function decode(buffer: Buffer): string | undefined {
  const png = PNG.sync.read(buffer);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

let openapi: OpenApi;
let cloudEnv: Awaited<ReturnType<typeof newCloudEnv>>['cloudEnv'];
beforeEach(async () => {
  const made = await newCloudEnv();
  openapi = made.sdk.openapi as OpenApi;
  cloudEnv = made.cloudEnv;
});

test('getUnlimited answers a PNG that decodes to a URL carrying page and scene', async () => {
  const res = await openapi.wxacode.getUnlimited({
    scene: 'c=abc123&s=7',
    page: 'contest/pages/detail/index',
    width: 430,
  });
  expect(res.contentType).toBe('image/png');
  expect(Buffer.from(res.buffer).subarray(1, 4).toString()).toBe('PNG');
  const text = decode(Buffer.from(res.buffer));
  expect(text).toBeDefined();
  const url = new URL(text!);
  expect(url.searchParams.get('scene')).toBe('c=abc123&s=7');
  expect(url.searchParams.get('page')).toBe('contest/pages/detail/index');
  expect(cloudEnv.openapiCalls).toEqual([
    expect.objectContaining({
      api: 'wxacode.getUnlimited',
      params: { scene: 'c=abc123&s=7', page: 'contest/pages/detail/index', width: 430 },
    }),
  ]);
});

test('a scene longer than 32 characters is rejected like the real API (40169)', async () => {
  const err = await openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33), page: 'pages/index/index' }).catch((e) => e);
  expect(err.errCode).toBe(40169);
  expect(err.errMsg).toContain('openapi.wxacode.getUnlimited:fail');
  await expect(openapi.wxacode.getUnlimited({ scene: 'x'.repeat(32) })).resolves.toMatchObject({
    contentType: 'image/png',
  });
  await expect(openapi.wxacode.getUnlimited({ scene: '中文' })).rejects.toMatchObject({ errCode: 40097 });
  await expect(openapi.wxacode.getUnlimited({ scene: 'a', page: '/pages/index/index' })).rejects.toMatchObject({
    errCode: 41030,
  });
  // Refused calls are not recorded.
  expect(cloudEnv.openapiCalls).toHaveLength(1);
});

test('subscribeMessage.send is recorded as WeChat receives it (snake_case); a bad one throws its errcode', async () => {
  const params = {
    touser: 'o-worker',
    templateId: 'tpl-1',
    page: 'pages/index/index',
    miniprogramState: 'formal',
    data: { thing1: { value: '报名成功' } },
  };
  const res = await openapi.subscribeMessage.send(params);
  expect(res).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
  expect(cloudEnv.openapiCalls).toEqual([
    expect.objectContaining({
      api: 'subscribeMessage.send',
      params: {
        touser: 'o-worker',
        template_id: 'tpl-1',
        page: 'pages/index/index',
        miniprogram_state: 'formal',
        data: { thing1: { value: '报名成功' } },
      },
    }),
  ]);
  await expect(openapi.subscribeMessage.send({ ...params, touser: '' })).rejects.toMatchObject({ errCode: 40003 });
  await expect(openapi.subscribeMessage.send({ ...params, templateId: '' })).rejects.toMatchObject({ errCode: 40037 });
  expect(cloudEnv.openapiCalls).toHaveLength(1);
});
