/**
 * The 光荣退休 wizard keeps its draft on the phone until it is submitted: a reload (the page mounted
 * again) brings back every field and the photo, per user; the identity number is never stored; a filled
 * form asks 放弃填写？ before the page is left; submitting clears the draft.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setFileUploader, setTransport } from '../../../src/cloud-client';
import { memoryFiles } from '../../../src/cloud-client/memory-files';
import RetirementRequestPage from '../../../src/retirement/pages/request/index';
import { keepPhoto } from '../../../src/retirement/pages/request/draft';
import { taroMock } from '../mocks/taro';

const OPTIONS = {
  open: true,
  campaignTitle: '2026年企业职工「光荣退休」',
  futureDays: 30,
  pastDays: 730,
  today: '2026-01-20',
  places: [{ id: 'station-xinchenghui', name: '新城汇驿站', address: '嘉兴市秀洲区新城街道康和路' }],
  employers: [{ id: 'emp-jiaxing-textile', name: '嘉兴纺织有限公司' }],
  photoUploaderKey: '0123456789abcdef0123456789abcdef',
};
const ID_NUMBER = '330411196602081026';

let uploaderKey: string;
let sent: Array<Record<string, unknown>>;
beforeEach(() => {
  taroMock.reset();
  Taro.setStorageSync('privacy-consent', { retirement: 1, photo: 1 });
  setFileUploader(memoryFiles().upload);
  uploaderKey = OPTIONS.photoUploaderKey;
  sent = [];
  setTransport(async (_name, data) => {
    if (data.action === 'formOptions') return { ok: true, data: { ...OPTIONS, photoUploaderKey: uploaderKey } };
    if (data.action === 'submitRequest') {
      sent.push(data);
      return {
        ok: true,
        data: { id: 'rt-1', name: data.name, status: 'submitted', statusLabel: '已提交', timeline: [] },
      };
    }
    return { ok: false, code: 'INTERNAL', message: 'unexpected' };
  });
});
afterEach(() => {
  setTransport(null);
  setFileUploader(null);
});

const $ = (sel: string) => document.querySelector(sel) as HTMLElement;
const value = (sel: string) => ($(sel) as HTMLInputElement).value;
const type = (sel: string, v: string) => fireEvent.change($(sel), { target: { value: v } });
async function tap(el: Element | null) {
  expect(el).toBeTruthy();
  await act(async () => {
    fireEvent.click(el!);
  });
}
const next = () => tap($('.retirement-wizard__next'));
const stored = () => JSON.stringify([...taroMock.storage.entries()]);

async function fillToPhotoAndChoose() {
  const page = render(<RetirementRequestPage />);
  await screen.findByText('这次是谁来申请？');
  await tap($('.who-choice--0'));
  await next();
  type('.field-name', '周桂芳');
  type('.field-idNumber', ID_NUMBER);
  await next();
  await tap($('.employer-choice--0'));
  type('.field-position', '挡车工');
  type('.field-years', '32');
  type('.field-retirementDate input', '2026-01-10');
  await next();
  type('.field-phone', '13705734567');
  await tap($('.delivery-choice--0'));
  await tap($('.place-choice--0'));
  await next();
  await screen.findByText('第5步 / 共6步 · 照片（可选）');
  await tap(screen.getByText('＋ 选择照片'));
  expect(screen.getByLabelText('已选择的照片')).toBeTruthy();
  return page;
}

test('a reload brings back every field and the photo; the identity number is asked again, never stored', async () => {
  const first = await fillToPhotoAndChoose();
  expect(stored()).toContain('周桂芳');
  expect(stored()).not.toContain(ID_NUMBER);
  first.unmount(); // the page is gone: a reload, a back swipe

  render(<RetirementRequestPage />);
  expect(await screen.findByText('已为您恢复上次没有提交的填写内容。')).toBeTruthy();
  // Back at the identity number, saying why; everything else is there.
  expect(screen.getByText('第2步 / 共6步 · 退休职工是谁')).toBeTruthy();
  expect(value('.field-name')).toBe('周桂芳');
  expect(value('.field-idNumber')).toBe('');
  expect(screen.getByText('为保护隐私，身份证号没有保存在手机上，请重新填写')).toBeTruthy();
  type('.field-idNumber', ID_NUMBER);
  await next();
  expect(value('.field-position')).toBe('挡车工');
  expect(value('.field-years')).toBe('32');
  await next();
  expect(value('.field-phone')).toBe('13705734567');
  await next();
  expect((screen.getByLabelText('已选择的照片') as HTMLImageElement).getAttribute('src')).toBe(
    'wxfile://tmp/photo.jpg',
  );
  await next();
  await next();
  await screen.findByText('申请已提交');
  expect(sent[0]).toMatchObject({ name: '周桂芳', idNumber: ID_NUMBER, phone: '13705734567' });
  expect(sent[0].photoFileId).toEqual(expect.any(String));
  // Submitted: the draft is gone.
  expect(stored()).not.toContain('周桂芳');
});

test('the draft is the user’s own: another person on the same phone starts empty', async () => {
  const first = await fillToPhotoAndChoose();
  first.unmount();
  uploaderKey = 'ffffffffffffffffffffffffffffffff';
  render(<RetirementRequestPage />);
  await screen.findByText('这次是谁来申请？');
  expect(screen.queryByText('已为您恢复上次没有提交的填写内容。')).toBeNull();
  expect(screen.getByText('第1步 / 共6步 · 谁来申请')).toBeTruthy();
});

test('清空重填 starts over and forgets the draft', async () => {
  const first = await fillToPhotoAndChoose();
  first.unmount();
  render(<RetirementRequestPage />);
  await tap(await screen.findByText('清空重填'));
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '清空重填？' }));
  expect(screen.getByText('第1步 / 共6步 · 谁来申请')).toBeTruthy();
  expect(stored()).not.toContain('周桂芳');
});

test('a filled form asks 放弃填写？ before the page is left (browser reload/close, and 返回)', async () => {
  render(<RetirementRequestPage />);
  await screen.findByText('这次是谁来申请？');
  const unload = () => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  };
  expect(unload()).toBe(false); // nothing filled in: leave freely
  await tap(screen.getByText('返回'));
  expect(Taro.showModal).not.toHaveBeenCalled();
  expect(Taro.navigateBack).toHaveBeenCalledTimes(0);
  expect(Taro.redirectTo).toHaveBeenCalledTimes(1);

  await tap($('.who-choice--0'));
  expect(unload()).toBe(true);
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as any);
  await tap(screen.getByText('返回'));
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '放弃填写？' }));
  expect(Taro.redirectTo).toHaveBeenCalledTimes(1); // stayed
});

test('an H5 photo (a blob: link that dies on reload) is kept as a data: URL', async () => {
  const realFetch = (global as any).fetch;
  (global as any).fetch = jest.fn(async () => ({ blob: async () => new Blob(['jpeg-bytes'], { type: 'image/jpeg' }) }));
  try {
    const kept = await keepPhoto({ path: 'blob:http://127.0.0.1/abc', type: 'image/jpeg', size: 10 });
    expect(kept.path).toMatch(/^data:image\/jpeg;base64,/);
    expect(kept.type).toBe('image/jpeg');
  } finally {
    (global as any).fetch = realFetch;
  }
});

test('a weapp photo is moved from the temp folder into saved files, so it outlives the visit', async () => {
  const T = Taro as any;
  const env = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  let saved = 'wxfile://usr/store_photo.jpg';
  T.getFileSystemManager = () => ({
    saveFile: (o: any) => o.success({ savedFilePath: saved }),
  });
  try {
    const photo = { path: 'wxfile://tmp/photo.jpg', size: 120_000 };
    expect(await keepPhoto(photo)).toEqual({ path: 'wxfile://usr/store_photo.jpg', size: 120_000 });
    saved = ''; // an old base library answers no path: the temp file still serves this visit
    expect(await keepPhoto(photo)).toEqual(photo);
  } finally {
    process.env.TARO_ENV = env;
    delete T.getFileSystemManager;
  }
});
