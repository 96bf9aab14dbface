/**
 * The 光荣退休 request flow shared by the two weapp test files (normal size and 长辈模式: a page path
 * loads once per test file, so each size has its own file).
 */
import { cloud, wxMock, type PageHandle } from './harness';

const OPTIONS = {
  open: true,
  campaignTitle: '2026年企业职工「光荣退休」',
  futureDays: 30,
  pastDays: 730,
  today: '2026-01-20',
  places: [
    { id: 'station-xinchenghui', name: '新城汇驿站', address: '嘉兴市秀洲区新城街道康和路新城汇商业中心1楼' },
    { id: 'station-wangjiangjing', name: '王江泾镇驿站', address: '嘉兴市秀洲区王江泾镇东进路工会服务中心旁' },
  ],
  employers: [
    { id: 'emp-jiaxing-textile', name: '嘉兴纺织有限公司' },
    { id: 'emp-xiuzhou-cnc', name: '嘉兴秀洲精工机械有限公司' },
  ],
  // The caller's own photo folder (a keyed hash of the OPENID): the app uploads under it.
  photoUploaderKey: 'fedcba9876543210fedcba9876543210',
};
// 周桂芳's fictional number (cloud/seed/retirement.ts RETIREE_ID_NUMBER), valid checksum.
const ID_NUMBER = '330411196602081026';

export function program() {
  cloud.reset();
  cloud.handle((name, data) => {
    if (name !== 'retirement') return undefined;
    if (data.action === 'formOptions') return { ok: true, data: OPTIONS };
    if (data.action === 'submitRequest') {
      return {
        ok: true,
        data: { id: 'rt-1', name: data.name, status: 'submitted', statusLabel: '已提交', timeline: [] },
      };
    }
    return undefined;
  });
}

export async function fillAndSubmit(page: PageHandle) {
  await page.waitForText('申请前请阅读隐私说明');
  await page.tap('.consent__agree');

  // 1 who: family, daughter. Next without a relation is refused on the spot.
  await page.waitForText('这次是谁来申请');
  await page.tap('.who-choice--1');
  await page.tap('.retirement-wizard__next');
  await page.waitForText('请选择您与退休职工的关系');
  await page.tap('.relation-choice--0');
  await page.tap('.retirement-wizard__next');

  // 2 the retiree: a wrong check digit shows the contract's message under the field.
  await page.waitForText('第2步');
  await page.input('.field-name', '周桂芳');
  await page.input('.field-idNumber', '330411196602081027');
  await page.tap('.retirement-wizard__next');
  await page.waitForText('身份证号有误');
  await page.input('.field-idNumber', ID_NUMBER);
  await page.tap('.retirement-wizard__next');

  // 3 work
  await page.waitForText('退休前在哪个单位工作');
  await page.tap('.employer-choice--0');
  await page.input('.field-position', '挡车工');
  await page.input('.field-years', '32');
  await page.trigger('.field-retirementDate', 'change', { value: '2026-01-10' });
  await page.tap('.retirement-wizard__next');

  // 4 contact and plaque
  await page.waitForText('纪念牌怎么领取');
  await page.input('.field-phone', '13705734567');
  await page.tap('.delivery-choice--0');
  await page.waitForText('选择领取地点');
  await page.tap('.place-choice--0');
  await page.tap('.retirement-wizard__next');

  // 5 photo (optional): consent first, then one compressed picture, shown as a preview
  await page.waitForText('照片（可选）');
  await page.tap('.retirement-photo-step__choose');
  await page.waitFor(() => page.$('.retirement-photo-step__preview'));
  expect(wxMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '照片使用说明' }));
  expect(wxMock.chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 1, sizeType: ['compressed'] }));
  await page.tap('.retirement-wizard__next');

  // 6 summary: masked identity number, plain words, the photo
  await page.waitForText('请核对以下信息');
  const text = page.text();
  expect(text).toContain('家属代办');
  expect(text).toContain('330***********1026');
  expect(text).not.toContain(ID_NUMBER);
  expect(text).toContain('2026年1月10日');
  expect(text).toContain('到新城汇驿站现场领取');
  expect(page.$('.retirement-summary__photo')).toBeTruthy();
  await page.tap('.retirement-wizard__next');
  await page.waitForText('申请已提交');

  // the photo went up with wx.cloud.uploadFile before the request, which carries its fileID
  expect(wxMock.cloud.uploadFile).toHaveBeenCalledTimes(1);
  const { cloudPath, filePath } = wxMock.cloud.uploadFile.mock.calls[0][0];
  expect(filePath).toBe('wxfile://tmp/photo.jpg');
  expect(cloudPath).toMatch(
    new RegExp(`^retirement-photos/${OPTIONS.photoUploaderKey}/\\d{4}-\\d{2}/[a-z0-9]+\\.jpg$`),
  );

  const submits = cloud.calls.filter((c) => c.name === 'retirement' && c.data.action === 'submitRequest');
  expect(submits).toHaveLength(1);
  expect(submits[0].data).toEqual({
    action: 'submitRequest',
    requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    consent: true,
    requesterKind: 'family',
    relation: '子女',
    name: '周桂芳',
    idNumber: ID_NUMBER,
    employer: '嘉兴纺织有限公司',
    employerId: 'emp-jiaxing-textile',
    position: '挡车工',
    yearsOfService: 32,
    retirementDate: '2026-01-10',
    phone: '13705734567',
    deliveryMethod: 'pickup',
    pickupStationId: 'station-xinchenghui',
    callbackRequested: false,
    photoFileId: `cloud://test-env.bucket/${cloudPath}`,
  });
}
