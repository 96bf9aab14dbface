/**
 * 单位批量申报 in Chromium against the emulator: the 嘉兴纺织 union contact (persona-enterprise) opens
 * the page from the 服务 tab, agrees to the notice, lists two retirees (one already asked for by her
 * family), sends the list and sees one accepted and one refused with the reason; the refused row is
 * then removed and the accepted one waits in the employer's own verification queue.
 */
import type { Page } from 'playwright-core';
import { fakeIdNumber } from '../../cloud/seed/retirement';
import { setupE2E } from './harness';

const e2e = setupE2E();

const NEW_ONE = { name: '金阿毛', id: fakeIdNumber('1965-12-03', 611), phone: '13957316611' };
const ALREADY = { name: '陆彩凤', id: fakeIdNumber('1966-01-09', 612), phone: '13957316612' };

/** Waits for the page slide-in and any toast to finish, so a screenshot shows the page as a user sees it. */
async function settle(page: Page) {
  // A toast shows a moment after the tap that causes it.
  await page.waitForTimeout(200);
  await e2e.settle(page, { toast: true });
}

async function addRow(page: Page, p: typeof NEW_ONE, delivery: 'pickup' | 'post') {
  await page.locator('.retirement-batch__add').click();
  await page.locator('.retirement-batch-editor').waitFor();
  await page.locator('.field-name input').fill(p.name);
  await page.locator('.field-idNumber input').fill(p.id);
  await page.locator('.field-position input').fill('挡车工');
  await page.locator('.field-years input').fill('31');
  await page.getByText('点这里选择日期').click();
  await page.locator('.weui-picker__action', { hasText: '确定' }).click();
  await page.locator('.field-phone input').fill(p.phone);
  if (delivery === 'pickup') {
    await page.locator('.delivery-choice', { hasText: '到颁发仪式现场领取' }).click();
    await page.locator('.place-choice', { hasText: '新城汇驿站' }).click();
  } else {
    await page.locator('.delivery-choice', { hasText: '邮寄到家' }).click();
    await page.locator('.field-postAddress input').fill('嘉兴市秀洲区新城街道洪兴西路88号');
  }
  await page.locator('.retirement-batch-editor__save').click();
  await page.locator('.retirement-batch-row', { hasText: p.name }).waitFor();
}

test('the employer union lists two retirees, one already asked for: one accepted, one refused with the reason', async () => {
  // Her daughter already asked for 陆彩凤.
  await e2e.callAs('persona-family', 'retirement', {
    action: 'submitRequest',
    consent: true,
    requesterKind: 'family',
    relation: '子女',
    name: ALREADY.name,
    idNumber: ALREADY.id,
    employer: '嘉兴纺织有限公司',
    employerId: 'emp-jiaxing-textile',
    position: '挡车工',
    yearsOfService: 30,
    retirementDate: '2026-01-10',
    phone: ALREADY.phone,
    deliveryMethod: 'pickup',
    pickupStationId: 'station-xinchenghui',
  });

  // From the 服务 tab's 管理 list.
  const page = await e2e.newPage({ persona: 'persona-enterprise', path: '/pages/services/index' });
  await page.locator('.services__link', { hasText: '单位批量申报退休证书' }).click();
  await page.getByText('代办前请阅读隐私说明').waitFor();
  await settle(page);
  await e2e.screenshot(page, 'retirement-batch-01-consent');
  await page.locator('.retirement-batch-consent__agree').click();
  await page.getByText('代办单位：嘉兴纺织有限公司').waitFor();
  await page.getByText('名单还是空的').waitFor();

  await addRow(page, NEW_ONE, 'pickup');
  await page.locator('.retirement-batch__add').click();
  await settle(page);
  await e2e.screenshot(page, 'retirement-batch-02-editor');
  await page.locator('.retirement-batch-editor__cancel').click();
  await addRow(page, ALREADY, 'post');
  const summary = await page.locator('.retirement-batch__summary').innerText();
  expect(summary).toContain('名单共2人');
  expect(summary).toContain('待提交2人');
  expect(summary).toContain('现场领取1人 · 邮寄1人');
  expect(summary).not.toContain('电话回访');
  // The list shows identity numbers masked, never in full.
  const list = await page.locator('.retirement-batch-row').allInnerTexts();
  expect(list.join('\n')).not.toContain(NEW_ONE.id);
  expect(list.join('\n')).toContain(`${NEW_ONE.id.slice(0, 3)}***********${NEW_ONE.id.slice(-4)}`);
  await settle(page);
  await e2e.screenshot(page, 'retirement-batch-03-list');

  await page.locator('.retirement-batch__submit', { hasText: '提交名单（2人）' }).click();
  await page.getByText('本次提交2人：已受理1人，未通过1人').waitFor();
  const accepted = page.locator('.retirement-batch-row--accepted');
  const refused = page.locator('.retirement-batch-row--refused');
  expect(await accepted.count()).toBe(1);
  expect(await refused.count()).toBe(1);
  expect(await accepted.innerText()).toContain(NEW_ONE.name);
  expect(await accepted.innerText()).toContain('已受理');
  const reason = await refused.innerText();
  expect(reason).toContain(ALREADY.name);
  expect(reason).toContain('已有光荣退休申请');
  expect(reason).toContain('未通过');
  await page.locator('.retirement-batch__submit', { hasText: '重新提交（1人）' }).waitFor();
  await settle(page);
  await e2e.screenshot(page, 'retirement-batch-04-result');

  // 陆彩凤 needs nothing more: remove her row; the list is then complete.
  await refused.locator('.retirement-batch-row__remove').click();
  await page.locator('.taro-modal__foot').getByText('删除').click();
  await page.getByText('名单上的1人都已受理').waitFor();
  await settle(page);
  await e2e.screenshot(page, 'retirement-batch-05-done');
  await page.context().close();

  // What the server holds: 金阿毛 filed by the employer, waiting for its own verification; 陆彩凤 once.
  const queue = await e2e.callAs('persona-enterprise', 'retirement', { action: 'reviewQueue', status: 'submitted' });
  const jin = queue.items.find((i: any) => i.name === NEW_ONE.name);
  expect(jin).toMatchObject({ requesterKind: 'employer', employer: '嘉兴纺织有限公司', status: 'submitted' });
  expect(queue.items.filter((i: any) => i.name === ALREADY.name)).toHaveLength(1);
  expect(e2e.pageErrors).toEqual([]);
});

test('长辈模式 on the filled list: body text ≥ 18 px and every button ≥ 60 px high', async () => {
  const page = await e2e.newPage({ persona: 'persona-enterprise', path: '/retirement/pages/batch/index' });
  await page.evaluate(() => localStorage.setItem('elder-mode', JSON.stringify({ data: '1' })));
  await page.reload();
  await page.locator('.page.elder .retirement-batch-consent__agree').click();
  await addRow(page, { name: '褚阿福', id: fakeIdNumber('1965-07-07', 613), phone: '13957316613' }, 'pickup');
  await settle(page);
  await e2e.screenshot(page, 'retirement-batch-06-elder');
  const sizes = await page.evaluate(() => {
    const px = (sel: string, prop: 'fontSize' | 'height') =>
      Array.from(document.querySelectorAll<HTMLElement>(`.taro_page .page.elder ${sel}`)).map((el) =>
        prop === 'height' ? el.getBoundingClientRect().height : parseFloat(getComputedStyle(el).fontSize),
      );
    return {
      lines: px(
        '.retirement-batch-row__line, .retirement-batch__summary-line, .retirement-batch__employer',
        'fontSize',
      ),
      buttons: px('[role=button]', 'height'),
    };
  });
  expect(sizes.lines.length).toBeGreaterThanOrEqual(4);
  expect(Math.min(...sizes.lines)).toBeGreaterThanOrEqual(18);
  // 修改, 删除, 添加, 提交
  expect(sizes.buttons.length).toBeGreaterThanOrEqual(4);
  expect(Math.min(...sizes.buttons)).toBeGreaterThanOrEqual(60);
  await page.context().close();
  expect(e2e.pageErrors).toEqual([]);
});
