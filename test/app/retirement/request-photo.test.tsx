/**
 * 照片（可选） in the 光荣退休 request wizard (jsdom, stub transport, in-memory uploads): consent before
 * the first choice, preview and removal, the photo in the summary, upload before submit with its
 * fileID sent, and an upload failure that lets them go on without a photo.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setFileUploader, setTransport, UploadError } from '../../../src/cloud-client';
import { memoryFiles } from '../../../src/cloud-client/memory-files';
import RetirementRequestPage from '../../../src/retirement/pages/request/index';
import { photoCloudPath, uploadRetirementPhoto } from '../../../src/services/retirement-photo';
import { hasConsented } from '../../../src/stores/consent';
import { taroMock } from '../mocks/taro';

const OPTIONS = {
  open: true,
  campaignTitle: '2026年企业职工「光荣退休」',
  futureDays: 30,
  pastDays: 730,
  today: '2026-01-20',
  places: [{ id: 'station-xinchenghui', name: '新城汇驿站', address: '嘉兴市秀洲区新城街道康和路' }],
  employers: [{ id: 'emp-jiaxing-textile', name: '嘉兴纺织有限公司' }],
  // The caller's own folder, which the server hands out (a keyed hash of their OPENID).
  photoUploaderKey: '0123456789abcdef0123456789abcdef',
};
const KEY = OPTIONS.photoUploaderKey;
const ID_NUMBER = '330411196602081026';

let store: ReturnType<typeof memoryFiles>;
let sent: Array<Record<string, unknown>>;
/** What the server says to submitRequest (default: accepted). */
let answer: (data: Record<string, unknown>) => any;

beforeEach(() => {
  taroMock.reset();
  // The retirement notice was read already; the photo one not yet.
  Taro.setStorageSync('privacy-consent', { retirement: 1 });
  store = memoryFiles();
  setFileUploader(store.upload);
  sent = [];
  answer = (data) => ({
    ok: true,
    data: { id: 'rt-1', name: data.name, status: 'submitted', statusLabel: '已提交', timeline: [] },
  });
  setTransport(async (_name, data) => {
    if (data.action === 'formOptions') return { ok: true, data: OPTIONS };
    if (data.action === 'submitRequest') {
      sent.push(data);
      return answer(data);
    }
    return { ok: false, code: 'INTERNAL', message: 'unexpected' };
  });
});
afterEach(() => {
  setTransport(null);
  setFileUploader(null);
});

const $ = (sel: string) => document.querySelector(sel) as HTMLElement;
const type = (sel: string, value: string) => fireEvent.change($(sel), { target: { value } });
async function tap(el: Element | null) {
  expect(el).toBeTruthy();
  await act(async () => {
    fireEvent.click(el!);
  });
}
const next = () => tap($('.retirement-wizard__next'));

/** Fills the four screens before the photo (the retiree herself, pickup). */
async function fillToPhoto() {
  render(<RetirementRequestPage />);
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
}

test('photo consent comes before the first choice; declined, nothing is picked; agreed, one compressed photo, a preview, and it can be removed', async () => {
  await fillToPhoto();
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as any);
  await tap(screen.getByText('＋ 选择照片'));
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '照片使用说明' }));
  expect(Taro.chooseImage).not.toHaveBeenCalled();
  expect(hasConsented('photo')).toBe(false);

  await tap(screen.getByText('＋ 选择照片'));
  expect(hasConsented('photo')).toBe(true);
  expect(Taro.chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 1, sizeType: ['compressed'] }));
  const preview = screen.getByLabelText('已选择的照片') as HTMLImageElement;
  expect(preview.getAttribute('src')).toBe('wxfile://tmp/photo.jpg');

  await tap(screen.getByText('不要照片'));
  expect(screen.queryByLabelText('已选择的照片')).toBeNull();
  // asked once: the next choice goes straight to the picker
  await tap(screen.getByText('＋ 选择照片'));
  expect(Taro.showModal).toHaveBeenCalledTimes(2);
  expect(Taro.chooseImage).toHaveBeenCalledTimes(2);
  expect(screen.getByLabelText('已选择的照片')).toBeTruthy();
  // nothing is uploaded before they submit
  expect(store.files.size).toBe(0);
});

test('a photo over 2 MB is refused with a plain message and not kept', async () => {
  await fillToPhoto();
  jest.mocked(Taro.chooseImage).mockResolvedValueOnce({
    tempFilePaths: ['blob:big'],
    tempFiles: [{ path: 'blob:big', size: 3 * 1024 * 1024, type: 'image/jpeg' }],
    errMsg: 'ok',
  } as any);
  await tap(screen.getByText('＋ 选择照片'));
  expect(Taro.showModal).toHaveBeenLastCalledWith(
    expect.objectContaining({ title: '照片太大了', content: expect.stringContaining('2MB') }),
  );
  expect(screen.queryByLabelText('已选择的照片')).toBeNull();
});

test('the summary shows the photo; submitting uploads it first and sends its fileID', async () => {
  await fillToPhoto();
  await tap(screen.getByText('＋ 选择照片'));
  await next();
  await screen.findByText('请核对以下信息，无误后点「确认提交」');
  expect((screen.getByLabelText('证书照片') as HTMLImageElement).getAttribute('src')).toBe('wxfile://tmp/photo.jpg');
  await next();
  await screen.findByText('申请已提交');

  expect(store.files.size).toBe(1);
  const [[fileID, file]] = [...store.files];
  // Under the caller's own folder from formOptions: the only place the server accepts their photo from.
  expect(file.cloudPath).toMatch(new RegExp(`^retirement-photos/${KEY}/\\d{4}-\\d{2}/[a-z0-9]{16,}\\.jpg$`));
  expect(file.path).toBe('wxfile://tmp/photo.jpg');
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ action: 'submitRequest', name: '周桂芳', photoFileId: fileID });
});

test('without a photo the summary says so and nothing is uploaded', async () => {
  await fillToPhoto();
  await next();
  expect(screen.getByText('不加照片')).toBeTruthy();
  await next();
  await screen.findByText('申请已提交');
  expect(store.files.size).toBe(0);
  expect(sent[0]).not.toHaveProperty('photoFileId');
});

test('an upload failure is explained; 返回 sends nothing, 继续提交 sends the request without the photo', async () => {
  await fillToPhoto();
  await tap(screen.getByText('＋ 选择照片'));
  await next();
  store.failNext('照片太大了，请选择 2MB 以内的照片');
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as any);
  await next();
  expect(Taro.showModal).toHaveBeenLastCalledWith(
    expect.objectContaining({
      title: '照片没能上传',
      content: expect.stringContaining('照片太大了，请选择 2MB 以内的照片'),
      confirmText: '继续提交',
    }),
  );
  expect(sent).toEqual([]);
  expect(screen.getByLabelText('证书照片')).toBeTruthy();

  store.failNext();
  await next();
  expect(Taro.showModal).toHaveBeenLastCalledWith(
    expect.objectContaining({ content: expect.stringContaining('请检查网络') }),
  );
  await screen.findByText('申请已提交');
  expect(sent).toHaveLength(1);
  expect(sent[0]).not.toHaveProperty('photoFileId');
  expect(store.files.size).toBe(0);
});

test('a photo the server cannot find takes them back to the photo screen with the message, the photo dropped', async () => {
  answer = () => ({
    ok: false,
    code: 'INVALID_INPUT',
    message: '照片：没有找到上传的照片，请重新选择',
    details: { field: 'photoFileId' },
  });
  await fillToPhoto();
  await tap(screen.getByText('＋ 选择照片'));
  await next();
  await next();
  await screen.findByText('第5步 / 共6步 · 照片（可选）');
  expect(screen.getByRole('alert').textContent).toBe('照片：没有找到上传的照片，请重新选择');
  expect(screen.queryByLabelText('已选择的照片')).toBeNull();
  expect(screen.getByText('＋ 选择照片')).toBeTruthy();
});

describe('uploadRetirementPhoto on weapp (wx.cloud.uploadFile)', () => {
  beforeEach(() => setFileUploader(null));

  test("puts the chosen temp file under the caller's folder of retirement-photos/ and answers the fileID", async () => {
    const fileID = await uploadRetirementPhoto({ path: 'wxfile://tmp_abc.png', size: 1000 }, KEY);
    const opts = jest.mocked(Taro.cloud.uploadFile).mock.calls[0][0] as { cloudPath: string; filePath: string };
    expect(opts.filePath).toBe('wxfile://tmp_abc.png');
    expect(opts.cloudPath).toMatch(new RegExp(`^retirement-photos/${KEY}/\\d{4}-\\d{2}/[a-z0-9]+\\.png$`));
    expect(fileID).toBe(`cloud://test-env.bucket/${opts.cloudPath}`);
  });

  test('without a folder from the server (or a strange one) nothing is uploaded: an UploadError', async () => {
    for (const key of [undefined, '', '../other', 'a/b']) {
      const err = await uploadRetirementPhoto({ path: 'wxfile://tmp_abc.jpg' }, key).catch((e) => e);
      expect(err).toBeInstanceOf(UploadError);
    }
    expect(Taro.cloud.uploadFile).not.toHaveBeenCalled();
  });

  test('a failed upload is an UploadError with a Chinese message', async () => {
    jest.mocked(Taro.cloud.uploadFile).mockRejectedValueOnce({ errMsg: 'cloud.uploadFile:fail timeout' });
    const err = await uploadRetirementPhoto({ path: 'wxfile://tmp_abc.jpg' }, KEY).catch((e) => e);
    expect(err).toBeInstanceOf(UploadError);
    expect(err.message).toBe('照片没能上传，请检查网络后重试');
  });

  test('names are fresh each time and follow the type', () => {
    const now = Date.UTC(2026, 0, 20);
    const a = photoCloudPath({ path: 'blob:x', type: 'image/webp' }, KEY, now);
    const b = photoCloudPath({ path: 'blob:x', type: 'image/webp' }, KEY, now);
    expect(a).toMatch(new RegExp(`^retirement-photos/${KEY}/2026-01/[a-z0-9]+\\.webp$`));
    expect(a).not.toBe(b);
    expect(photoCloudPath({ path: 'http://tmp/x.JPEG' }, KEY, now)).toMatch(/\.jpg$/);
  });
});

test('the upload never leaves the photo half-sent: a double tap uploads and submits once', async () => {
  await fillToPhoto();
  await tap(screen.getByText('＋ 选择照片'));
  await next();
  await act(async () => {
    fireEvent.click($('.retirement-wizard__next'));
    fireEvent.click($('.retirement-wizard__next'));
  });
  await screen.findByText('申请已提交');
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(store.files.size).toBe(1);
});
