/**
 * 光荣退休 end to end in Chromium against the emulator: persona-family (周晓燕) asks for her mother
 * 周桂芳 (persona-retiree) with pickup at 新城汇驿站, attaching her photo (uploaded to the emulator's
 * storage); persona-enterprise (嘉兴纺织 union) verifies, seeing the photo; persona-admin approves,
 * issues and readies the plaque; the certificate is drawn on canvas with the photo (its QR is decoded
 * back from the pixels); a stranger verifies it; persona-station-staff scans the pickup.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { fakeIdNumber, RETIREE_ID_NUMBER } from '../../cloud/seed/retirement';
import { setupE2E } from './harness';

const e2e = setupE2E();

const next = (page: Page) => page.locator('.retirement-wizard__next').click();

/** A 300 × 400 portrait PNG: a blue background (a colour the certificate never uses) and a lighter "face". */
function portrait(): Buffer {
  const png = new PNG({ width: 300, height: 400 });
  for (let y = 0; y < 400; y++)
    for (let x = 0; x < 300; x++) {
      const face = (x - 150) ** 2 + (y - 150) ** 2 < 80 ** 2;
      const i = (y * 300 + x) * 4;
      png.data.set(face ? [240, 200, 170, 255] : [30, 90, 200, 255], i);
    }
  return PNG.sync.write(png);
}

/** Pixels of a canvas PNG (as read back) that are the portrait's blue, within the box (in 600 × 860 units). */
function bluePixels(png: PNG, box: { x: number; y: number; w: number; h: number }): number {
  const k = png.width / 600;
  let n = 0;
  for (let y = Math.round(box.y * k); y < Math.round((box.y + box.h) * k); y++)
    for (let x = Math.round(box.x * k); x < Math.round((box.x + box.w) * k); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i + 2] > 150 && png.data[i] < 80 && png.data[i + 1] < 130) n += 1;
    }
  return n;
}

/** Pixels of the text's dark ink (not the red seal, not the paper) within the box (in 600 × 860 units). */
function inkPixels(png: PNG, box: { x: number; y: number; w: number; h: number }): number {
  const k = png.width / 600;
  let n = 0;
  for (let y = Math.round(box.y * k); y < Math.round((box.y + box.h) * k); y++)
    for (let x = Math.round(box.x * k); x < Math.round((box.x + box.w) * k); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] < 120 && png.data[i + 1] < 90 && png.data[i + 2] < 80) n += 1;
    }
  return n;
}

/** Selects 周桂芳's card in the current review tab and runs the tab's batch action. */
async function batch(page: Page, tab: string, action: string, shot: string) {
  await page.locator('.retirement-review__tab', { hasText: tab }).click();
  const card = page.locator('.retirement-review-item', { hasText: '周桂芳' });
  await card.waitFor();
  await card.locator('.retirement-review-item__head').click();
  await page.locator('.retirement-review__run', { hasText: `${action}（1）` }).click();
  await page.getByText(`${action}：1份`).first().waitFor();
  await e2e.screenshot(page, shot);
  await card.waitFor({ state: 'detached' });
}

test('family requests, employer verifies, admin approves and issues, certificate drawn, stranger verifies, staff hands out the plaque', async () => {
  // 1. The daughter asks for her mother, step by step.
  const family = await e2e.newPage({ persona: 'persona-family', path: '/retirement/pages/request/index' });
  await family.getByText('申请前请阅读隐私说明').waitFor();
  await e2e.screenshot(family, 'retirement-01-consent');
  await family.locator('.consent__agree').click();
  await family.locator('.who-choice--1').click();
  await family.locator('.relation-choice--0').click();
  await next(family);
  await family.locator('.field-name input').fill('周桂芳');
  await family.locator('.field-idNumber input').fill(RETIREE_ID_NUMBER);
  await next(family);
  await family.locator('.employer-choice', { hasText: '嘉兴纺织有限公司' }).click();
  await family.locator('.field-position input').fill('挡车工');
  await family.locator('.field-years input').fill('32');
  await family.getByText('点这里选择日期').click();
  await family.locator('.weui-picker__action', { hasText: '确定' }).click();
  await e2e.screenshot(family, 'retirement-02-work');
  await next(family);
  await family.locator('.field-phone input').fill('13705734567');
  await family.locator('.delivery-choice', { hasText: '到颁发仪式现场领取' }).click();
  await family.locator('.place-choice', { hasText: '新城汇驿站' }).click();
  await next(family);
  // The optional photo: consent first (Taro's H5 modal), then the file input chooseImage opens.
  await family.getByText('照片（可选）').first().waitFor();
  await family.locator('.retirement-photo-step__choose').click();
  const choosing = family.waitForEvent('filechooser');
  await family.locator('.taro-modal__foot').getByText('同意', { exact: true }).click();
  const chooser = await choosing;
  await chooser.setFiles({ name: '妈妈.png', mimeType: 'image/png', buffer: portrait() });
  const preview = family.locator('.retirement-photo-step__preview img');
  await preview.waitFor();
  await family.waitForFunction(() => {
    const img = document.querySelector('.retirement-photo-step__preview img') as HTMLImageElement | null;
    return !!img && img.complete && img.naturalWidth === 300;
  });
  // Kept inline (a blob: link would die on reload), so the draft holds the photo too.
  expect(await preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await e2e.screenshot(family, 'retirement-03a-photo');
  await next(family);
  await family.getByText('请核对以下信息').waitFor();
  const summary = await family.locator('.retirement-summary').innerText();
  expect(summary).toContain('家属代办');
  expect(summary).not.toContain(RETIREE_ID_NUMBER);
  await e2e.screenshot(family, 'retirement-03-summary');
  await family.locator('.retirement-summary__photo img').scrollIntoViewIfNeeded();
  await e2e.screenshot(family, 'retirement-03b-summary-photo');
  await next(family);
  await family.getByText('申请已提交').waitFor();
  await e2e.screenshot(family, 'retirement-04-submitted');
  await family.context().close();
  const [sent] = await e2e.callAs('persona-family', 'retirement', { action: 'myRequests' });
  // Under her own folder of retirement-photos/, the one formOptions gives her (and nobody else).
  const { photoUploaderKey } = await e2e.callAs('persona-family', 'retirement', { action: 'formOptions' });
  expect(photoUploaderKey).toMatch(/^[0-9a-f]{32}$/);
  expect(sent).toMatchObject({ hasPhoto: true });
  expect(sent.photoFileId.startsWith(`cloud://local.emulator/retirement-photos/${photoUploaderKey}/`)).toBe(true);
  expect(sent.photoFileId).toMatch(
    /^cloud:\/\/local\.emulator\/retirement-photos\/[0-9a-f]{32}\/\d{4}-\d{2}\/[a-z0-9]+\.png$/,
  );
  // Nobody else can send it as theirs: persona-worker, who could read its path in a review link, is refused.
  const stolen = await e2e.callRaw('persona-worker', 'retirement', {
    action: 'submitRequest',
    requestId: `e2e-stolen-${Date.now().toString(36)}`,
    consent: true,
    requesterKind: 'self',
    name: '王建国',
    idNumber: fakeIdNumber('1966-05-01', 777),
    employer: '嘉兴纺织有限公司',
    employerId: 'emp-jiaxing-textile',
    position: '保全工',
    yearsOfService: 30,
    retirementDate: '2026-01-10',
    phone: '13957310009',
    deliveryMethod: 'pickup',
    pickupStationId: 'station-xinchenghui',
    photoFileId: sent.photoFileId,
  });
  expect(stolen).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'photoFileId' } });

  // 2. The employer's union confirms she worked there.
  const employer = await e2e.newPage({ persona: 'persona-enterprise', path: '/retirement/pages/review/index' });
  await employer.locator('.retirement-review__tab', { hasText: '待核实' }).waitFor();
  // Her photo shows as a thumbnail, loaded from the emulator by a temporary link.
  const thumb = employer
    .locator('.retirement-review-item', { hasText: '周桂芳' })
    .locator('.retirement-review-photo__thumb img');
  await thumb.waitFor();
  await employer.waitForFunction(() => {
    const img = document.querySelector('.retirement-review-photo__thumb img') as HTMLImageElement | null;
    return !!img && img.complete && img.naturalWidth === 300;
  });
  expect(await thumb.getAttribute('src')).toContain(`${e2e.emulatorUrl}/file/retirement-photos/`);
  await thumb.scrollIntoViewIfNeeded();
  await e2e.screenshot(employer, 'retirement-04b-review-photo');
  await batch(employer, '待核实', '核实无误', 'retirement-05-employer-verified');
  await employer.context().close();

  // 3. The district union admin approves, issues, and readies the plaque for the ceremony.
  const admin = await e2e.newPage({ persona: 'persona-admin', path: '/retirement/pages/review/index' });
  await admin.locator('.retirement-review__tab', { hasText: '待审批' }).waitFor();
  await batch(admin, '待审批', '批准', 'retirement-06-approved');
  await batch(admin, '待签发', '签发证书', 'retirement-07-issued');
  await batch(admin, '已签发', '纪念牌已备好', 'retirement-08-plaque-ready');
  await admin.context().close();

  // 4. The family sees the certificate, drawn on canvas, and its QR scans back to the token.
  const [request] = await e2e.callAs('persona-family', 'retirement', { action: 'myRequests' });
  expect(request).toMatchObject({
    name: '周桂芳',
    status: 'plaque_pending',
    serial: expect.stringMatching(/^秀工荣退〔2026〕第\d{4}号$/),
  });
  const cert = await e2e.callAs('persona-family', 'retirement', { action: 'myCertificate', id: request.id });
  const mine = await e2e.newPage({ persona: 'persona-family', path: '/retirement/pages/mine/index' });
  await mine.getByText('纪念牌待领取').first().waitFor();
  await e2e.screenshot(mine, 'retirement-09-mine');
  await mine.locator('.retirement-mine-request__certificate').click();
  await mine.getByText('证书已生成').waitFor();
  await e2e.screenshot(mine, 'retirement-10-certificate');
  const dataUrl = await mine.evaluate(() =>
    (
      document.querySelector('.retirement-cert__canvas canvas, canvas.retirement-cert__canvas') as HTMLCanvasElement
    ).toDataURL('image/png'),
  );
  e2e.saveImage('retirement-10b-certificate-canvas', dataUrl);
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1], 'base64'));
  expect(png.width).toBeGreaterThan(300);
  // The photo is drawn between the QR and the seal (draw.ts PHOTO_BOX), and nowhere else.
  expect(bluePixels(png, { x: 230, y: 634, w: 84, h: 116 })).toBeGreaterThan(500);
  expect(bluePixels(png, { x: 40, y: 40, w: 520, h: 560 })).toBe(0);
  // No ink in the gap right of the photo's frame (x 324): the issuer's name and the date start clear of it.
  expect(inkPixels(png, { x: 326, y: 660, w: 10, h: 100 })).toBe(0);
  expect(inkPixels(png, { x: 340, y: 684, w: 200, h: 60 })).toBeGreaterThan(200);
  // The QR sits bottom left; decode just that region so the red frame (and the photo) do not confuse the finder.
  const cw = Math.round(png.width * 0.35);
  const ch = Math.round(png.height * 0.3);
  const top = Math.round(png.height * 0.68);
  const crop = new Uint8ClampedArray(cw * ch * 4);
  for (let y = 0; y < ch; y++)
    png.data.copy(Buffer.from(crop.buffer), y * cw * 4, (top + y) * png.width * 4, ((top + y) * png.width + cw) * 4);
  const decoded = jsQR(crop, cw, ch);
  expect(decoded?.data).toBe(cert.qrText);
  expect(cert.qrText).toContain(cert.token);
  await mine.context().close();

  // 5. A stranger (no persona at all) scans the certificate and sees only the public facts.
  const stranger = await e2e.newPage({ path: `/retirement/pages/verify/index?t=${encodeURIComponent(cert.token)}` });
  await stranger.getByText('证书真实有效').waitFor();
  const shown = await stranger.locator('.retirement-verify__result').innerText();
  expect(shown).toContain('周*芳');
  expect(shown).toContain('嘉兴纺织有限公司');
  expect(shown).not.toContain('周桂芳');
  expect(shown).not.toContain('13705734567');
  await e2e.screenshot(stranger, 'retirement-11-verified');
  await stranger.context().close();

  // 6. At 新城汇驿站 the staff scans (pastes, in H5) the certificate code: the plaque is handed out.
  const staff = await e2e.newPage({ persona: 'persona-station-staff', path: '/staff/pages/scanner/index' });
  // Staff scan what the printed QR holds: the verify link with the token in it.
  await staff.locator('.staff-scanner__input input').fill(cert.qrText);
  await staff.locator('.staff-scanner__verify').click();
  // The recent-scans list repeats the title below: wait for the full-screen result itself.
  await staff.locator('.staff-scan-result__title', { hasText: '纪念牌领取成功' }).waitFor();
  await e2e.screenshot(staff, 'retirement-12-plaque-collected');
  await staff.context().close();
  const after = await e2e.callAs('persona-family', 'retirement', { action: 'getRequest', id: request.id });
  expect(after.status).toBe('collected');

  expect(e2e.pageErrors).toEqual([]);
});

test('the admin returns a request with a reason typed in the page (H5 has no editable modal); the returned item shows it', async () => {
  const reason = '工龄与单位档案不符，请单位工会核对后重新提交';
  const admin = await e2e.newPage({ persona: 'persona-admin', path: '/retirement/pages/review/index' });
  await admin.locator('.retirement-review__tab', { hasText: '待审批' }).click();
  const card = admin.locator('.retirement-review-item', { hasText: '陆美娟' });
  await card.locator('.retirement-review-item__return').click();
  const sheet = card.locator('.reason-sheet');
  const field = sheet.locator('.reason-sheet__input textarea');
  await sheet.waitFor();
  // The field opens with the focus in it, named for screen readers.
  await admin.waitForFunction(() => document.activeElement?.matches('.reason-sheet textarea') ?? false);
  expect(await field.getAttribute('aria-label')).toBe('退回原因');
  // Nothing typed: refused in place, nothing sent.
  await sheet.locator('.reason-sheet__confirm').click();
  await sheet.getByText('退回原因请至少写2个字').waitFor();
  // Typed key by key, as a person would.
  await field.click();
  await admin.keyboard.type(reason);
  expect(await field.inputValue()).toBe(reason);
  await sheet.getByText('退回原因请至少写2个字').waitFor({ state: 'detached' });
  await sheet.scrollIntoViewIfNeeded();
  await e2e.screenshot(admin, 'retirement-13-return-reason');
  await sheet.locator('.reason-sheet__confirm').click();
  await card.waitFor({ state: 'detached' });

  await admin.locator('.retirement-review__tab', { hasText: '已退回' }).click();
  const returned = admin.locator('.retirement-review-item', { hasText: '陆美娟' });
  await returned.getByText(`退回原因：${reason}`).waitFor();
  await e2e.screenshot(admin, 'retirement-14-returned');
  await admin.context().close();

  // The submitter (陆美娟 herself) sees the same words on her request.
  const [mine] = await e2e.callAs('seed-retiree-lu', 'retirement', { action: 'myRequests' });
  expect(mine).toMatchObject({ name: '陆美娟', status: 'returned', returnReason: reason });
  expect(e2e.pageErrors).toEqual([]);
});
