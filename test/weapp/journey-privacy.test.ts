// Journey 6 (我的数据) in the compiled weapp against the emulator (real functions, real wx-server-sdk): a worker
// opens 我的数据 from 我的, sees what the app holds about them, copies the whole export as JSON, asks for deletion
// (confirmed in a dialog), and sees what was deleted and what had to be kept; the profile is gone afterwards.
import { loadPage, wxMock } from './harness';
import { setupEmulator } from './emulator';

const emu = setupEmulator();
const SLOW = { timeout: 15_000 };
const WORKER = 'persona-worker';

test('我的数据: view, copy the JSON export, delete with confirmation, see the result', async () => {
  emu.as(WORKER);
  const before = await emu.callAs(WORKER, 'member', { action: 'exportMyData' });
  const titles: string[] = before.sections.map((s: any) => s.title);
  expect(titles.length).toBeGreaterThan(0);

  const page = await loadPage('member/pages/my-data/index');
  await page.waitForText('王建国', SLOW);
  for (const title of titles) expect(page.text()).toContain(title);

  // 复制全部数据（JSON）: the clipboard gets the export, internal ids included (they stay in the JSON).
  await page.tap(page.$$('wx-button').find((b) => b.textContent?.includes('复制全部数据'))!);
  await page.waitFor(() => wxMock.setClipboardData.mock.calls.length > 0);
  const copied = JSON.parse(wxMock.setClipboardData.mock.calls[0][0].data);
  expect(copied.openid).toBe(WORKER);
  expect(copied.sections.map((s: any) => s.title)).toEqual(titles);

  // 申请删除我的数据: 再想想 changes nothing.
  const deleteButton = () => page.$$('wx-button').find((b) => b.textContent?.includes('申请删除我的数据'))!;
  wxMock.showModal.mockImplementationOnce((opts: any) => {
    const res = { confirm: false, cancel: true, errMsg: 'showModal:ok' };
    opts?.success?.(res);
    return Promise.resolve(res);
  });
  await page.tap(deleteButton());
  await page.waitFor(() => wxMock.showModal.mock.calls.length === 1);
  expect(wxMock.showModal.mock.calls[0][0]).toMatchObject({ title: '确认删除我的数据？', confirmText: '确认删除' });
  expect((await emu.callAs(WORKER, 'member', { action: 'getMe' })).profile?.name).toBe('王建国');

  // Confirmed: the deletion result shows on the page.
  await page.tap(deleteButton());
  await page.waitForText('删除结果', SLOW);
  expect(page.text()).toMatch(/已删除：.+（\d+ 条）/);
  const me = await emu.callAs(WORKER, 'member', { action: 'getMe' });
  expect(me.profile?.name).toBeUndefined();
  expect(JSON.stringify(await emu.callAs(WORKER, 'member', { action: 'exportMyData' }))).not.toContain('王建国');
  await page.waitFor(() => !page.text().includes('王建国'), SLOW);
});
