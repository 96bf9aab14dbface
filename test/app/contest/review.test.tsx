/**
 * 报名审核 (admin): opens on the newest contest with entries waiting (not an empty one); the pickers
 * show they can be tapped; 退回 opens its reason in the bottom bar; 导出 gives a CSV file (with its
 * BOM) instead of text in the page.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setTransport } from '../../../src/cloud-client';
import ReviewPage from '../../../src/contest/pages/review/index';
import { taroMock } from '../mocks/taro';

const contest = (id: string, title: string) => ({
  id,
  title,
  summary: '',
  phase: 'open',
  venue: '秀洲区职业技能实训基地',
  registrationOpensAt: 0,
  registrationClosesAt: 0,
  contestStartsAt: 0,
  contestEndsAt: 0,
  tradeNames: [],
  placesLeft: 10,
  resultsPublished: false,
});
const CONTESTS = [
  contest('c-empty', '2027年秀洲区职工职业技能竞赛（筹备中）'),
  contest('c-done', '2026年秀洲区直播电商技能快赛'),
  contest('c-busy', '2026年秀洲区职工职业技能竞赛'),
];
const entry = (id: string, name: string) => ({
  id,
  contestId: 'c-busy',
  contestTitle: '2026年秀洲区职工职业技能竞赛',
  tradeId: 'cnc',
  tradeName: '数控铣工',
  name,
  phone: '138****1234',
  employer: '嘉兴秀洲精工机械有限公司',
  jobTitle: '铣工',
  skillLevel: '高级工',
  yearsInTrade: 8,
  status: 'submitted',
  submittedAt: 0,
  registrationClosesAt: 0,
  contestStartsAt: 0,
  venue: '',
});

let sent: Array<Record<string, any>>;
beforeEach(() => {
  taroMock.reset();
  sent = [];
  setTransport(async (_name, data: any) => {
    sent.push(data);
    if (data.action === 'listContests') return { ok: true, data: CONTESTS } as any;
    if (data.action === 'getContest')
      return { ok: true, data: { ...contest(data.contestId, ''), trades: [{ id: 'cnc', name: '数控铣工' }] } } as any;
    if (data.action === 'reviewQueue') {
      // Only c-busy has entries waiting; c-done has entries, none waiting; c-empty has none.
      const items =
        data.contestId === 'c-busy' && (!data.status || data.status === 'submitted')
          ? [entry('r1', '王建国'), entry('r2', '陈志强')]
          : data.contestId === 'c-done' && data.status !== 'submitted'
            ? [entry('r9', '刘海峰')]
            : [];
      return { ok: true, data: { items: items.slice(0, data.limit ?? 100), total: items.length } } as any;
    }
    if (data.action === 'review')
      return { ok: true, data: data.registrationIds.map((id: string) => ({ registrationId: id, ok: true })) } as any;
    if (data.action === 'exportCsv')
      return {
        ok: true,
        data: {
          filename: '赛场名单-2026年秀洲区职工职业技能竞赛-2026-12-04.csv',
          csv: '\ufeff序号,姓名\r\n1,王建国\r\n',
          rows: 1,
        },
      } as any;
    return { ok: false, code: 'INTERNAL', message: 'unexpected' } as any;
  });
});
afterAll(() => setTransport(null));

test('opens on the newest contest with entries waiting, not on an empty one', async () => {
  render(<ReviewPage />);
  expect(await screen.findByText('王建国')).toBeTruthy();
  expect(screen.getByLabelText('选择比武').textContent).toContain('2026年秀洲区职工职业技能竞赛');
  expect(sent.filter((d) => d.action === 'reviewQueue' && d.limit === 100).map((d) => d.contestId)).toEqual(['c-busy']);
});

test('the pickers show they can be tapped (▾ in a box)', async () => {
  render(<ReviewPage />);
  await screen.findByText('王建国');
  for (const label of ['选择比武', '选择项目']) {
    const box = screen.getByLabelText(label);
    expect(box.className).toContain('contest-review__picker');
    expect(box.querySelector('.contest-review__picker-arrow')?.textContent).toBe('▾');
  }
});

test('退回 opens its reason in the bottom bar and sends it', async () => {
  render(<ReviewPage />);
  fireEvent.click(await screen.findByText('王建国'));
  expect(screen.queryByLabelText('退回原因')).toBeNull(); // the bar stays small until needed
  fireEvent.click(screen.getByText('退回所选（1）'));
  fireEvent.change(screen.getByLabelText('退回原因'), { target: { value: '工作单位请填写全称' } });
  await act(async () => {
    fireEvent.click(screen.getByText('确认退回（1）'));
  });
  await waitFor(() => expect(sent.some((d) => d.action === 'review')).toBe(true));
  expect(sent.find((d) => d.action === 'review')).toMatchObject({
    registrationIds: ['r1'],
    decision: 'return',
    reason: '工作单位请填写全称',
  });
});

test('导出 downloads a CSV file with its BOM; no CSV text lands in the page', async () => {
  const blobs: Blob[] = [];
  const clicked: HTMLAnchorElement[] = [];
  (URL as any).createObjectURL = jest.fn((b: Blob) => (blobs.push(b), 'blob:csv'));
  (URL as any).revokeObjectURL = jest.fn();
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  const { container } = render(<ReviewPage />);
  await screen.findByText('王建国');
  await act(async () => {
    fireEvent.click(screen.getByText('导出赛场名单'));
  });
  expect(await screen.findByText(/已下载：赛场名单-2026年秀洲区职工职业技能竞赛-2026-12-04\.csv/)).toBeTruthy();
  expect(clicked).toHaveLength(1);
  expect(clicked[0].download).toBe('赛场名单-2026年秀洲区职工职业技能竞赛-2026-12-04.csv');
  expect(blobs[0].type).toBe('text/csv;charset=utf-8');
  // jsdom's Blob has no arrayBuffer(): read it as the browser would.
  const bytes = await new Promise<Uint8Array>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(blobs[0]);
  });
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the Chinese right
  expect(container.textContent).not.toContain('序号,姓名');
  click.mockRestore();
});

test('in the weapp the CSV is written to the user data folder (with its BOM) and handed to WeChat file sharing', async () => {
  const { saveCsv } = await import('../../../src/contest/save-csv');
  const writes: any[] = [];
  const T = (await import('@tarojs/taro')).default as any;
  const env = process.env.TARO_ENV;
  T.env = { USER_DATA_PATH: 'wxfile://usr' };
  T.getFileSystemManager = () => ({ writeFile: (o: any) => (writes.push(o), o.success()) });
  T.shareFileMessage = jest.fn(async () => ({ errMsg: 'shareFileMessage:ok' }));
  process.env.TARO_ENV = 'weapp';
  try {
    const res = await saveCsv('赛场名单-x-2026-12-04.csv', '序号,姓名\r\n');
    expect(res).toEqual({ how: 'shared', path: 'wxfile://usr/赛场名单-x-2026-12-04.csv' });
    expect(writes[0]).toMatchObject({ filePath: 'wxfile://usr/赛场名单-x-2026-12-04.csv', encoding: 'utf8' });
    expect(writes[0].data.startsWith('\ufeff序号')).toBe(true);
    expect(T.shareFileMessage).toHaveBeenCalledWith({
      filePath: writes[0].filePath,
      fileName: '赛场名单-x-2026-12-04.csv',
    });
    // Closing the share sheet keeps the file, and is not an error.
    T.shareFileMessage = jest.fn(async () => Promise.reject({ errMsg: 'shareFileMessage:fail cancel' }));
    expect(await saveCsv('a.csv', 'x')).toEqual({ how: 'saved', path: 'wxfile://usr/a.csv' });
  } finally {
    process.env.TARO_ENV = env;
    delete T.env;
    delete T.getFileSystemManager;
    delete T.shareFileMessage;
  }
});
