/**
 * Where the app keeps data about a person, outside the `users` document, and what 申请删除 may do
 * with each record. Other domains own these collections; this list only reads them by the owner's
 * field and, on deletion, removes a record or strips the name/phone from one that others depend on.
 * Counters (quotas, seats, stock) are never touched: a record that holds a place is kept.
 */
import { maskName, maskPhone } from '../../lib/mask';

type Doc = Record<string, any>;

/** Shown wherever a deleted person's name used to be. */
export const PLACEHOLDER_NAME = '已注销用户';

/** What happens to one record on deletion: removed, or kept with these fields overwritten. */
export type Disposal = { remove: true } | { keep: Record<string, unknown> };

export interface PrivacySource {
  key: string;
  collection: string;
  title: string;
  /** Query for the caller's records in this collection. */
  owner(openid: string): Record<string, unknown>;
  /** The record as exported to its owner (internal hashes and tokens left out). */
  view(doc: Doc): Doc;
  /**
   * Names a record only points at by id (a booking's session, a voucher's station), so the owner can
   * read what it was about; read in one query per source, fields added to the exported record.
   */
  names?: Array<{ field: string; collection: string; pick: Record<string, string> }>;
  dispose(doc: Doc, tombstone: string): Disposal;
  /** Documents elsewhere that only exist for a removed record (e.g. a call-back to-do). */
  dependents?(doc: Doc): Array<{ collection: string; id: string }>;
  /**
   * Fields that may hold a cloud storage fileID (e.g. a photo): the file is deleted, whether the record
   * goes or is kept, unless another record of the collection holds it too.
   */
  fileFields?: string[];
  /** Said to the user when records are kept. */
  treatment?: string;
  reason?: string;
}

const HIDDEN = new Set(['idHash', 'certificateToken', 'openid', 'to', 'requester', 'ordererOpenid', 'hash']);

function plain(doc: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) if (!HIDDEN.has(k)) out[k === '_id' ? 'id' : k] = v;
  return out;
}

const REMOVE: Disposal = { remove: true };

export const PRIVACY_SOURCES: PrivacySource[] = [
  {
    key: 'membershipApplication',
    collection: 'membershipApplications',
    title: '入会申请',
    owner: (openid) => ({ openid }),
    view: plain,
    dispose: () => REMOVE,
  },
  {
    key: 'transfers',
    collection: 'membershipTransfers',
    title: '转会记录',
    owner: (openid) => ({ openid }),
    view: plain,
    dispose: () => REMOVE,
  },
  {
    key: 'messages',
    collection: 'messages',
    title: '我的消息',
    owner: (openid) => ({ to: openid }),
    view: plain,
    dispose: () => REMOVE,
  },
  {
    key: 'contestRegistrations',
    collection: 'contestRegistrations',
    title: '技能比武报名',
    owner: (openid) => ({ openid }),
    view: plain,
    // A cancelled entry holds no place; every other one counts in the trade's quota or its results.
    dispose: (doc, tombstone) =>
      doc.status === 'cancelled' ? REMOVE : { keep: { openid: tombstone, name: PLACEHOLDER_NAME, phone: '' } },
    treatment: '已去除姓名和手机号',
    reason: '报名占用的名额、签到和比赛成绩需留存核算和公示；如需放弃报名，请在删除前先取消报名',
  },
  {
    key: 'titles',
    collection: 'titles',
    title: '获奖称号',
    owner: (openid) => ({ openid }),
    view: plain,
    // Unchanged: its id pairs the trade with the OPENID, which is how a winner is barred from re-entering.
    dispose: () => ({ keep: {} }),
    treatment: '不修改（记录只有工种、称号和年份）',
    reason: '获奖称号是总工会的表彰记录，需长期留存，并用于同一工种不得重复参赛的资格判断',
  },
  {
    key: 'courseOrders',
    collection: 'courseOrders',
    title: '课程点单',
    owner: (openid) => ({ ordererOpenid: openid }),
    view: plain,
    dispose: (_doc, tombstone) => ({ keep: { ordererOpenid: tombstone, ordererName: PLACEHOLDER_NAME } }),
    treatment: '已去除下单人姓名',
    reason: '点单属于单位工会的办学记录，已排的课程依赖它',
  },
  {
    key: 'sessionBookings',
    collection: 'sessionBookings',
    title: '课程预约',
    owner: (openid) => ({ openid }),
    view: plain,
    names: [{ field: 'sessionId', collection: 'sessions', pick: { sessionTitle: 'title', sessionStartAt: 'startAt' } }],
    dispose: (doc, tombstone) =>
      doc.status === 'cancelled' ? REMOVE : { keep: { openid: tombstone, name: PLACEHOLDER_NAME, phoneTail: '' } },
    treatment: '已去除姓名和手机号',
    reason: '已占用的座位和上课签到用于课程人数统计；如需让出座位，请在删除前先取消预约',
  },
  {
    key: 'sessionRatings',
    collection: 'sessionRatings',
    title: '课程评价',
    owner: (openid) => ({ openid }),
    view: plain,
    names: [{ field: 'sessionId', collection: 'sessions', pick: { sessionTitle: 'title' } }],
    dispose: (_doc, tombstone) => ({ keep: { openid: tombstone } }),
    treatment: '已与您的账号解除关联',
    reason: '评分已计入课程的平均分',
  },
  {
    key: 'retirementRequests',
    collection: 'retirementRequests',
    title: '光荣退休申请（由您提交）',
    owner: (openid) => ({ 'requester.openid': openid }),
    // The retiree may be someone else (a parent): their phone stays masked even to the submitter.
    view: (doc) => ({ ...plain(doc), phone: maskPhone(doc.phone), requesterKind: doc.requester?.kind }),
    // An issued certificate must stay verifiable by its QR; an unissued request is withdrawn.
    dispose: (doc, tombstone) =>
      doc.serial
        ? {
            keep: {
              name: maskName(doc.name),
              phone: '',
              callbackTime: '',
              requester: { kind: doc.requester?.kind ?? 'self', openid: tombstone },
            },
          }
        : REMOVE,
    dependents: (doc) => [{ collection: 'adminTodos', id: `callback-${doc._id}` }],
    // The certificate photo (and one a resubmission dropped, not yet deleted) is deleted from storage
    // even when the issued certificate is kept.
    fileFields: ['photoFileId', 'droppedPhotoFileId'],
    treatment: '已去除手机号和照片，姓名只留脱敏形式',
    reason: '已签发的光荣退休证书需能扫码核验真伪，证书编号和脱敏姓名需保留',
  },
  {
    key: 'giftClaims',
    collection: 'giftClaims',
    title: '春节礼包领取',
    owner: (openid) => ({ openid }),
    view: plain,
    names: [
      { field: 'stationId', collection: 'stations', pick: { stationName: 'name' } },
      { field: 'campaignId', collection: 'giftCampaigns', pick: { campaignName: 'name' } },
    ],
    dispose: () => ({
      keep: { holderName: PLACEHOLDER_NAME, holderPhoneTail: '', holderPhoneMasked: '', memberNo: '' },
    }),
    treatment: '已去除姓名、手机号和会员编号（记录仍与您的微信账号对应，以免重复领取）',
    reason: '每人限领一份：领取与核销记录用于库存核算和防止重复领取',
  },
  {
    key: 'grants',
    collection: 'grants',
    title: '工作权限（总工会授予）',
    owner: (openid) => ({ openid }),
    view: (doc) => {
      const { requestId: _r, grantedBy: _g, revokedBy: _v, useTaken: _u, ...rest } = plain(doc);
      return rest;
    },
    // The grant holds no name or phone: only who holds which role, kept with the account's roles.
    dispose: () => ({ keep: {} }),
    treatment: '不修改（记录只有身份、范围和授予时间，不含姓名和手机号）',
    reason: '工作人员权限由总工会授予和撤销，记录用于审计，如需取消请联系总工会管理员',
  },
];
