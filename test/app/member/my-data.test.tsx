/**
 * 我的数据 reads as a worker would: every line has a Chinese label and a readable value; internal ids,
 * OPENIDs, request ids and stored codes (placed, onsite, withdrawn...) stay in the JSON export only.
 * After 申请删除 the summary is brought into sight.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import MyDataPage from '../../../src/member/pages/my-data/index';
import { readableLines } from '../../../src/member/pages/my-data/fields';
import { taroMock } from '../mocks/taro';

const T = Date.UTC(2026, 11, 17, 6, 0); // 2026-12-17 14:00 in China
const stamp = {
  scanId: 'scan-7f3a9c',
  at: T,
  staff: 'persona-venue-staff',
  staffName: '赵敏',
  scope: { kind: 'contest', id: 'contest-2026-skills' },
  placeName: '秀洲区职业技能实训基地',
};
/** Records shaped as the handlers write them, with the fields a new user saw raw. */
const EXPORT = {
  exportedAt: T,
  openid: 'persona-newcomer',
  sections: [
    {
      key: 'account',
      title: '个人资料与会员信息',
      items: [
        {
          profile: {
            name: '张晓明',
            phone: '13812345678',
            employer: '嘉兴纺织',
            district: '秀洲区',
            category: '产业工人',
          },
          membership: { status: 'member', memberNo: 'XZ2026000009', since: T },
          roles: ['member'],
          scopes: [{ kind: 'station', id: 'station-xinchenghui' }],
          identityNumberOnFile: false,
          createdAt: T,
          updatedAt: T,
        },
      ],
    },
    {
      key: 'membershipApplication',
      title: '入会申请',
      items: [
        {
          id: 'persona-newcomer',
          name: '张晓明',
          phone: '138****5678',
          status: 'approved',
          submittedAt: T,
          reviewedAt: T,
          reviewer: 'persona-admin',
          attempt: 1,
          requestId: 'req-1a2b3c',
          memberNo: 'XZ2026000009',
        },
      ],
    },
    {
      key: 'contestRegistrations',
      title: '技能比武报名',
      items: [
        {
          id: 'reg-91ab',
          contestId: 'contest-2026-skills',
          tradeId: 'cnc',
          tradeName: '数控铣工',
          name: '张晓明',
          status: 'checked_in',
          placed: true,
          requestId: 'req-9z8y',
          submittedAt: T,
          reviewer: 'persona-admin',
          checkedIn: stamp,
          employerKey: 'jiaxing-textile',
        },
      ],
    },
    {
      key: 'courseOrders',
      title: '课程点单',
      items: [
        {
          id: 'order-1',
          courseId: 'course-cnc',
          title: '数控铣床精度调校实操',
          ordererName: '张晓明',
          employerId: 'emp-1',
          employerName: '嘉兴纺织',
          headcount: 30,
          preferredDates: ['2026-12-24'],
          place: '三楼培训室',
          format: 'onsite',
          status: 'withdrawn',
          sessionIds: ['sess-1'],
          createdAt: T,
          updatedAt: T + 60_000,
        },
      ],
    },
    {
      key: 'sessionBookings',
      title: '课程预约',
      items: [
        {
          id: 'bk-1',
          sessionId: 'sess-1',
          sessionTitle: '数控铣床精度调校实操',
          sessionStartAt: T,
          name: '张晓明',
          phoneTail: '5678',
          status: 'attended',
          bookedAt: T,
          attendedAt: T,
          scan: stamp,
          rated: true,
          remindedAt: T,
        },
      ],
    },
  ],
};

const RAW = [
  'requestId',
  'placed',
  'persona-',
  'scan-7f3a9c',
  'scanId',
  'courseId',
  'course-cnc',
  'ordererName',
  'onsite',
  'withdrawn',
  'phoneTail',
  'rated',
  'reviewer',
  'contest-2026-skills',
  'station-xinchenghui',
  'sess-1',
  'req-',
];

function serve() {
  setTransport(async (_name, data) => {
    if (data.action === 'exportMyData') return { ok: true, data: EXPORT } as any;
    if (data.action === 'deleteMyData')
      return {
        ok: true,
        data: {
          removed: [{ key: 'account', title: '个人资料与会员信息', count: 1 }],
          kept: [],
          summary: '已删除您在本程序中的全部个人数据。',
        },
      } as any;
    return { ok: true, data: null } as any;
  });
}

beforeEach(() => {
  taroMock.reset();
  serve();
});
afterAll(() => setTransport(null));

test('every line has a Chinese label, no label repeats within a record, no raw name or id is shown', async () => {
  const { container } = render(<MyDataPage />);
  await screen.findByText('数控铣工');
  const text = container.textContent ?? '';
  for (const raw of RAW) expect({ raw, shown: text.includes(raw) }).toEqual({ raw, shown: false });

  for (const section of EXPORT.sections) {
    for (const item of section.items) {
      const lines = readableLines(section.key, item);
      expect(lines.length).toBeGreaterThan(2);
      for (const l of lines) expect(l.label).toMatch(/^[\u4e00-\u9fa5（）]+$/);
      const labels = lines.map((l) => l.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  }
});

test('stored codes are said in words, times in China time', async () => {
  render(<MyDataPage />);
  await screen.findByText('数控铣工');
  const row = (label: string) =>
    screen.getAllByText(label).map((el) => el.parentElement?.querySelector('.member-my-data__value')?.textContent);
  expect(row('授课方式')).toEqual(['送教上门']);
  expect(row('点单状态')).toEqual(['已撤回']);
  expect(row('报名状态')).toEqual(['已签到']);
  expect(row('签到')[0]).toContain('秀洲区职业技能实训基地');
  expect(row('签到')[0]).toContain('14:00');
  expect(row('手机尾号')).toEqual(['5678']);
  expect(row('已评价')).toEqual(['是']);
  expect(row('课程')).toEqual(['数控铣床精度调校实操', '数控铣床精度调校实操']);
  expect(row('点单时间')[0]).toContain('2026年12月17日');
  expect(row('最近更新时间')[0]).toContain('14:01');
});

test('after 申请删除 the deletion summary is brought into sight', async () => {
  render(<MyDataPage />);
  await screen.findByText('数控铣工');
  await act(async () => {
    fireEvent.click(screen.getByText('申请删除我的数据'));
  });
  expect(await screen.findByText('删除结果')).toBeTruthy();
  await waitFor(() => expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ scrollTop: 0 })));
  // The summary comes before the records in the page, so scrolling to the top shows it.
  const result = screen.getByText('删除结果');
  const firstRecord = screen.getAllByText(/（\d+ 条）/)[0];
  expect(result.compareDocumentPosition(firstRecord) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});
